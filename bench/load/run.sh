#!/usr/bin/env bash
# HTTP load on the app (Release, Production settings, logging at Warning) over a generated database, with wrk on 127.0.0.1:
# the catalog, a course page, a search, the staff proposal list (filtered, paged) and the dashboard, and a static copy of the
# catalog page served by the same Kestrel in the same run, at 1, 8, 32 and 64 connections. Prints a markdown table (requests/s,
# p50, p99, dynamic/static ratio), the start-up time to the first 200 on /formations and the app's RSS under load.
#   bench/load/run.sh [DATABASE]            (default lexom_bench; fill it first with bench/Lexom.Training.DataGenerator)
# Settings: LEXOM_PG (server, role with the database), PORT (5090), DURATION (15s), WARMUP (10s), LINE_WARMUP (3s), CONNECTIONS ("1 8 32 64"),
# OUT (bench/load/results).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
ROOT=$(pwd)
DB=${1:-lexom_bench}
PG=${LEXOM_PG:-"Host=127.0.0.1;Port=5432;Username=lexom;Password=lexom"}
PORT=${PORT:-5090}
DURATION=${DURATION:-15s}
# Each page is loaded this long before its first measured line: the JIT finishes tiering its hot code (ReadyToRun, then
# instrumented, then optimised) within seconds under load; a shorter warm-up measures the tiering, not the page.
WARMUP=${WARMUP:-10s}
# And each measured line is preceded by this much of the same load, unmeasured: the lines of the other pages take longer than
# the output cache's freshness (60 s), so a line begins with its pages past it (the search's twenty), recomputed by their first
# visitors; the line measures the page under load, the refill is measured on its own (last line).
LINE_WARMUP=${LINE_WARMUP:-3s}
CONNECTIONS=${CONNECTIONS:-"1 8 32 64"}
OUT=${OUT:-$ROOT/bench/load/results}
APP=$OUT/app
BASE=http://127.0.0.1:$PORT
mkdir -p "$OUT"

say() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
pgfield() { tr ';' '\n' <<<"$PG" | awk -F= -v k="$1" 'tolower($1)==tolower(k) {print $2}'; }
export PGHOST=$(pgfield Host) PGPORT=$(pgfield Port) PGUSER=$(pgfield Username) PGPASSWORD=$(pgfield Password)
psql -d "$DB" -qtAc "SELECT 1" >/dev/null 2>&1 || { echo "La base $DB est introuvable : lancez d'abord bench/Lexom.Training.DataGenerator (voir docs/performance.md)." >&2; exit 1; }

if ! command -v wrk >/dev/null 2>&1; then
  say "Installation de wrk (Debian)"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; fi
fi

say "Publication en Release (ReadyToRun) dans $APP"
dotnet publish src/Lexom.Training.Web -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "$APP" -v quiet -nologo -clp:ErrorsOnly >&2

APP_PID=
start_app() {
  # Production settings; only warnings logged; the background jobs (expiry, late payment, retention, convocations) off so that
  # the load is the pages' (the retention job's first run, at start-up, reads every client and invoice);
  # the outbox dispatcher stays on. The static copy lives in the published wwwroot (Lexom:Bench:StaticFiles).
  # From the published folder, as in production: the content root (and wwwroot) is the current directory.
  (cd "$APP" && exec env ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Lexom=$PG;Database=$DB" \
    Serilog__MinimumLevel__Default=Warning Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime=Warning \
    Lexom__Jobs__ProposalExpiryEnabled=false Lexom__Jobs__LatePaymentEnabled=false Lexom__Bench__StaticFiles=true \
    Lexom__Jobs__RetentionEnabled=false Lexom__Jobs__ConvocationEnabled=false Lexom__RateLimits__Login__PermitLimit=1000 \
    Email__PickupDirectory="$OUT/mail" Lexom__PublicBaseUrl="$BASE" \
    dotnet Lexom.Training.Web.dll --urls "$BASE" >>"$OUT/app.log" 2>&1) &
  APP_PID=$!
}
stop_app() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; APP_PID=; }
trap stop_app EXIT
wait_200() {
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/formations" || true)" = 200 ] && return 0
    sleep 0.05
  done
  echo "L'application ne répond pas, voir $OUT/app.log" >&2; exit 1
}

