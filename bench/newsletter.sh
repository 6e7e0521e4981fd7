#!/usr/bin/env bash
# Sends one newsletter issue to N subscribers (default 20,000) in six languages through the outbox to a local SMTP sink
# that only counts (bench/smtp-sink.py), and reports messages per second, the app's peak memory (VmHWM), duplicates and
# missing copies counted at the sink. Usage: bench/newsletter.sh [APP_DIR] (a published app; built here when omitted).
# Prints key=value lines (bench/run.sh copies them into results.md).
set -euo pipefail
cd "$(dirname "$0")/.."
subscribers=${BENCH_SUBSCRIBERS:-20000}
port=${BENCH_SINK_PORT:-27099}
work=$(mktemp -d /tmp/chorus-newsletter.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT

app=${1:-}
if [ -z "$app" ]; then
  dotnet publish src/Chorus.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/app" -nologo -v quiet -clp:ErrorsOnly
  app=$work/app
fi

# As deploy/chorus@.service runs it (README, "Publishing for production").
export MALLOC_ARENA_MAX=2
export ASPNETCORE_ENVIRONMENT=Production
# BENCH_NEWSLETTER_PG="Host=...;Username=..." runs it on PostgreSQL (a fresh database, dropped after) instead of SQLite.
if [ -n "${BENCH_NEWSLETTER_PG:-}" ]; then
  export Database__Provider=postgres
  export Database__ConnectionString="$BENCH_NEWSLETTER_PG;Database=chorus_newsletter_bench_$$"
else
  export Database__Provider=sqlite
  export Database__ConnectionString="Data Source=$work/newsletter.db"
fi
export Seed__DemoContent=false
export Site__PublicOrigin=http://localhost
export Logging__LogLevel__Default=Warning
export Email__SmtpHost=127.0.0.1 Email__SmtpPort=$port Email__SmtpSecurity=None Email__From="Bench <bench@bench.example>"

(cd "$app" && dotnet Chorus.Web.dll migrate >/dev/null && dotnet Chorus.Web.dll bench-newsletter --subscribers "$subscribers" >/dev/null)

python3 bench/smtp-sink.py "$port" "$work/sink.txt" & pids+=($!)
until [ -s "$work/sink.txt" ]; do sleep 0.05; done

t0=$(date +%s%N)
(cd "$app" && exec dotnet Chorus.Web.dll --urls "http://127.0.0.1:5119") >"$work/app.log" 2>&1 & app_pid=$!; pids+=($app_pid)
deadline=$(( $(date +%s) + ${BENCH_NEWSLETTER_TIMEOUT:-600} ))
while :; do
  read -r total distinct duplicates <"$work/sink.txt"
  [ "$distinct" -ge "$subscribers" ] && break
  [ "$(date +%s)" -ge "$deadline" ] && { echo "timed out with $distinct of $subscribers" >&2; break; }
  sleep 0.1
done
elapsed_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$app_pid/status")
sleep 1 # anything sent twice after the last first copy would show now
read -r total distinct duplicates <"$work/sink.txt"
echo "newsletter_database=$Database__Provider"
echo "newsletter_subscribers=$subscribers"
echo "newsletter_seconds=$(awk "BEGIN {printf \"%.1f\", $elapsed_ms / 1000}")"
echo "newsletter_per_second=$(awk "BEGIN {printf \"%.0f\", $distinct * 1000 / $elapsed_ms}")"
echo "newsletter_peak_mb=$(( peak_kb / 1024 ))"
echo "newsletter_duplicates=$duplicates"
echo "newsletter_missing=$(( subscribers - distinct ))"
