#!/usr/bin/env bash
# Two app instances on two ports over one PostgreSQL, wrk load split between them (the catalog, and « programme par e-mail »
# posts that each put one e-mail in the outbox), then the invariants checked in the database and the mail folders:
# every e-mail sent exactly once (the two dispatchers share the outbox), numbers per kind and year continuous from 1 and equal to
# the counters (LW4), seats taken = participants enrolled ≤ capacity.
#   bench/load/scale-out.sh            (makes its own small database lexom_bench_scale with the generator, and drops it)
# Settings: LEXOM_PG, DURATION (10s), KEEP=1 keeps the database.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
ROOT=$(pwd)
PG=${LEXOM_PG:-"Host=127.0.0.1;Port=5432;Username=lexom;Password=lexom"}
DB=lexom_bench_scale
DURATION=${DURATION:-10s}
OUT=$ROOT/bench/load/results/scale-out
APP=$OUT/app
mkdir -p "$OUT"; rm -rf "$OUT/mail-a" "$OUT/mail-b"
say() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
pgfield() { tr ';' '\n' <<<"$PG" | awk -F= -v k="$1" 'tolower($1)==tolower(k) {print $2}'; }
export PGHOST=$(pgfield Host) PGPORT=$(pgfield Port) PGUSER=$(pgfield Username) PGPASSWORD=$(pgfield Password)
command -v wrk >/dev/null 2>&1 || { echo "wrk manque : bench/load/run.sh l'installe (apt-get install wrk)." >&2; exit 1; }