: >"$OUT/app.log"
say "Premier démarrage (migrations éventuelles)"
start_app; wait_200
# The same catalog page, copied as a file: the reference the dynamic pages are compared with.
mkdir -p "$APP/wwwroot/bench"
curl -s "$BASE/formations" >"$APP/wwwroot/bench/formations.html"
stop_app
say "Démarrage mesuré, schéma à jour"
t0=$(date +%s%N); start_app; wait_200; t1=$(date +%s%N)
STARTUP_MS=$(( (t1 - t0) / 1000000 ))
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/bench/formations.html")" = 200 ] || { echo "La copie statique n'est pas servie" >&2; exit 1; }
REF=$(psql -d "$DB" -qtAc "SELECT c.reference FROM courses c WHERE c.status = 'Published' AND EXISTS (SELECT 1 FROM course_sessions s WHERE s.course_id = c.id AND s.status = 'Planned' AND s.starts_on > current_date) ORDER BY c.reference LIMIT 1")

# The sales person's cookie, for the staff pages. In Production the cookies are Secure: the requests carry the header of the
# TLS proxy in front (X-Forwarded-Proto, trusted from loopback), and the cookies go in a Cookie header (curl keeps Secure
# cookies for https). A browser gets its sign-in cookie renewed when the security stamp is checked (each minute); wrk would
# replay the first one and have it checked at every request: each staff line signs in afresh (sign_in).
PROXY="X-Forwarded-Proto: https"
set_cookies() { grep -i '^set-cookie:' "$1" | sed 's/^[^:]*: *//; s/;.*//' | grep -v '=$' | paste -sd';' | sed 's/;/; /g'; }
sign_in() {
  local headers page token cookies
  headers=$(mktemp)
  page=$(curl -s -D "$headers" -H "$PROXY" "$BASE/compte/connexion")
  token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$page" | sed 's/.*value="//;s/"$//')
  cookies=$(set_cookies "$headers")
  curl -s -o /dev/null -D "$headers" -H "$PROXY" -H "Cookie: $cookies" --data-urlencode "Email=commercial@bench.lexom.test" \
    --data-urlencode "Password=bench-lexom-charge-2026" --data-urlencode "__RequestVerificationToken=$token" "$BASE/compte/connexion"
  LEXOM_COOKIE=$(set_cookies "$headers")
  export LEXOM_COOKIE
  rm -f "$headers"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$PROXY" -H "Cookie: $LEXOM_COOKIE" "$BASE/gestion/demandes")" = 200 ] || { echo "Connexion du commercial impossible" >&2; exit 1; }
}
sign_in
# What a sales person types in the list's search boxes: 20 proposal numbers and 20 client names (ASCII, spaces and commas
# escaped), drawn from the database; proposals.lua rotates them.
LEXOM_NUMBERS=$(psql -d "$DB" -qtAc "SELECT number FROM proposals WHERE number IS NOT NULL ORDER BY md5(id::text) LIMIT 20" | paste -sd'|')
LEXOM_CLIENTS=$(psql -d "$DB" -qtAc "SELECT replace(replace(name, ',', '%2C'), ' ', '%20') FROM clients WHERE name ~ '^[A-Za-z ,]+$' ORDER BY md5(id::text) LIMIT 20" | paste -sd'|')
export LEXOM_NUMBERS LEXOM_CLIENTS

# name|url|script
TARGETS=(
  "Fichier statique (copie du catalogue)|$BASE/bench/formations.html|"
  "Catalogue /formations|$BASE/formations|"
  "Page formation /formations/$REF|$BASE/formations/$REF|"
  "Recherche /formations?q=…|$BASE/formations|bench/load/search.lua"
  "Propositions (filtrées, paginées)|$BASE/gestion/propositions|bench/load/proposals.lua"
  "Tableau de bord /gestion|$BASE/gestion|bench/load/cookie.lua"
)

ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.1f", v}' <<<"$1"; }
rss_mb() { awk '/^VmRSS/ {printf "%d", $2/1024}' "/proc/$APP_PID/status"; }

# Cold: each page once, before any load (the caches are empty).
COLD=()
for t in "${TARGETS[@]}"; do
  IFS='|' read -r name url script <<<"$t"
  [ "$script" = bench/load/search.lua ] && url="$url?q=formation+management"
  [ "$script" = bench/load/proposals.lua ] && url="$url?statut=acceptee&page=3"
  COLD+=("$(curl -s -o /dev/null -H "$PROXY" -H "Cookie: $LEXOM_COOKIE" -w '%{time_total}' "$url" | awk '{printf "%.0f", $1*1000}')")
