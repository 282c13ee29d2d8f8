package com.sladesk.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceComponentRepository extends JpaRepository<ServiceComponent, Long> {

    Optional<ServiceComponent> findByCode(String code);

    Optional<ServiceComponent> findByNameIgnoreCase(String name);

    List<ServiceComponent> findAllByOrderByName();

    List<ServiceComponent> findByCodeIn(Collection<String> codes);
}
