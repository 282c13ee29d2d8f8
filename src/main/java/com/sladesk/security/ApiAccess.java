package com.sladesk.security;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * Who may call what under {@code /api/**}: the one table the API's security chain is built from
 * and the OpenAPI document quotes for each operation. The first rule that matches a request
 * decides; a rule with no roles refuses everyone.
 */
public final class ApiAccess {

    static final String SRE = "SRE";
    static final String LEADERSHIP = "LEADERSHIP";
    static final String CTO = "CTO";
    static final String ADMIN = "ADMIN";
    static final String CUSTOMER = "CUSTOMER";
    private static final List<String> EVERYONE = List.of(CUSTOMER, SRE, LEADERSHIP, CTO, ADMIN);
    private static final List<String> STAFF = List.of(SRE, LEADERSHIP, CTO, ADMIN);
    private static final List<String> NOBODY = List.of();

    /** One line of the table: requests with {@code method} (null: any) on one of {@code paths}, and who may send them. */
    record Rule(HttpMethod method, List<String> paths, List<String> roles) {

        boolean matches(HttpMethod requested, String path) {
            return (method == null || method.equals(requested)) && paths.stream().anyMatch(p -> PATHS.match(p, path));
        }
    }

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    static final List<Rule> RULES = List.of(
            rule(HttpMethod.GET, List.of(SRE, ADMIN), "/api/notifications/**"),
            rule(null, List.of(ADMIN), "/api/notifications/**"),
            rule(HttpMethod.POST, List.of(AlertmanagerTokenFilter.ROLE), AlertmanagerTokenFilter.PATH),
            rule(HttpMethod.GET, STAFF, "/api/incidents", "/api/incidents/**"),
            rule(null, List.of(SRE), "/api/incidents", "/api/incidents/**"),
            rule(HttpMethod.POST, List.of(CUSTOMER), "/api/credit-requests"),
            rule(HttpMethod.POST, List.of(SRE), "/api/credit-requests/*/decision"),
            rule(HttpMethod.GET, EVERYONE, "/api/credit-requests", "/api/credit-requests/*",
                    "/api/credit-requests/*/attachments/*"),
            rule(null, NOBODY, "/api/credit-requests/**"),
            rule(HttpMethod.GET, List.of(SRE, ADMIN), "/api/credit-ledger"),
            rule(HttpMethod.GET, EVERYONE, "/api/maintenance", "/api/maintenance/**"),
            rule(null, List.of(SRE), "/api/maintenance", "/api/maintenance/**"),
            rule(HttpMethod.GET, STAFF, "/api/exceptions", "/api/exceptions/**"),
            rule(HttpMethod.POST, List.of(SRE), "/api/exceptions/*/review"),
            rule(HttpMethod.POST, List.of(LEADERSHIP, CTO), "/api/exceptions/*/approve"),
            rule(HttpMethod.POST, List.of(SRE, LEADERSHIP), "/api/exceptions"),
            rule(HttpMethod.PUT, List.of(SRE, LEADERSHIP), "/api/exceptions/*"),
            rule(null, NOBODY, "/api/exceptions/**"),
            rule(HttpMethod.POST, List.of(CTO), "/api/changes/*/decision"),
            rule(null, STAFF, "/api/changes", "/api/changes/**"),
            rule(HttpMethod.GET, EVERYONE, "/api/availability"),
            rule(HttpMethod.GET, STAFF, "/api/plans"),
            rule(HttpMethod.GET, STAFF, "/api/budget", "/api/policy-versions", "/api/calibrations", "/api/calibrations/*"),
            rule(HttpMethod.POST, List.of(SRE), "/api/calibrations/*/review"),
            rule(HttpMethod.POST, List.of(LEADERSHIP, CTO), "/api/calibrations/*/approve"),
            rule(HttpMethod.POST, List.of(SRE, LEADERSHIP, CTO), "/api/calibrations"),
            rule(null, NOBODY, "/api/calibrations/**", "/api/policy-versions"),
            rule(HttpMethod.GET, List.of(SRE, LEADERSHIP, CTO), "/api/reports/**"),
            rule(null, NOBODY, "/api/reports/**"),
            rule(HttpMethod.GET, STAFF, "/api/postmortems", "/api/postmortems/**"),
            rule(HttpMethod.POST, STAFF, "/api/postmortems/action-items/*/done"),
            rule(null, List.of(SRE), "/api/postmortems/**"),
            rule(HttpMethod.POST, List.of(PagerDutySignatureFilter.ROLE), PagerDutySignatureFilter.PATH),
            rule(HttpMethod.PUT, STAFF, "/api/oncall/contacts"),
            rule(HttpMethod.GET, STAFF, "/api/oncall/**"),
            rule(null, List.of(SRE, ADMIN), "/api/oncall/**"),
            rule(HttpMethod.GET, STAFF, "/api/slos", "/api/slos/**"),
            rule(null, List.of(SRE, ADMIN), "/api/slos", "/api/slos/**"),
            rule(HttpMethod.GET, List.of(ADMIN), "/api/audit"),
            rule(null, List.of(ADMIN), "/api/admin", "/api/admin/**"),
            rule(null, NOBODY, "/api/audit/**"),
            rule(null, EVERYONE, "/api/**"));

    private ApiAccess() {
    }

    /**
     * The roles that may send {@code method} to {@code path}, a path as the API documents it
     * ({@code /api/incidents/{id}}); empty when nobody may, or when no rule names it.
     */
    public static List<String> rolesFor(String method, String path) {
        String concrete = path.replaceAll("\\{[^}/]+}", "1");
        HttpMethod requested = HttpMethod.valueOf(method.toUpperCase());
        return find(requested, concrete).map(Rule::roles).orElse(NOBODY);
    }

    static Optional<Rule> find(HttpMethod method, String path) {
        return RULES.stream().filter(r -> r.matches(method, path)).findFirst();
    }

    private static Rule rule(HttpMethod method, List<String> roles, String... paths) {
        return new Rule(method, List.of(paths), roles);
    }
}
