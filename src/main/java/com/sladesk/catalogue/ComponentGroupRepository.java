package com.sladesk.catalogue;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ComponentGroupRepository extends JpaRepository<ComponentGroup, Long> {

    Optional<ComponentGroup> findByName(String name);

    List<ComponentGroup> findAllByOrderByName();
}
