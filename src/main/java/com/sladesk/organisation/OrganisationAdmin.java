package com.sladesk.organisation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.system.DuplicateException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations as an administrator manages them: create, change, deactivate (never delete: an
 * organisation's claims and credits keep pointing at it). Every change is audited with before and after.
 */
@Service
@Transactional
public class OrganisationAdmin {

    private final OrganisationRepository organisations;
    private final ComponentCatalogue catalogue;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganisationAdmin(OrganisationRepository organisations, ComponentCatalogue catalogue,
            ApplicationEventPublisher events, Clock clock) {
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
    }

    public OrganisationInfo create(OrganisationDraft draft, String actor) {
        Checked checked = check(draft, null);
        Organisation organisation = new Organisation(checked.name(), checked.fee(), checked.currency(),
                Set.of(checked.noticeEmail()), clock.instant());
        organisation.change(checked.name(), checked.fee(), checked.currency(), checked.noticeEmail(),
                checked.billingEmail(), checked.components());
        OrganisationInfo saved = organisations.saveAndFlush(organisation).toInfo();
        events.publishEvent(new OrganisationChanged(actor, "create", saved.id(), describe(saved)));
        return saved;
    }

    public OrganisationInfo change(long id, OrganisationDraft draft, String actor) {
        Organisation organisation = get(id);
        OrganisationInfo before = organisation.toInfo();
        Checked checked = check(draft, id);
        organisation.change(checked.name(), checked.fee(), checked.currency(), checked.noticeEmail(),
                checked.billingEmail(), checked.components());
        OrganisationInfo after = organisations.saveAndFlush(organisation).toInfo();
        events.publishEvent(new OrganisationChanged(actor, "change", id,
                "before: " + describe(before) + "; after: " + describe(after)));
        return after;
    }

    /** Its customers can no longer sign in; its records, claims and credits stay. */
    public OrganisationInfo deactivate(long id, String actor) {
        Organisation organisation = get(id);
        boolean wasActive = organisation.isActive();
        organisation.deactivate();
        OrganisationInfo after = organisation.toInfo();
        if (wasActive) {
            events.publishEvent(new OrganisationChanged(actor, "deactivate", id, describe(after)));
            events.publishEvent(new UserAccountsChanged());
        }
        return after;
    }

    /** The draft with every unset field taken from the organisation as it is (for PATCH). */
    @Transactional(readOnly = true)
    public OrganisationDraft merged(long id, OrganisationDraft patch) {
        OrganisationInfo now = get(id).toInfo();
        return new OrganisationDraft(patch.name() != null ? patch.name() : now.name(),
                patch.monthlyFee() != null ? patch.monthlyFee() : now.monthlyFee(),
                patch.currency() != null ? patch.currency() : now.currency(),
                patch.noticeEmail() != null ? patch.noticeEmail() : now.noticeEmail(),
                patch.billingEmail() != null ? patch.billingEmail() : now.billingEmail(),
                patch.components() != null ? patch.components() : now.components());
    }

    private Organisation get(long id) {
        return organisations.findWithContactsById(id).orElseThrow(() -> new NotFoundException("Organisation", id));
    }

    private record Checked(String name, BigDecimal fee, String currency, String noticeEmail, String billingEmail,
            List<String> components) {
    }

    private Checked check(OrganisationDraft draft, Long self) {
        String name = draft.name() == null ? "" : draft.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("name", "size", "must be 1 to 200 characters");
        }
        organisations.findByNameIgnoreCase(name).filter(o -> self == null || !o.getId().equals(self)).ifPresent(o -> {
            throw new DuplicateException("name", "an organisation named " + name + " exists");
        });
        BigDecimal fee = draft.monthlyFee();
        if (fee == null) {
            throw new InvalidInputException("monthlyFee", "required", "must be given");
        }
        if (fee.signum() < 0 || fee.scale() > 2 || fee.precision() - fee.scale() > 12) {
            throw new InvalidInputException("monthlyFee", "amount",
                    "must be an amount of 0 or more with at most 2 decimals and 12 digits before the point");
        }
        String currency = draft.currency() == null ? "" : draft.currency().trim().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}") || !isIso4217(currency)) {
            throw new InvalidInputException("currency", "iso4217", "must be an ISO 4217 currency code such as USD or EUR");
        }
        String notice = Checks.email("noticeEmail", draft.noticeEmail());
        String billing = Checks.email("billingEmail", draft.billingEmail());
        List<String> components = new ArrayList<>(new LinkedHashSet<>(draft.components() == null ? List.of()
                : draft.components().stream().map(c -> c == null ? "" : c.trim().toLowerCase(Locale.ROOT)).toList()));
        // a component covered already stays covered when it is retired later
        List<String> covered = self == null ? List.of() : get(self).toInfo().components();
        List<String> unknown = catalogue.unknownCodes(components.stream().filter(c -> !covered.contains(c)).toList());
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("components", "unknown",
                    "not in the component catalogue, or retired: " + String.join(", ", unknown));
        }
        return new Checked(name, fee.setScale(2), currency, notice, billing, components);
    }

    private static boolean isIso4217(String code) {
        return Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
    }

    private static String describe(OrganisationInfo o) {
        return "name " + o.name() + ", fee " + o.monthlyFee() + " " + o.currency() + ", notices " + o.noticeEmail()
                + ", billing " + o.billingEmail() + ", components " + o.components() + (o.active() ? "" : ", inactive");
    }
}
