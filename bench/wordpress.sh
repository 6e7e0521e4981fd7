#!/usr/bin/env bash
# Imports a generated WordPress export (default 10,000 posts, 2,000 images; `bench-wordpress`) into an empty SQLite site
# with `import wordpress`, reporting posts per second and the import's peak memory (VmHWM, polled); then serves the
# imported site and measures its old permalinks (each a 301) with wrk against the Kestrel baseline, 2 threads, 32
# connections, on loopback. Usage: bench/wordpress.sh [APP_DIR BASELINE_DIR] (published apps; built here when omitted).
# Prints key=value lines (bench/run.sh copies them into results.md).
set -euo pipefail
cd "$(dirname "$0")/.."
posts=${BENCH_WP_POSTS:-10000}
images=${BENCH_WP_IMAGES:-2000}
duration=${BENCH_DURATION:-15s}
work=$(mktemp -d /tmp/chorus-wordpress.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

app=${1:-}
baseline=${2:-}
if [ -z "$app" ]; then
  dotnet publish src/Chorus.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/app" -nologo -v quiet -clp:ErrorsOnly
  dotnet publish bench/Baseline -c Release -o "$work/baseline" -nologo -v quiet -clp:ErrorsOnly
  app=$work/app baseline=$work/baseline
fi

# As deploy/chorus@.service runs it (README, "Publishing for production").
export MALLOC_ARENA_MAX=2
export ASPNETCORE_ENVIRONMENT=Production Database__Provider=sqlite Database__ConnectionString="Data Source=$work/wordpress.db"
export Seed__DemoContent=false Site__PublicOrigin=http://localhost Logging__LogLevel__Default=Warning Media__Folder="$work/media"

(cd "$app" && dotnet Chorus.Web.dll bench-wordpress --out "$work/export" --posts "$posts" --images "$images" && dotnet Chorus.Web.dll migrate >/dev/null)
export_mb=$(( $(stat -c %s "$work/export/export.xml") / 1024 / 1024 ))

t0=$(date +%s%N)
(cd "$app" && exec dotnet Chorus.Web.dll import wordpress "$work/export/export.xml" --uploads "$work/export/uploads") >"$work/import.txt" 2>&1 &
import_pid=$!
peak_kb=0
while kill -0 "$import_pid" 2>/dev/null; do
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$import_pid/status" 2>/dev/null || echo 0)
  [ "${hwm:-0}" -gt "$peak_kb" ] && peak_kb=$hwm
  sleep 0.2
done
wait "$import_pid" || { cat "$work/import.txt" >&2; exit 1; }
elapsed_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
cat "$work/import.txt" >&2

start() { # dir dll port
  (cd "$1" && exec dotnet "$2" --urls "http://127.0.0.1:$3") >"$work/server-$3.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 150); do curl -s -o /dev/null "http://127.0.0.1:$3/" && return; sleep 0.2; done
  echo "server on $3 did not start" >&2; exit 1
}
rps() { # url [script]
  local script=(); [ -n "${2:-}" ] && script=(-s "$2")
  wrk -t2 -c32 -d5s "${script[@]}" "$1" >/dev/null
  wrk -t2 -c32 -d"$duration" "${script[@]}" "$1" | awk '/^Requests\/sec/ { printf "%.0f", $2 }'
}
start "$baseline" Baseline.dll 5141
baseline_rps=$(rps http://127.0.0.1:5141/)
kill "${pids[-1]}"
start "$app" Chorus.Web.dll 5142
# Each request one of the old permalinks, in turn (wrk counts the 301 as the answer; it does not follow it).
cat >"$work/old.lua" <<LUA
local paths = {}
for line in io.lines("$work/export/old-addresses.txt") do paths[#paths + 1] = line end
local i = 0
request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end
LUA
first=$(head -1 "$work/export/old-addresses.txt")
status=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:5142$first")
redirect_rps=$(rps http://127.0.0.1:5142/ "$work/old.lua")

seconds=$(awk "BEGIN {printf \"%.1f\", $elapsed_ms / 1000}")
echo "wordpress_posts=$posts"
echo "wordpress_images=$images"
echo "wordpress_export_mb=$export_mb"
echo "wordpress_seconds=$seconds"
echo "wordpress_posts_per_second=$(awk "BEGIN {printf \"%.0f\", $posts * 1000 / $elapsed_ms}")"
echo "wordpress_peak_mb=$(( peak_kb / 1024 ))"
echo "wordpress_first_old_address=$first -> $status"
echo "wordpress_baseline_rps=$baseline_rps"
echo "wordpress_redirect_rps=$redirect_rps"
echo "wordpress_redirect_of_baseline=$(awk "BEGIN {printf \"%.1f%%\", 100 * $redirect_rps / $baseline_rps}")"
