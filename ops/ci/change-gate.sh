#!/usr/bin/env bash
# A deploy step that asks SLA Desk's change gate before deploying, and fails the deploy unless
# the change is APPROVED. docs/ci-change-gate.md explains it; OnboardingTests runs it.
#
#   SLADESK_URL    where SLA Desk runs, e.g. https://sla-desk.example.com
#   SLADESK_TOKEN  a service token with the changes:write scope (Administration → API tokens)
#   CHANGE_TITLE   what is being deployed, e.g. "checkout 1.4.2"        (default: the commit)
#   CHANGE_KIND    feature | fix | emergency                             (default: feature)
#   CHANGE_TESTING where the test evidence is, e.g. the CI run's URL     (optional)
#   CHANGE_FIXES   the incident id a fix repairs                         (optional)
set -euo pipefail

: "${SLADESK_URL:?set SLADESK_URL}"
: "${SLADESK_TOKEN:?set SLADESK_TOKEN (a service token with the changes:write scope)}"
title="${CHANGE_TITLE:-deploy $(git rev-parse --short HEAD 2>/dev/null || date -u +%Y%m%dT%H%M%SZ)}"
kind="${CHANGE_KIND:-feature}"

request=$(jq -n --arg title "$title" --arg kind "$kind" --arg testing "${CHANGE_TESTING:-}" \
  --arg fixes "${CHANGE_FIXES:-}" \
  '{title: $title, kind: $kind}
   + (if $testing != "" then {testingEvidence: $testing} else {} end)
   + (if $fixes != "" then {fixesIncidentId: ($fixes | tonumber)} else {} end)')

answer=$(curl --silent --show-error --fail-with-body --max-time 30 \
  -H "Authorization: Bearer $SLADESK_TOKEN" -H "Content-Type: application/json" \
  -X POST "$SLADESK_URL/api/changes" --data "$request") || {
  echo "change gate: SLA Desk refused the request: $answer" >&2
  exit 2
}

decision=$(jq -r .decision <<<"$answer")
reason=$(jq -r '.reason // ""' <<<"$answer")
echo "change gate: change #$(jq -r .id <<<"$answer") is $decision ($(jq -r .policy <<<"$answer") policy, $(jq -r .errorBudgetRemainingPercent <<<"$answer")% error budget left) $reason"
if [ "$decision" != "APPROVED" ]; then
  echo "change gate: not approved, the deploy stops here" >&2
  exit 1
fi
