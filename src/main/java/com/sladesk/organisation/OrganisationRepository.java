package com.sladesk.organisation;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    @EntityGraph(attributePaths = "contactEmails")
    Optional<Organisation> findWithContactsById(Long id);

    Optional<Organisation> findByName(String name);
}
