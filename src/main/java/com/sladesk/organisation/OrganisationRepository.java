package com.sladesk.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    @EntityGraph(attributePaths = { "contactEmails", "components" })
    Optional<Organisation> findWithContactsById(Long id);

    Optional<Organisation> findByName(String name);

    Optional<Organisation> findByNameIgnoreCase(String name);

    @Query("select o.id, o.name from Organisation o where o.id in :ids")
    List<Object[]> namesOf(Collection<Long> ids);

    @EntityGraph(attributePaths = { "contactEmails", "components" })
    @Query("select distinct o from Organisation o order by o.name")
    List<Organisation> findAllWithContacts();

    /** Active organisations that have a notice contact: the only ones a notice can reach. */
    @EntityGraph(attributePaths = { "contactEmails", "components" })
    @Query("select distinct o from Organisation o where o.active = true and exists (select 1 from Organisation p join p.contactEmails e where p = o) order by o.name")
    List<Organisation> findActiveWithContacts();
}