done

say "Échauffement"
for t in "${TARGETS[@]}"; do
  IFS='|' read -r name url script <<<"$t"
  [[ "$url" == */gestion* ]] && sign_in
  wrk -t2 -c8 -d"$WARMUP" ${script:+-s "$script"} "$url" >/dev/null
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
RESULTS=$OUT/results.tsv
: >"$RESULTS"
RSS_MAX=0
for c in $CONNECTIONS; do
  threads=$(( c < 2 ? 1 : 2 ))
  for t in "${TARGETS[@]}"; do
    IFS='|' read -r name url script <<<"$t"
    say "$name, $c connexion(s)"
    [[ "$url" == */gestion* ]] && sign_in
    ( peak=0; while kill -0 "$APP_PID" 2>/dev/null; do r=$(rss_mb); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" >"$OUT/rss"; sleep 0.5; done ) &
    sampler=$!
    echo 0 >"$OUT/rss"
    wrk -t"$threads" -c"$c" -d"$LINE_WARMUP" --timeout 10s ${script:+-s "$script"} "$url" >/dev/null
    wrk -t"$threads" -c"$c" -d"$DURATION" --timeout 10s --latency ${script:+-s "$script"} "$url" >"$OUT/wrk.txt"
    kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
    rss=$(cat "$OUT/rss")
    [ "$rss" -gt "$RSS_MAX" ] && RSS_MAX=$rss
    rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$OUT/wrk.txt")
    p50=$(ms "$(awk '$1=="50%" {print $2}' "$OUT/wrk.txt")")
    p99=$(ms "$(awk '$1=="99%" {print $2}' "$OUT/wrk.txt")")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' "$OUT/wrk.txt" | tr '\n' ' ')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$c" "$rps" "$p50" "$p99" "$rss" "$errors" >>"$RESULTS"
  done
done
# The refill the line warm-up keeps out of the lines, measured once: the search at 32 connections beginning with its twenty
# pages past their freshness (after more than the cache's 60 s without a visit), as after a quiet minute on the site.
say "Recherche, 32 connexions, entrées expirées au départ"
sleep 61
wrk -t2 -c32 -d"$DURATION" --timeout 10s --latency -s bench/load/search.lua "$BASE/formations" >"$OUT/wrk.txt"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "Recherche, entrées expirées au départ (pas d'échauffement)" 32 \
  "$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$OUT/wrk.txt")" "$(ms "$(awk '$1=="50%" {print $2}' "$OUT/wrk.txt")")" \
  "$(ms "$(awk '$1=="99%" {print $2}' "$OUT/wrk.txt")")" "$(rss_mb)" "$(awk '/Non-2xx|Socket errors/ {print}' "$OUT/wrk.txt" | tr '\n' ' ')" >>"$RESULTS"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# The table: each page's requests/s against the static file's at the same number of connections.
{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'), database $DB ($(psql -d "$DB" -qtAc "SELECT count(*) FROM courses") courses, $(psql -d "$DB" -qtAc "SELECT count(*) FROM proposals") proposals, $(psql -d "$DB" -qtAc "SELECT count(*) FROM invoices") invoices), wrk $DURATION per line after $LINE_WARMUP of the same load unmeasured, $(nproc) cores."
  echo
  echo "Start-up to the first 200 on /formations (schema up to date): **$STARTUP_MS ms**. App RSS, highest sample under load: **$RSS_MAX MB**. Load average before / after: $LOAD_BEFORE / $LOAD_AFTER."
  echo
  echo "| Page | Connections | Requests/s | p50 (ms) | p99 (ms) | Dynamic / static | RSS (MB) | Errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  awk -F'\t' '{ if ($1 ~ /^Fichier statique/) static[$2]=$3; rows[NR]=$0 }
    END { for (i=1; i<=NR; i++) { split(rows[i], f, "\t"); ratio = (f[1] ~ /^Fichier statique/ || static[f[2]] == 0) ? "" : sprintf("%.0f %%", 100*f[3]/static[f[2]]);
      printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", f[1], f[2], f[3], f[4], f[5], ratio, f[6], f[7] } }' "$RESULTS"
  echo
  echo "Cold (first request of each page, empty caches, no load), in ms:"
  i=0
  for t in "${TARGETS[@]}"; do IFS='|' read -r name _ _ <<<"$t"; echo "- $name: ${COLD[$i]}"; i=$((i + 1)); done
} | tee "$OUT/table.md"