say "Petite base $DB (générateur, échelle 2 %)"
dotnet run -c Release --project bench/Lexom.Training.DataGenerator -- --db "$DB" --scale 0.02 --server "$PG" >&2
say "Publication en Release"
dotnet publish src/Lexom.Training.Web -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "$APP" -v quiet -nologo -clp:ErrorsOnly >&2
export ConnectionStrings__Lexom="$PG;Database=$DB" ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning
say "Migrations, une fois, avant les instances (--migrate-only)"
dotnet "$APP/Lexom.Training.Web.dll" --migrate-only >&2

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; [ -n "${KEEP:-}" ] || psql -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null; }
trap cleanup EXIT
for i in a:5091 b:5092; do
  name=${i%%:*}; port=${i##*:}
  (cd "$APP" && exec env Lexom__InitializeDatabase=false Lexom__Jobs__ProposalExpiryEnabled=false Lexom__Jobs__LatePaymentEnabled=false \
    Lexom__Jobs__RetentionEnabled=false Lexom__Jobs__ConvocationEnabled=false \
    Email__PickupDirectory="$OUT/mail-$name" Email__RateLimit__PermitLimit=100000000 Lexom__PublicBaseUrl=http://127.0.0.1:$port \
    dotnet Lexom.Training.Web.dll --urls "http://127.0.0.1:$port" >"$OUT/app-$name.log" 2>&1) &
  PIDS+=($!)
done
for port in 5091 5092; do
  for _ in $(seq 1 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/formations" || true)" = 200 ] && break; sleep 0.1; done
done

REF=$(psql -d "$DB" -qtAc "SELECT reference FROM courses WHERE status = 'Published' ORDER BY reference LIMIT 1")
# In Production the antiforgery cookie is Secure: asked as behind the TLS proxy (X-Forwarded-Proto, trusted from loopback), and
# taken from the Set-Cookie header (curl keeps Secure cookies for https only). programme-post.lua sends the same header.
HEADERS=$(mktemp)
export LEXOM_TOKEN=$(curl -s -D "$HEADERS" -H "X-Forwarded-Proto: https" "http://127.0.0.1:5091/formations/$REF/programme-par-email" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
export LEXOM_COOKIE=$(grep -i '^set-cookie:' "$HEADERS" | sed 's/^[^:]*: *//; s/;.*//' | grep -v '=$' | paste -sd';' | sed 's/;/; /g')
rm -f "$HEADERS"

say "Charge partagée : catalogue et envois de programme sur les deux instances, $DURATION"
LEXOM_PREFIX=a wrk -t1 -c4 -d"$DURATION" -s bench/load/programme-post.lua "http://127.0.0.1:5091/formations/$REF/programme-par-email" >"$OUT/post-a.txt" &
W1=$!
LEXOM_PREFIX=b wrk -t1 -c4 -d"$DURATION" -s bench/load/programme-post.lua "http://127.0.0.1:5092/formations/$REF/programme-par-email" >"$OUT/post-b.txt" &
W2=$!
wrk -t1 -c8 -d"$DURATION" "http://127.0.0.1:5091/formations" >"$OUT/read-a.txt" &
W3=$!
wrk -t1 -c8 -d"$DURATION" "http://127.0.0.1:5092/formations" >"$OUT/read-b.txt" &
W4=$!
wait $W1 $W2 $W3 $W4

requests() { awk '/requests in/ {print $1}' "$1"; }
bad() { awk '/Non-2xx/ {print $NF}' "$1" | grep . || echo 0; }
POSTS=$(( $(requests "$OUT/post-a.txt") + $(requests "$OUT/post-b.txt") ))
REFUSED=$(( $(bad "$OUT/post-a.txt") + $(bad "$OUT/post-b.txt") ))
say "Attente de l'envoi de la file"
for _ in $(seq 1 240); do
  [ "$(psql -d "$DB" -qtAc "SELECT count(*) FROM outbox_messages WHERE status <> 'Sent'")" = 0 ] && break; sleep 0.5
done

FAIL=0
check() { if [ "$2" = "$3" ]; then echo "- OK  $1 ($2)"; else echo "- ÉCHEC $1 : $2 ≠ $3"; FAIL=1; fi; }
ROWS=$(psql -d "$DB" -qtAc "SELECT count(*) FROM outbox_messages")
SENT=$(psql -d "$DB" -qtAc "SELECT count(*) FROM outbox_messages WHERE status = 'Sent'")
FILES=$(find "$OUT/mail-a" "$OUT/mail-b" -type f 2>/dev/null | wc -l)
echo "Scale-out, $(date -u '+%Y-%m-%d %H:%M UTC'): $POSTS posts ($REFUSED refused), $(( $(requests "$OUT/read-a.txt") + $(requests "$OUT/read-b.txt") )) catalog reads, two instances."
# wrk counts the answers it read; a post still in flight when it stops (at most one per connection, 8) is saved all the same.
INFLIGHT_OK=$(( ROWS >= POSTS - REFUSED && ROWS <= POSTS - REFUSED + 8 ? 1 : 0 ))
check "one outbox row per accepted post ($ROWS rows for $(( POSTS - REFUSED )) answered posts, at most 8 in flight)" "$INFLIGHT_OK" 1
check "every e-mail sent" "$SENT" "$ROWS"
check "each e-mail written once (files of both instances)" "$FILES" "$ROWS"
check "e-mails sent by instance a + b" "$(( $(find "$OUT/mail-a" -type f 2>/dev/null | wc -l) + $(find "$OUT/mail-b" -type f 2>/dev/null | wc -l) ))" "$SENT"
GAPS=$(psql -d "$DB" -qtAc "
  WITH numbers AS (
    SELECT split_part(number, '-', 1) AS prefix, split_part(number, '-', 2)::int AS year, split_part(number, '-', 3)::int AS seq FROM invoices
    UNION ALL SELECT 'DEV', split_part(number, '-', 2)::int, split_part(number, '-', 3)::int FROM proposals WHERE number IS NOT NULL AND number NOT LIKE '%-V%')
  SELECT count(*) FROM (SELECT prefix, year, count(*) AS n, max(seq) AS last, count(DISTINCT seq) AS d FROM numbers GROUP BY prefix, year) g
  WHERE n <> last OR d <> n")
check "LW4: numbers per kind and year continuous from 1 (groups with a gap)" "$GAPS" 0
COUNTERS=$(psql -d "$DB" -qtAc "
  SELECT count(*) FROM document_counters c WHERE c.last <> (SELECT coalesce(max(split_part(number, '-', 3)::int), 0) FROM (
    SELECT number FROM invoices UNION ALL SELECT number FROM proposals WHERE number IS NOT NULL) n
    WHERE split_part(number, '-', 2)::int = c.year AND split_part(number, '-', 1) = CASE c.kind WHEN 'Proposal' THEN 'DEV' WHEN 'Invoice' THEN 'FAC' WHEN 'DepositInvoice' THEN 'ACP' ELSE 'AV' END)")
check "LW4: each counter at its last number (counters that differ)" "$COUNTERS" 0
SEATS=$(psql -d "$DB" -qtAc "
  SELECT count(*) FROM course_sessions s
  WHERE s.seats_taken <> (SELECT count(*) FROM session_enrolments e WHERE e.session_id = s.id AND e.status = 'Enrolled') OR s.seats_taken > s.capacity")
check "capacity: seats taken = enrolled ≤ capacity (sessions that differ)" "$SEATS" 0
exit $FAIL
