package com.sladesk.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API: the components in the SLA's scope. */
@Service
@Transactional(readOnly = true)
public class ComponentCatalogue {

    private final ServiceComponentRepository components;

    /**
     * Codes seen in the catalogue. Components are added, never removed, so a code found once is
     * known for good and an incident or window naming only such codes needs no query; a code not in
     * this set is always looked up, so a component added on another node is found.
     */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

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
        if (known.containsAll(codes)) {
            return List.of();
        }
        components.findByCodeIn(codes).forEach(c -> known.add(c.toInfo().code()));
        return codes.stream().filter(c -> !known.contains(c)).distinct().toList();
    }

    @Transactional
    public ComponentInfo add(String code, String name, String description, boolean beta) {
        return components.save(new ServiceComponent(code, name, description, beta)).toInfo();
    }
}
