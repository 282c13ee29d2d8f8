package com.sladesk.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    @EntityGraph(attributePaths = "organisation")
    Optional<AppUser> findByUsername(String username);

    @EntityGraph(attributePaths = "organisation")
    Optional<AppUser> findByEmail(String email);

    @EntityGraph(attributePaths = "organisation")
    List<AppUser> findByRoleAndEnabledTrue(Role role);

    @EntityGraph(attributePaths = "organisation")
    List<AppUser> findAllByOrderByUsername();

    boolean existsByUsername(String username);

    long countByRoleAndEnabledTrue(Role role);

    boolean existsByOrganisationId(long organisationId);
}
