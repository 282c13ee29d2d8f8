package com.sladesk.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API: the components in the SLA's scope. */
@Service
@Transactional(readOnly = true)
public class ComponentCatalogue {

    private final ServiceComponentRepository components;

    ComponentCatalogue(ServiceComponentRepository components) {
        this.components = components;
    }

    public List<ComponentInfo> all() {
        return components.findAllByOrderByName().stream().map(ServiceComponent::toInfo).toList();
    }

    public Optional<ComponentInfo> findByCode(String code) {
        return components.findByCode(code).map(ServiceComponent::toInfo);
    }

    /** The codes among {@code codes} that are not in the catalogue. */
    public List<String> unknownCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> known = components.findByCodeIn(codes).stream().map(c -> c.toInfo().code())
                .collect(java.util.stream.Collectors.toSet());
        return codes.stream().filter(c -> !known.contains(c)).distinct().toList();
    }

    @Transactional
    public ComponentInfo add(String code, String name, String description, boolean beta) {
        return components.save(new ServiceComponent(code, name, description, beta)).toInfo();
    }
}
