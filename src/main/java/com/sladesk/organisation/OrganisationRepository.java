package com.sladesk.organisation;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    @EntityGraph(attributePaths = "contactEmails")
    Optional<Organisation> findWithContactsById(Long id);

    Optional<Organisation> findByName(String name);

    @org.springframework.data.jpa.repository.Query("select o.id, o.name from Organisation o where o.id in :ids")
    java.util.List<Object[]> namesOf(java.util.Collection<Long> ids);

    @EntityGraph(attributePaths = "contactEmails")
    @org.springframework.data.jpa.repository.Query("select distinct o from Organisation o order by o.name")
    java.util.List<Organisation> findAllWithContacts();
}
