-- The benchmark's data set (bench/run), in SQL that PostgreSQL and H2 both run:
--   50 customer organisations (users bench-c1 … bench-c50, password "bench"), 12 months of
--   history: 5,000 resolved incidents, 200 completed maintenance windows, 2,000 credit claims
--   (one per organisation and month, as the SLA allows: 50 organisations × 40 months);
--   plus 20,000 organisations with one customer each (bench-w1 … bench-w20000) for the
--   claim-writing benchmark, each able to claim last month once.
-- Seeded users have BCrypt cost 4 (the service's own users have 10), so that the first sign-in
-- of 20,000 users does not dominate the write benchmark.
INSERT INTO organisation (name, monthly_fee, currency, created_at)
SELECT 'Bench org ' || g, 5000, 'EUR', CURRENT_TIMESTAMP FROM generate_series(1, 50) s(g);
INSERT INTO organisation (name, monthly_fee, currency, created_at)
SELECT 'Bench claimer ' || g, 1000, 'EUR', CURRENT_TIMESTAMP FROM generate_series(1, 20000) s(g);
INSERT INTO app_user (username, email, password_hash, role, organisation_id, created_at)
SELECT 'bench-c' || SUBSTRING(o.name, 11), 'ops@bench' || SUBSTRING(o.name, 11) || '.example',
       '$2a$04$ZzlT8nTfCn69n8J/M3THQ.2r28c1Xo56tQi09IZQqZPGC4DSv/H/G', 'CUSTOMER', o.id, CURRENT_TIMESTAMP
FROM organisation o WHERE o.name LIKE 'Bench org %';
INSERT INTO app_user (username, email, password_hash, role, organisation_id, created_at)
SELECT 'bench-w' || SUBSTRING(o.name, 15), 'ops@claimer' || SUBSTRING(o.name, 15) || '.example',
       '$2a$04$ZzlT8nTfCn69n8J/M3THQ.2r28c1Xo56tQi09IZQqZPGC4DSv/H/G', 'CUSTOMER', o.id, CURRENT_TIMESTAMP
FROM organisation o WHERE o.name LIKE 'Bench claimer %';

-- 5,000 incidents over the last 365 days: a mix of severities and impacts, all resolved
INSERT INTO incident (title, severity, status, environment, impact, cause, opened_at, acknowledged_at, resolved_at,
                      response_warn_at, response_due_at, resolution_warn_at, resolution_due_at, created_by)
SELECT 'Bench incident ' || g,
       CASE MOD(g, 4) WHEN 0 THEN 'P1' WHEN 1 THEN 'P2' WHEN 2 THEN 'P3' ELSE 'P4' END,
       'RESOLVED', CASE WHEN MOD(g, 10) = 0 THEN 'staging' ELSE 'production' END,
       CASE WHEN MOD(g, 20) = 0 THEN 'outage' WHEN MOD(g, 3) = 0 THEN 'degraded' ELSE 'none' END,
       CASE WHEN MOD(g, 7) = 0 THEN 'third_party' ELSE 'internal' END,
       t, t + INTERVAL '5' MINUTE, t + INTERVAL '1' MINUTE * (10 + MOD(g, 50)),
       t + INTERVAL '45' MINUTE, t + INTERVAL '1' HOUR, t + INTERVAL '3' HOUR, t + INTERVAL '4' HOUR, 'bench'
FROM (SELECT g, CURRENT_TIMESTAMP - INTERVAL '1' MINUTE * (g * 105) AS t FROM generate_series(1, 5000) s(g)) x;
INSERT INTO incident_component (incident_id, component_code)
SELECT id, CASE MOD(id, 4) WHEN 0 THEN 'core' WHEN 1 THEN 'mcp' WHEN 2 THEN 'data' ELSE 'api' END
FROM incident WHERE created_by = 'bench';

-- 200 completed maintenance windows, two hours each, spread over the year
INSERT INTO maintenance_window (title, type, status, starts_at, ends_at, announced_at, ical_uid, created_by)
SELECT 'Bench maintenance ' || g, 'STANDARD', 'COMPLETED', t, t + INTERVAL '2' HOUR, t - INTERVAL '7' DAY,
       'bench-' || g || '@sla-desk', 'bench'
FROM (SELECT g, CURRENT_TIMESTAMP - INTERVAL '1' HOUR * (g * 43) AS t FROM generate_series(1, 200) s(g)) x;
INSERT INTO maintenance_component (window_id, component_code)
SELECT id, 'data' FROM maintenance_window WHERE created_by = 'bench';
INSERT INTO maintenance_activity (window_id, activity)
SELECT id, 'SECURITY_PATCH' FROM maintenance_window WHERE created_by = 'bench';

-- 2,000 decided claims: each of the 50 organisations once a month, January 2023 to April 2026
INSERT INTO credit_request (organisation_id, claim_month, description, status, availability_percent, downtime_minutes,
                            excluded_minutes, credit_percent, monthly_fee, credit_amount, currency, submitted_at,
                            submitted_by, decision_due_at, decided_at, decided_by, applied_at, reason)
SELECT o.id, CAST(2023 + m / 12 AS VARCHAR(4)) || '-' || LPAD(CAST(MOD(m, 12) + 1 AS VARCHAR(2)), 2, '0'),
       'Bench claim', CASE WHEN MOD(m, 3) = 0 THEN 'REJECTED' ELSE 'APPLIED' END, 99.5, 216, 0,
       CASE WHEN MOD(m, 3) = 0 THEN 0 ELSE 10 END, 5000, CASE WHEN MOD(m, 3) = 0 THEN 0 ELSE 500 END, 'EUR',
       CURRENT_TIMESTAMP, 'bench', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'sre',
       CASE WHEN MOD(m, 3) = 0 THEN NULL ELSE CURRENT_TIMESTAMP END,
       CASE WHEN MOD(m, 3) = 0 THEN 'availability met the target' ELSE NULL END
FROM organisation o CROSS JOIN generate_series(0, 39) s(m) WHERE o.name LIKE 'Bench org %';
