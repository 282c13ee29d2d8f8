-- The availability engine reads outage incidents overlapping a period.
CREATE INDEX incident_outage_period ON incident (impact, opened_at, resolved_at);
