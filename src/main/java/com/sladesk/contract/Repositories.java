package com.sladesk.contract;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlaPlanRepository extends JpaRepository<SlaPlan, String> {

    List<SlaPlan> findAllByOrderByCode();

    boolean existsByNameIgnoreCase(String name);
}

interface SlaPlanVersionRepository extends JpaRepository<SlaPlanVersion, Long> {

    List<SlaPlanVersion> findByPlanCodeOrderByVersion(String planCode);

    List<SlaPlanVersion> findAllByOrderByPlanCodeAscVersionAsc();
}

interface OrganisationPlanRepository extends JpaRepository<OrganisationPlan, OrganisationPlan.Key> {

    List<OrganisationPlan> findByIdOrganisationIdOrderByIdEffectiveFrom(Long organisationId);

    List<OrganisationPlan> findAllByOrderByIdOrganisationIdAscIdEffectiveFromAsc();
}
