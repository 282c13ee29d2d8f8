# Shared by the drills under bench/drills: build once, start and kill service nodes on their own
# PostgreSQL database, an SMTP sink, and small helpers. Source it; it does not run anything.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=$ROOT/target/drills
mkdir -p "$WORK"
PG="psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1"
SRE_AUTH="sre:demo"
PIDS=()

# The service runs on a pinned day, DRILL_START (default 16 November 2026, 10:00 UTC), through
# sladesk.clock.offset: a credit claim needs a month whose 30-day window is open, which the 31st of
# a month never has, so no drill may depend on today's date. Every node gets the same offset;
# SQL_NOW is the service's "now" in SQL, and iso_ago counts back from it.
DRILL_START=${DRILL_START:-2026-11-16T10:00:00Z}
CLOCK_OFFSET_MS=${CLOCK_OFFSET_MS:-$(( $(date -u -d "$DRILL_START" +%s%3N) - $(date -u +%s%3N) ))}
export DRILL_START CLOCK_OFFSET_MS
SQL_NOW="(now() + interval '$CLOCK_OFFSET_MS milliseconds')"
RESULTS=$ROOT/bench/results/drills-$(date -u +%F).md

# result NAME LINE…: appends the drill's figures to the day's results file (bench/results/drills-<date>.md)
result() {
  local name=$1; shift
  { printf '\n## %s (%s, drill clock from %s)\n\n' "$name" "$(date -u +%FT%TZ)" "$DRILL_START"
    printf '%s\n' "$@"; } >> "$RESULTS"
}

log() { printf '%s %s\n' "$(date -u +%T)" "$*"; }
fail() { log "FAIL: $*"; exit 1; }

jar() {
  if ! ls "$ROOT"/target/sla-desk-*.jar >/dev/null 2>&1 || [ -n "${DRILL_REBUILD:-}" ]; then
    (cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests package)
  fi
  ls "$ROOT"/target/sla-desk-*.jar | head -1
}

reset_db() { # name
  $PG -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
}

sql() { # db query → unaligned, tuples only
  psql -h 127.0.0.1 -U postgres -X -qAt -d "$1" -c "$2"
}

start_smtp() { # port file
  : > "$2"
  python3 "$ROOT/bench/drills/smtp_sink.py" "$1" "$2" > "$WORK/smtp-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done
  fail "SMTP sink on $1 did not start"
}

# start_node NAME PORT DB [extra Spring arguments…]: the service with the demo users, the job
# executor on, mail to the sink on $SMTP_PORT (2525 unless set), delivery every second.
start_node() {
  local name=$1 port=$2 db=$3; shift 3
  SLADESK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" nohup java -Xmx768m -XX:+UseSerialGC -jar "$JAR" \
    --spring.profiles.active=postgres,demo --server.port="$port" --sladesk.grpc.port=0 \
    --spring.mail.host=127.0.0.1 --spring.mail.port="${SMTP_PORT:-2525}" \
    --sladesk.clock.offset="${CLOCK_OFFSET_MS}ms" --sladesk.notification.delivery.poll-interval=PT1S \
    --logging.structured.format.console= --logging.level.root=WARN "$@" >> "$WORK/$name.log" 2>&1 &
  echo $! > "$WORK/$name.pid"
  PIDS+=($!)
}

pid_of() { cat "$WORK/$1.pid"; }

wait_ready() { # port [seconds]
  local deadline=$((SECONDS + ${2:-120}))
  until curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$1/ready"; do
    [ $SECONDS -lt $deadline ] || fail "node on port $1 not ready after ${2:-120} s"
    sleep 0.5
  done
}

kill9() { kill -9 "$(pid_of "$1")" 2>/dev/null || true; wait "$(pid_of "$1")" 2>/dev/null || true; }

cleanup() {
  touch "$WORK"/stop
  local j; for j in $(jobs -p); do kill "$j" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
}

iso_ago() { date -u -d "@$(( ($(date -u +%s%3N) + CLOCK_OFFSET_MS) / 1000 - $1 ))" +%Y-%m-%dT%H:%M:%SZ; }

# post_json PORT PATH USER:PASSWORD BODY → prints "HTTP_CODE ID SECONDS" (ID "-" when none)
post_json() {
  local out
  out=$(curl -s --max-time 10 -u "$3" -H 'Content-Type: application/json' -d "$4" \
    -w '\n%{http_code} %{time_total}' "http://127.0.0.1:$1$2" 2>/dev/null) || true
  local status=${out##*$'\n'}
  local id
  id=$(printf '%s' "$out" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2 || true)
  [ -n "$status" ] || status="000 0"
  echo "${status%% *} ${id:--} ${status#* }"
}

# open_p1 PORT SECONDS_UNTIL_BREACH: a P1 opened long enough ago that its response breach
# (1 h after opening) falls due in the given number of seconds
open_p1() {
  post_json "$1" /api/incidents "$SRE_AUTH" "$(printf '{"title":"drill %s","severity":"P1","components":["core"],"environment":"production","impact":"outage","openedAt":"%s"}' \
    "$RANDOM" "$(iso_ago $((3600 - $2)))")"
}

# claim PORT USER MONTH
claim() {
  post_json "$1" /api/credit-requests "$2:drill" "{\"month\":\"$3\",\"description\":\"drill claim\"}"
}

# seed_customers DB N: N organisations, each with a customer user drill-cN (password "drill")
seed_customers() {
  $PG -d "$1" <<SQL
INSERT INTO organisation (name, monthly_fee, currency, created_at)
SELECT 'Drill org ' || g, 1000, 'EUR', now() FROM generate_series(1, $2) g ON CONFLICT (name) DO NOTHING;
INSERT INTO app_user (username, email, password_hash, role, organisation_id, created_at)
SELECT 'drill-c' || substr(o.name, 11), 'drill-c' || substr(o.name, 11) || '@drill.example',
       '\$2a\$10\$/ihbxS3YLuuMnlhuFSJJAOkiqe5euxY01l/BNyiXgJl9lmB41nEcq', 'CUSTOMER', o.id, now()
FROM organisation o WHERE o.name LIKE 'Drill org %' ON CONFLICT (username) DO NOTHING;
SQL
}

# the month a customer can claim on the drill's day: the one before (its window is open on the 16th)
claim_month() { date -u -d "$(date -u -d "$DRILL_START" +%Y-%m-15) -1 month" +%Y-%m; }
