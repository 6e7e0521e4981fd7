#!/usr/bin/env bash
# Two Chorus nodes on one PostgreSQL and one Redis behind nginx, configured with deploy/nginx-chorus.conf as the README
# tells an operator to (only the ports and the TLS lines changed), everything on loopback. Measures through the balancer:
# cached and uncached home and post pages, the home page during a write storm, and how long a write on one node takes to
# show on the other's cached page. Appends a section to bench/results.md. Run by bench/run.sh after its own run, or alone:
#   bench/nodes.sh PUBLISHED_APP_DIR BASELINE_APP_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
app=$1
baseline=$2
posts=${BENCH_NODES_POSTS:-10000}
duration=${BENCH_DURATION:-15s}

missing=()
for pkg in postgresql redis-server nginx wrk; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if ((${#missing[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/chorus-nodes.XXXXXX)
chmod 755 "$work"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  as_pg "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== Two nodes: PostgreSQL, Redis and nginx on loopback"
mkdir -p "$work/pg" && [ "$(id -u)" = 0 ] && chown postgres:postgres "$work/pg"
as_pg "$pgbin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w -o "-c listen_addresses=127.0.0.1 -p 5299 -k $work/pg -c max_connections=300" start >/dev/null
redis-server --bind 127.0.0.1 --port 5298 --save "" --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)

# As deploy/chorus@.service runs it (README, "Publishing for production").
export MALLOC_ARENA_MAX=2
export ASPNETCORE_ENVIRONMENT=Production
export Database__Provider=postgres
export Database__ConnectionString="Host=127.0.0.1;Port=5299;Username=postgres;Database=chorus"
export Redis__Configuration=127.0.0.1:5298
export Media__Store=Database
export Seed__DemoContent=false
export Site__PublicOrigin=http://localhost
export Logging__LogLevel__Default=Warning
# Every visitor is 127.0.0.1 here (wrk, the storm), so the per-client limits are lifted; the fill-time check too.
export PublicForms__PostsPerMinute=100000000 Accounts__SignInsPerMinute=1000 Campaigns__MinimumFillSeconds=0
export Email__DropFolder="$work/mail"
mkdir -p "$work/mail"

(cd "$app" && dotnet Chorus.Web.dll migrate >/dev/null && dotnet Chorus.Web.dll bench-data --posts "$posts") >"$work/dataset.txt"
value() { grep "^$1=" "$work/dataset.txt" | cut -d= -f2-; }
post_url=$(value post_url)
signon_url=$(value signon_url)
printf 'a bench password that nobody types\n' | (cd "$app" && dotnet Chorus.Web.dll users add --email storm-admin@bench.example --role Admin) >/dev/null

# The README's nginx site, for loopback: no TLS, the two nodes on 5201 and 5202.
grep -v '# TLS' "$root/deploy/nginx-chorus.conf" | sed -e 's/127.0.0.1:5001/127.0.0.1:5201/; s/127.0.0.1:5002/127.0.0.1:5202/' \
  -e 's/server_name coalition.example;/listen 127.0.0.1:5200;\n    server_name localhost;/' >"$work/site.conf"
cat >"$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx-body;
    proxy_temp_path $work/nginx-proxy;
    include $work/site.conf;
}
NGINX
nginx -t -q -c "$work/nginx.conf" -p "$work"
nginx -c "$work/nginx.conf" -p "$work"

start_nodes() { # extra env...
  for port in 5201 5202; do
    (cd "$app" && exec env "$@" dotnet Chorus.Web.dll --urls "http://127.0.0.1:$port") >"$work/node-$port.log" 2>&1 &
    pids+=($!)
  done
  for port in 5201 5202; do
    for _ in $(seq 150); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
    curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" || { cat "$work/node-$port.log" >&2; echo "node $port did not start" >&2; exit 1; }
  done
}
stop_nodes() {
  kill "${pids[-1]}" "${pids[-2]}"; wait "${pids[-1]}" "${pids[-2]}" 2>/dev/null || true
  unset "pids[-1]"; unset "pids[-1]"
}

rows=()
measure() { # label url -> "rps p50 p99"
  wrk -t2 -c32 -d5s -H 'Accept-Encoding: br, gzip' "$2" >/dev/null
  local out rps p50 p99
  out=$(wrk -t2 -c32 -d"$duration" --latency -H 'Accept-Encoding: br, gzip' "$2")
  rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  [ -n "${baseline_rps:-}" ] || baseline_rps=$rps
  rows+=("| $1 | $rps | $p50 | $p99 | $(awk -v a="$rps" -v b="$baseline_rps" 'BEGIN { printf "%.1f%%", 100 * a / b }') |")
  printf '%-56s %8s req/s  p50 %-8s p99 %s\n' "$1" "$rps" "$p50" "$p99"
}

(cd "$baseline" && exec dotnet Baseline.dll --urls "http://127.0.0.1:5203") >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:5203/ && break; sleep 0.2; done
measure 'Baseline: Kestrel "Hello, World!" (direct)' http://127.0.0.1:5203/
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'

start_nodes
measure "Home page through nginx, two nodes (output cache on)" http://127.0.0.1:5200/en/
measure "Post page through nginx, two nodes (output cache on)" "http://127.0.0.1:5200$post_url"
measure "Home page, one of the nodes directly (output cache on)" http://127.0.0.1:5201/en/

echo "== A write on one node, seen on the other"
python3 "$root/bench/propagation.py" http://127.0.0.1:5201 http://127.0.0.1:5202 "$signon_url" "$work/mail" 40 >"$work/delays.txt"
delays=$(sort -n "$work/delays.txt")
delay_p50=$(sed -n "$(( ($(wc -l <<<"$delays") + 1) / 2 ))p" <<<"$delays")
delay_p99=$(tail -n 1 <<<"$delays")  # the largest of 40 is their 99th percentile (and above)
echo "delay: p50 ${delay_p50} ms, max ${delay_p99} ms over $(wc -l <<<"$delays") writes"

echo "== Write storm through nginx while reading the home page"
mkdir -p "$work/probe-mail" && find "$work/mail" -name '*.eml' -exec mv -t "$work/probe-mail/" {} +  # the storm confirms only its own
storm_seconds=$(( ${duration%s} + 5 ))
python3 "$root/bench/write-storm.py" http://127.0.0.1:5200 "$signon_url" "$work/mail" storm-admin@bench.example "$storm_seconds" 20 5 >"$work/storm.txt" &
storm_pid=$!
sleep 2
measure "Home page through nginx during the write storm (cache on)" http://127.0.0.1:5200/en/
wait "$storm_pid"
storm=$(cat "$work/storm.txt")
stop_nodes

start_nodes Caching__OutputCache=false
measure "Home page through nginx, two nodes (output cache off)" http://127.0.0.1:5200/en/
measure "Post page through nginx, two nodes (output cache off)" "http://127.0.0.1:5200$post_url"
measure "Home page, one of the nodes directly (output cache off)" http://127.0.0.1:5201/en/
stop_nodes

{
  echo
  echo "## Two nodes behind nginx (\`bench/nodes.sh\`)"
  echo
  echo "Written on $(date -u '+%Y-%m-%d %H:%M UTC'): two nodes of the published app on one PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') and one"
  echo "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2), behind nginx $(nginx -v 2>&1 | cut -d/ -f2) with \`deploy/nginx-chorus.conf\`; $posts posts; all on the same 2 cores."
  echo
  echo "| Page | Requests/s | p50 | p99 | Of baseline |"
  echo "|---|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Write storm: $storm."
  echo
  echo "A write on one node (a sign-on confirmed on node A) shown by the other's cached count (node B polled every 2 ms),"
  echo "$(wc -l <<<"$delays") writes: p50 ${delay_p50} ms, slowest ${delay_p99} ms (target: p99 under 1 s: $(awk -v d="$delay_p99" 'BEGIN { print (d < 1000 ? "met" : "**missed**") }'))."
} >>"$root/bench/results.md"
