#!/usr/bin/env bash
# One consultation with N confirmed answers (default 20,000) on SQLite: its results page uncached and cached (against the
# machine's own limit, bench/Baseline), and answer submissions per second (each durable, with its confirmation email in
# the outbox, before the reply). Usage: bench/consultation.sh [APP_DIR] (a published app; built here when omitted).
# Prints a table and key=value lines (bench/run.sh copies them into results.md).
set -euo pipefail
cd "$(dirname "$0")/.."
answers=${BENCH_ANSWERS:-20000}
duration=${BENCH_DURATION:-15s}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d /tmp/chorus-consultation.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT

app=${1:-}
if [ -z "$app" ]; then
  dotnet publish src/Chorus.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/app" -nologo -v quiet -clp:ErrorsOnly
  app=$work/app
fi
dotnet publish bench/Baseline -c Release -o "$work/baseline" -nologo -v quiet -clp:ErrorsOnly

# As deploy/chorus@.service runs it (README, "Publishing for production").
export MALLOC_ARENA_MAX=2
export ASPNETCORE_ENVIRONMENT=Production
export Database__Provider=sqlite
export Database__ConnectionString="Data Source=$work/consultation.db"
export Seed__DemoContent=false
export Site__PublicOrigin=http://localhost
export Logging__LogLevel__Default=Warning

(cd "$app" && dotnet Chorus.Web.dll migrate >/dev/null && dotnet Chorus.Web.dll bench-consultation --answers "$answers") | tee "$work/dataset.txt" | tail -n 2
value() { grep "^$1=" "$work/dataset.txt" | cut -d= -f2-; }
form_url=$(value consultation_url)
results_url=$(value results_url)

start_server() { # dir dll port [env...]
  local dir=$1 dll=$2 port=$3; shift 3
  (cd "$dir" && exec env "$@" dotnet "$dll" --urls "http://127.0.0.1:$port") >"$work/server-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 150); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && return; sleep 0.2; done
  echo "server on $port did not start" >&2; cat "$work/server-$port.log" >&2; exit 1
}
rps() { # url [script]
  local out
  out=$(wrk -t2 -c32 -d"$duration" -H 'Accept-Encoding: br, gzip' ${2:+-s "$2"} "$1")
  awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out"
}

echo "== Baseline"
start_server "$work/baseline" Baseline.dll 5130
wrk -t2 -c32 -d4s "http://127.0.0.1:5130/" >/dev/null
baseline=$(rps "http://127.0.0.1:5130/")

echo "== Results page, cached and uncached"
start_server "$app" Chorus.Web.dll 5131
start_server "$app" Chorus.Web.dll 5132 Caching__OutputCache=false
wrk -t2 -c32 -d4s "http://127.0.0.1:5131$results_url" >/dev/null
wrk -t2 -c32 -d4s "http://127.0.0.1:5132$results_url" >/dev/null
cached=$(rps "http://127.0.0.1:5131$results_url")
uncached=$(rps "http://127.0.0.1:5132$results_url")

echo "== Answer submissions"
# The form's robot checks (rate limit, fill time) are lifted for this server only; mail is written as .eml files.
start_server "$app" Chorus.Web.dll 5133 PublicForms__PostsPerMinute=100000000 Campaigns__MinimumFillSeconds=0 Email__DropFolder="$work/mail"
curl -s -c "$work/jar" "http://127.0.0.1:5133$form_url" >"$work/form.html"
cookie=$(awk '$6 ~ /Antiforgery/ { print $6 "=" $7 }' "$work/jar")
# The body of one submission: hidden fields from the form, the required answers (the first region, three ranks, a text).
body=$(python3 - "$work/form.html" <<'PY'
import html, re, sys, urllib.parse
page = open(sys.argv[1], encoding="utf-8").read()
form = page[page.index('class="form answers"'):]
fields = {m.group(1): html.unescape(m.group(2)) for m in re.finditer(r'name="([^"]+)" type="hidden" value="([^"]*)"', form)}
fields.update({m.group(2): html.unescape(m.group(1)) for m in re.finditer(r'type="hidden" [^>]*?value="([^"]*)"[^>]*?name="([^"]+)"', form)})
fields.update({m.group(1): html.unescape(m.group(2)) for m in re.finditer(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)})
choices = re.findall(r'name="(Input\.Answers\[\d+\]\.Choices)" value="(\d+)"', form)
ranks = re.findall(r'name="(Input\.Answers\[\d+\]\.Ranks\[\d+\])"', form)
texts = re.findall(r'<textarea [^>]*name="(Input\.Answers\[\d+\]\.Text)"', form)
pairs = [(k, v) for k, v in fields.items() if k != "Input.Extra"] + [choices[0]] + [(r, str(i + 1)) for i, r in enumerate(ranks[:3])]
pairs += [(texts[0], "Visas are refused to our delegates."), ("Input.AnsweringAs", "individual"), ("Input.Name", "Load Tester")]
print(urllib.parse.urlencode(pairs))
PY
)
cat >"$work/submit.lua" <<LUA
local n = 0
local id = 0
local prefix = "load"
function setup(thread) id = id + 1; thread:set("tid", id) end
function init(args) prefix = args[1] or "load" end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$cookie"
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, "$body&Input.Email=" .. prefix .. tid .. "-" .. n .. "%40loadtest.invalid")
end
LUA
count_rows() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from ConsultationResponses where State = 'Unconfirmed'\").fetchone()[0])" "$work/consultation.db"; }
# Warmed up first, as the pages are: a fresh server is still compiling its hot code.
wrk -t2 -c32 -d4s -s "$work/submit.lua" "http://127.0.0.1:5133$form_url" -- warm >/dev/null
before=$(count_rows)
submit_out=$(wrk -t2 -c32 -d"$duration" -s "$work/submit.lua" "http://127.0.0.1:5133$form_url")
after=$(count_rows)
submit_bad=$(awk '/Non-2xx or 3xx/ { print $5 }' <<<"$submit_out")
seconds=$(awk '/requests in/ { sub("s,", "", $4); print $4 }' <<<"$submit_out")
per_second=$(awk -v n="$((after - before))" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')

pct() { awk -v a="$1" -v b="$baseline" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "**missed**"; fi; }
echo
echo "| Consultation, $answers answers (SQLite, 32 connections, $duration) | Result | Target |"
echo "|---|---|---|"
echo "| Results page, output cache off | $uncached req/s | >= 200 req/s: $(verdict "$uncached >= 200") |"
echo "| Results page, output cache on | $cached req/s ($(pct "$cached") of the baseline's $baseline) | >= 50%: $(verdict "$cached >= 0.5 * $baseline") |"
echo "| Answer submissions, each durable with its email queued before the reply | $per_second/s ($((after - before)) stored; other than the redirect: ${submit_bad:-0}) | >= 100/s: $(verdict "$per_second >= 100") |"
echo
echo "consultation_answers=$answers"
echo "consultation_results_uncached=$uncached"
echo "consultation_results_cached=$cached"
echo "consultation_baseline=$baseline"
echo "consultation_submissions_per_second=$per_second"
