package com.sladesk.organisation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "organisation")
class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private BigDecimal monthlyFee;

    private String currency;

    private Instant createdAt;

    private String billingEmail;

    private boolean active = true;

    /** Where notices go (the notice contact). */
    @ElementCollection
    @CollectionTable(name = "organisation_contact", joinColumns = @JoinColumn(name = "organisation_id"))
    @Column(name = "email")
    private Set<String> contactEmails = new LinkedHashSet<>();

    /** The components the contract covers, by code. */
    @ElementCollection
    @CollectionTable(name = "organisation_component", joinColumns = @JoinColumn(name = "organisation_id"))
    @Column(name = "component_code")
    private Set<String> components = new LinkedHashSet<>();

    protected Organisation() {
    }

    Organisation(String name, BigDecimal monthlyFee, String currency, Set<String> contactEmails, Instant createdAt) {
        this.name = name;
        this.monthlyFee = monthlyFee;
        this.currency = currency;
        this.contactEmails.addAll(contactEmails);
        this.createdAt = createdAt;
    }

    void change(String name, BigDecimal monthlyFee, String currency, String noticeEmail, String billingEmail,
            Collection<String> components) {
        this.name = name;
        this.monthlyFee = monthlyFee;
        this.currency = currency;
        this.contactEmails.clear();
        this.contactEmails.add(noticeEmail);
        this.billingEmail = billingEmail;
        this.components.clear();
        this.components.addAll(components);
    }

    void deactivate() {
        this.active = false;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    boolean isActive() {
        return active;
    }

    OrganisationInfo toInfo() {
        return new OrganisationInfo(id, name, monthlyFee, currency, contactEmails.stream().sorted().toList(),
                billingEmail, components.stream().sorted().toList(), active);
    }
}
