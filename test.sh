#!/usr/bin/env bash
# Chorus test command: installs what the tests need, starts a throwaway PostgreSQL, Apertium APy and
# an SMTP server (aiosmtpd) and Redis on 127.0.0.1, runs the whole suite on SQLite and on PostgreSQL side by side, then the browser tests
# (Debian's Chromium, axe, html-validate) against the published app, stops what it started, and
# exits non-zero on any failure. A missing PostgreSQL, Apertium, SMTP server, Redis or Chromium is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
started=$SECONDS
# Every .NET process here is short-lived (the compiler, the test hosts, the app the browser tests start): profile-guided
# optimisation instruments methods for a later re-compile that rarely pays before they exit. Without it the build took
# 1:07 instead of 1:25 and the SQLite pass 1:08 instead of 1:22 on a 2-core machine. The product keeps the default.
export DOTNET_TieredPGO=0

log() { printf '\n== [%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# --- Packages -------------------------------------------------------------------------------
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if ((${#missing[@]})); then
    log "Installing ${missing[*]}"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}
apt_install postgresql redis-server chromium apertium-apy apertium-eng-spa apertium-fr-es python3-aiosmtpd publicsuffix
command -v npm >/dev/null 2>&1 || apt_install nodejs npm

# --- PostgreSQL on a free loopback port --------------------------------------------------------
work=$(mktemp -d /tmp/chorus-test.XXXXXX)
chmod 755 "$work"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdata="$work/pg"
mkdir -p "$pgdata"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$pgdata"

free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; return 1
}

apy_pid=""
redis_pid=""
smtp_pids=()
cleanup() {
  [ -n "$apy_pid" ] && kill "$apy_pid" 2>/dev/null || true
  [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null || true
  for pid in "${smtp_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  as_pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

pgport=$(free_port)
log "Starting PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport"
as_pg "$pgbin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $pgport -k $pgdata -c fsync=off -c max_connections=300" start >/dev/null
pg="Host=127.0.0.1;Port=$pgport;Username=postgres;Include Error Detail=true"

# --- Apertium APy (machine translation), bound to loopback -------------------------------------
# Waits until a server we started listens on its port; fails with its log if it dies first.
wait_for_port() { # name port pid log
  for _ in $(seq 150); do
    (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || { cat "$4"; echo "$1 did not start" >&2; exit 1; }
    sleep 0.2
  done
  echo "$1 did not listen on 127.0.0.1:$2 in 30 s" >&2; exit 1
}

apyport=$(free_port)
log "Starting Apertium APy on 127.0.0.1:$apyport"
/usr/bin/python3 "$root/tests/tools/apy-loopback.py" -p "$apyport" /usr/share/apertium/modes >"$work/apy.log" 2>&1 &
apy_pid=$!
wait_for_port "Apertium APy" "$apyport" "$apy_pid" "$work/apy.log"
apy="http://127.0.0.1:$apyport"

# --- Redis (several app nodes share evictions and rate limits through it), bound to loopback, nothing saved to disk ---
redisport=$(free_port)
log "Starting Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on 127.0.0.1:$redisport"
redis-server --bind 127.0.0.1 --port "$redisport" --save "" --appendonly no --protected-mode yes >"$work/redis.log" 2>&1 &
redis_pid=$!
wait_for_port "Redis" "$redisport" "$redis_pid" "$work/redis.log"
redis="CHORUS_TEST_REDIS=127.0.0.1:$redisport"

# --- SMTP server (aiosmtpd, Debian) writing what it receives to a Maildir the tests read ----------
# One server and Maildir per database pass: the two passes run side by side and send mail to the same addresses.
start_smtp() { # name -> sets smtp (host:port) and maildir
  local port dir="$work/maildir-$1"
  port=$(free_port)
  mkdir -p "$dir/tmp" "$dir/new" "$dir/cur"
  log "Starting SMTP server for the $1 pass on 127.0.0.1:$port"
  /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$dir" >"$work/smtp-$1.log" 2>&1 &
  smtp_pids+=($!)
  wait_for_port "The SMTP server" "$port" "$!" "$work/smtp-$1.log"
  smtp="127.0.0.1:$port" maildir=$dir
}
start_smtp sqlite; sqlite_mail=("CHORUS_TEST_SMTP=$smtp" "CHORUS_TEST_MAILDIR=$maildir")
start_smtp postgres; postgres_mail=("CHORUS_TEST_SMTP=$smtp" "CHORUS_TEST_MAILDIR=$maildir")

# --- Build once, test on each database --------------------------------------------------------
log "Building"
# One Release build serves both the tests and the published app the browser tests start (compiling twice was a minute).
# html-validate comes from npm while the build runs.
(cd "$root/tests/Chorus.BrowserTests" && npm ci --no-audit --no-fund --loglevel=error) >"$work/npm.log" 2>&1 &
npm_pid=$!
# Code-style enforcement in the build costs ~15 s of a 2-core machine; the one style rule set to warning in .editorconfig
# (file-scoped namespaces) is checked here by grep instead, and IDE/dev builds still enforce it.
if grep -rPl --include='*.cs' --exclude-dir=Migrations --exclude-dir=CompiledModels --exclude-dir=bin --exclude-dir=obj '^namespace\s+[\w.]+\s*(\{|$)' "$root/src" "$root/tests"; then
  echo "use file-scoped namespaces (namespace X;) in the files above" >&2; exit 1
fi
dotnet build "$root/Chorus.slnx" -c Release -nologo -v quiet -clp:ErrorsOnly -p:EnforceCodeStyleInBuild=false
dotnet publish "$root/src/Chorus.Web" -c Release --no-build -o "$work/app" -nologo -v quiet -clp:ErrorsOnly
wait "$npm_pid" || { cat "$work/npm.log"; echo "npm ci failed" >&2; exit 1; }

total_passed=0
total_failed=0
failures=0
summary=()

# Runs a test project's built assembly with the given environment (and `dotnet test` arguments after `--`); its output
# goes to $work/KEY.log and its exit status to $work/KEY.status.
run_tests() {
  local key=$1 project=$2; shift 2
  local vars=() args=()
  while (($#)) && [ "$1" != "--" ]; do vars+=("$1"); shift; done
  (($#)) && { shift; args=("$@"); }
  local status=0
  env "${vars[@]}" dotnet test "$root/tests/$project/bin/Release/net10.0/$project.dll" --nologo --logger "console;verbosity=minimal" \
    "${args[@]}" >"$work/$key.log" 2>&1 || status=$?
  echo "$status" >"$work/$key.status"
}

# Prints a finished run's output and records "name: N passed, N failed". A skipped test counts as failed here: every
# service a test needs is started above, so a skip means a test did not run.
record() {
  local key=$1 name=$2 out="$work/$1.log" line passed failed skipped status
  log "Results: $name"
  cat "$out"
  status=$(cat "$work/$key.status" 2>/dev/null || echo 1)
  line=$(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$out" | tail -n 1 || true)
  if [ -z "$line" ]; then
    summary+=("$name: 0 passed, 1 failed (the test run did not finish)")
    failures=$((failures + 1)); total_failed=$((total_failed + 1)); return
  fi
  failed=$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$line")
  passed=$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$line")
  skipped=$(sed -E 's/.*Skipped: +([0-9]+),.*/\1/' <<<"$line")
  failed=$((failed + skipped))
  total_passed=$((total_passed + passed)); total_failed=$((total_failed + failed))
  local note=""
  ((skipped == 0)) || note=" ($skipped skipped: each counts as failed)"
  summary+=("$name: $passed passed, $failed failed$note")
  if [ "$status" != 0 ] || [ "$failed" != 0 ]; then failures=$((failures + 1)); fi
}

# The SQLite pass runs every test with the tests' clock at its fixed start (27 Nov 2026); the PostgreSQL pass runs every
# test that touches data with the clock a year after today, so nothing in the product or the tests waits for a date to pass.
# Tests that need no database run once, in the SQLite pass. The two passes run side by side (each has its own databases
# and mail server): neither keeps both cores busy alone, and each test host spends seconds starting and discovering.
year_ahead=$(date -u -d '+1 year' +%Y-%m-%dT12:00:00Z)
log "Tests on SQLite and on PostgreSQL (clock at $year_ahead), side by side"
run_tests sqlite Chorus.Web.Tests CHORUS_TEST_DB=sqlite "CHORUS_TEST_APY=$apy" "$redis" "${sqlite_mail[@]}" &
sqlite_pid=$!
run_tests postgres Chorus.Web.Tests CHORUS_TEST_DB=postgres "CHORUS_TEST_PG=$pg" "CHORUS_TEST_START=$year_ahead" "CHORUS_TEST_APY=$apy" "$redis" \
  "${postgres_mail[@]}" -- --filter "Database!=none"
wait "$sqlite_pid" || true
record sqlite sqlite
record postgres "postgres, clock at $year_ahead"
log "Tests in Chromium"
run_tests browser Chorus.BrowserTests "CHORUS_APP_DIR=$work/app" CHORUS_CHROMIUM=/usr/bin/chromium
record browser browser

log "Summary"
printf '%s\n' "${summary[@]}"
echo "wall time: $(((SECONDS - started) / 60)) min $(((SECONDS - started) % 60)) s"
echo "total: $total_passed passed, $total_failed failed"
[ "$failures" = 0 ]
