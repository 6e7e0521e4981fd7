#!/usr/bin/env bash
# Measures Chorus against the machine's own limit (a minimal Kestrel "Hello, World!") in one run:
# builds Release, generates the large dataset with the app's bench-data command, then runs wrk
# (2 threads, 32 connections, 5 s warm-up, 15 s measured) on loopback only; then two nodes behind nginx (bench/nodes.sh).
# Writes bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
posts=${BENCH_POSTS:-100000}
duration=${BENCH_DURATION:-15s}

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d /tmp/chorus-bench.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "== Building Release"
# Published as production should be (README, "Publishing for production"): code compiled ahead of time.
dotnet publish src/Chorus.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/app" -nologo -v quiet -clp:ErrorsOnly
dotnet publish bench/Baseline -c Release -o "$work/baseline" -nologo -v quiet -clp:ErrorsOnly

# As deploy/chorus@.service runs it (README, "Publishing for production").
export MALLOC_ARENA_MAX=2
export ASPNETCORE_ENVIRONMENT=Production
export Database__Provider=sqlite
export Database__ConnectionString="Data Source=$work/bench.db"
export Seed__DemoContent=false
export Site__PublicOrigin=http://localhost
export Logging__LogLevel__Default=Warning

echo "== Generating $posts posts"
(cd "$work/app" && dotnet Chorus.Web.dll bench-data --posts "$posts") | tee "$work/dataset.txt" | tail -n 3
value() { grep "^$1=" "$work/dataset.txt" | cut -d= -f2-; }
post_url=$(value post_url)
deep_url=$(value deep_category_url)
deep_page=$(value deep_category_page)
directory_url=$(value directory_url)
letter_url=$(value directory_letter_url)
event_url=$(value event_url)
signatories_url=$(value signatories_url)
signon_url=$(value signon_url)

# A staff account for the write storm's failed sign-ins (a wrong password for a staff address once emptied the cache).
printf 'a bench password that nobody types\n' | (cd "$work/app" && dotnet Chorus.Web.dll users add --email storm-admin@bench.example --role Admin) >/dev/null

# Start: from launching the published app to a healthy /healthz, on the bench database (migrated, 100,000 posts).
echo "== Start time"
starts=()
for _ in 1 2 3; do
  t0=$(date +%s%N)
  (cd "$work/app" && exec dotnet Chorus.Web.dll --urls "http://127.0.0.1:5109") >"$work/start.log" 2>&1 &
  start_pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:5109/healthz"; do sleep 0.02; done
  starts+=("$(( ($(date +%s%N) - t0) / 1000000 ))")
  kill "$start_pid"; wait "$start_pid" 2>/dev/null || true
done
start_ms=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)
echo "start to healthy: ${starts[*]} ms (median $start_ms)"

start_server() { # dir dll port [env...]
  local dir=$1 dll=$2 port=$3; shift 3
  (cd "$dir" && exec env "$@" dotnet "$dll" --urls "http://127.0.0.1:$port") >"$work/server-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 150); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && return; sleep 0.2; done
  echo "server on $port did not start" >&2; cat "$work/server-$port.log" >&2; exit 1
}
# A server that has just started is still compiling its hot code (tiered JIT, ahead-of-time code replaced as it gets hot):
# on this machine the uncached home page went from 550 to 2,050 req/s over its first 40 s of load. Each server is first
# read through all the pages it will be measured on, 4 s each, so the table shows a running server, not one starting.
warm() { # port path...
  local port=$1; shift
  for path in "$@"; do wrk -t2 -c32 -d4s -H 'Accept-Encoding: br, gzip' "http://127.0.0.1:$port$path" >/dev/null; done
}
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

rows=()
baseline_rps=""
declare -A rps_of
declare -A p99_of
# wrk's latency ("850.00us", "12.34ms", "1.20s") in milliseconds.
ms() { awk -v t="$1" 'BEGIN { v = t + 0; if (t ~ /us$/) v /= 1000; else if (t ~ /[0-9]s$/ && t !~ /ms$/) v *= 1000; print v }'; }
measure() { # key label url [wrk script]
  local key=$1 label=$2 url=$3 script=()
  [ -n "${4:-}" ] && script=(-s "$4")
  wrk -t2 -c32 -d5s -H 'Accept-Encoding: br, gzip' "${script[@]}" "$url" >/dev/null
  local out rps p50 p99
  out=$(wrk -t2 -c32 -d"$duration" --latency -H 'Accept-Encoding: br, gzip' "${script[@]}" "$url")
  rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  [ -n "$baseline_rps" ] || baseline_rps=$rps
  rps_of[$key]=$rps
  p99_of[$key]=$p99
  local ratio; ratio=$(awk -v a="$rps" -v b="$baseline_rps" 'BEGIN { printf "%.1f%%", 100 * a / b }')
  rows+=("| $label | $rps | $p50 | $p99 | $ratio |")
  printf '%-48s %8s req/s  p50 %-8s p99 %-8s %s of baseline\n' "$label" "$rps" "$p50" "$p99" "$ratio"
}

# Readers' searches over the 100,000 posts: each request one of 1,139 queries, at random: a place (in 1 post of 37), a
# theme (1 in 29) or a place and a theme (about 1 in 1,000). Measured with the output cache (a search many readers make
# is answered from memory) and without it (every search run); then the worst case, a word all 100,000 posts contain.
cat >"$work/search.lua" <<'LUA'
local places = { "kenya", "mexico", "senegal", "philippines", "nepal", "morocco", "ecuador", "bangladesh", "lebanon", "guatemala",
  "indonesia", "nigeria", "colombia", "tunisia", "ukraine", "jordan", "honduras", "sudan", "peru", "malaysia", "ghana", "haiti", "niger",
  "chad", "libya", "qatar", "mali", "yemen", "fiji", "chile", "bolivia", "zambia", "uganda", "somalia", "gambia", "panama", "turkey" }
local themes = { "remittances", "recruitment+fees", "domestic+work", "family+reunification", "statelessness", "forced+returns",
  "readmission+agreements", "firewalls", "labour+inspection", "seasonal+visas", "asylum+procedures", "border+deaths", "search+and+rescue",
  "health+care+access", "education+access", "birth+registration", "climate+displacement", "xenophobia", "trafficking", "smuggling",
  "wage+theft", "regularisation", "consular+protection", "child+detention", "alternatives+to+detention", "data+protection",
  "portable+social+security", "skills+recognition", "diaspora+investment" }
local queries = {}
for _, p in ipairs(places) do queries[#queries + 1] = p end
for _, t in ipairs(themes) do queries[#queries + 1] = t end
for _, p in ipairs(places) do for _, t in ipairs(themes) do queries[#queries + 1] = p .. "+" .. t end end
request = function()
  return wrk.format("GET", "/en/search?q=" .. queries[math.random(#queries)])
end
LUA
echo "== Measuring (wrk: 2 threads, 32 connections, $duration after a 5 s warm-up)"
start_server "$work/baseline" Baseline.dll 5101
measure baseline 'Baseline: Kestrel "Hello, World!"' "http://127.0.0.1:5101/"
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

start_server "$work/app" Chorus.Web.dll 5102
cached_pid=${pids[-1]}
warm 5102 /en/ "$post_url" /en/category/archive "$deep_url" "$directory_url" /en/events /en/events.ics /en/statements "$event_url" "$signatories_url"
measure home_on "Home page (output cache on)" "http://127.0.0.1:5102/en/"
measure post_on "Post page (output cache on)" "http://127.0.0.1:5102$post_url"
measure cat1_on "Category page 1 (output cache on)" "http://127.0.0.1:5102/en/category/archive"
measure deep_on "Category page $deep_page (output cache on)" "http://127.0.0.1:5102$deep_url"
measure dir_on "Directory, Africa NGO members (output cache on)" "http://127.0.0.1:5102$directory_url"
measure events_on "Upcoming events (output cache on)" "http://127.0.0.1:5102/en/events"
measure ics_on "Calendar feed events.ics (output cache on)" "http://127.0.0.1:5102/en/events.ics"
measure statements_on "Statement register (output cache on)" "http://127.0.0.1:5102/en/statements"
measure event_on "Event page (output cache on)" "http://127.0.0.1:5102$event_url"
measure endorsers_on "Endorsers, 4,000 of a campaign (output cache on)" "http://127.0.0.1:5102$signatories_url"
measure search_on "Search, 1,139 queries at random (output cache on)" "http://127.0.0.1:5102/" "$work/search.lua"
cached_rss=$(rss_mb "$cached_pid")
kill "$cached_pid"; wait "$cached_pid" 2>/dev/null || true

start_server "$work/app" Chorus.Web.dll 5103 Caching__OutputCache=false
warm 5103 /en/ "$post_url" /en/statements /en/category/archive "$deep_url" /en/organizations "$directory_url" "$letter_url" /en/events \
  "$event_url" "$signatories_url" "${signatories_url/\/en\//\/fr\/}?by=Name&page=2" "/en/search?q=kenya+remittances" "/en/search?q=governance"
uncached_pid=${pids[-1]}
measure home_off "Home page (output cache off)" "http://127.0.0.1:5103/en/"
measure post_off "Post page (output cache off)" "http://127.0.0.1:5103$post_url"
measure statements_off "Statement register (output cache off)" "http://127.0.0.1:5103/en/statements"
measure cat1_off "Category page 1 (output cache off)" "http://127.0.0.1:5103/en/category/archive"
measure deep_off "Category page $deep_page (output cache off)" "http://127.0.0.1:5103$deep_url"
measure dir_all_off "Directory, all 20,000 (output cache off)" "http://127.0.0.1:5103/en/organizations"
measure dir_off "Directory, Africa NGO members (output cache off)" "http://127.0.0.1:5103$directory_url"
measure letter_off "Directory, letter M in French (output cache off)" "http://127.0.0.1:5103$letter_url"
measure events_off "Upcoming events (output cache off)" "http://127.0.0.1:5103/en/events"
measure event_off "Event page (output cache off)" "http://127.0.0.1:5103$event_url"
measure ics_off "Calendar feed events.ics (output cache off)" "http://127.0.0.1:5103/en/events.ics"
measure endorsers_off "Endorsers, 4,000 of a campaign (output cache off)" "http://127.0.0.1:5103$signatories_url"
measure endorsers_p2_off "Endorsers page 2 by name, French (output cache off)" "http://127.0.0.1:5103${signatories_url/\/en\//\/fr\/}?by=Name&page=2"
measure search_off "Search, 1,139 queries at random (output cache off)" "http://127.0.0.1:5103/" "$work/search.lua"
measure search_all "Search for a word all 100,000 posts contain (cache off)" "http://127.0.0.1:5103/en/search?q=governance"
uncached_rss=$(rss_mb "$uncached_pid")
kill "$uncached_pid"; wait "$uncached_pid" 2>/dev/null || true

# What one uncached request costs: statements sent and bytes allocated (the Server-Timing header, requests one at a time).
echo "== Cost of one uncached request"
start_server "$work/app" Chorus.Web.dll 5105 Caching__OutputCache=false Diagnostics__ServerTiming=true
costs=()
cost() { # label path
  local statements=() bytes=() header
  for _ in $(seq 12); do
    header=$(curl -s -o /dev/null -D - -H 'Accept-Encoding: br' "http://127.0.0.1:5105$2" | tr -d '\r' | grep -i '^server-timing:')
    statements+=("$(sed 's/.*statements \([0-9]*\).*/\1/' <<<"$header")")
    bytes+=("$(sed 's/.*bytes \([0-9]*\).*/\1/' <<<"$header")")
  done
  # The median of the last ten (the first two warm the page up).
  local s b
  s=$(printf '%s\n' "${statements[@]:2}" | sort -n | sed -n 5p)
  b=$(printf '%s\n' "${bytes[@]:2}" | sort -n | sed -n 5p)
  costs+=("| $1 | $s | $(awk -v b="$b" 'BEGIN { printf "%.0f", b / 1024 }') |")
  printf '%-48s %3s statements %8s KB allocated\n' "$1" "$s" "$(awk -v b="$b" 'BEGIN { printf "%.0f", b / 1024 }')"
}
cost "Home page" /en/
cost "Post page" "$post_url"
cost "Statement register" /en/statements
cost "Category page $deep_page" "$deep_url"
cost "Directory, Africa NGO members" "$directory_url"
cost "Upcoming events" /en/events
cost "Event page" "$event_url"
cost "Calendar feed events.ics" /en/events.ics
cost "Endorsers, page 1 by country" "$signatories_url"
cost "Search (one place and theme)" "/en/search?q=kenya+remittances"
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

# Write storm: readers on the home page (wrk) while organisations sign on (20/s, each then confirmed from its email) and
# someone fails to sign in to a staff account (5/s). None of those writes changes the home page, so it stays cached.
echo "== Write storm"
start_server "$work/app" Chorus.Web.dll 5106 PublicForms__PostsPerMinute=100000000 Campaigns__MinimumFillSeconds=0 \
  Accounts__SignInsPerMinute=1000 Email__DropFolder="$work/storm-mail"
mkdir -p "$work/storm-mail"
# First the storm alone for 10 s: how much of the machine its writes take (the server's CPU, and all cores' busy time,
# which includes the storm's own client), the share the home page's readers then cannot have.
warm 5106 /en/
storm_pid_server=${pids[-1]}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
s0=$(cpu_ticks "$storm_pid_server"); b0=$(busy_ticks)
python3 bench/write-storm.py http://127.0.0.1:5106 "$signon_url" "$work/storm-mail" storm-admin@bench.example 10 20 5 alone >"$work/storm-alone.txt"
s1=$(cpu_ticks "$storm_pid_server"); b1=$(busy_ticks)
tick=$(getconf CLK_TCK)
storm_server_cores=$(awk -v a="$s0" -v b="$s1" -v t="$tick" 'BEGIN { printf "%.2f", (b - a) / t / 10 }')
storm_machine_cores=$(awk -v a="$b0" -v b="$b1" -v t="$tick" 'BEGIN { printf "%.2f", (b - a) / t / 10 }')
echo "storm alone: server $storm_server_cores cores, machine $storm_machine_cores cores busy of $(nproc) ($(cat "$work/storm-alone.txt"))"
storm_seconds=$(( ${duration%s} + 5 ))
python3 bench/write-storm.py http://127.0.0.1:5106 "$signon_url" "$work/storm-mail" storm-admin@bench.example "$storm_seconds" 20 5 >"$work/storm.txt" &
storm_pid=$!
sleep 2
measure storm "Home page during the write storm (output cache on)" "http://127.0.0.1:5106/en/"
wait "$storm_pid"
storm_done=$(cat "$work/storm.txt")
echo "$storm_done"
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

# Sign-on load: organisations submit the form (each a new organisation and address), then follow the emailed links.
# The form's robot checks (rate limit, fill time) are lifted for this server only; mail is written as .eml files.
echo "== Sign-on load: submissions, then confirmations"
start_server "$work/app" Chorus.Web.dll 5104 PublicForms__PostsPerMinute=100000000 Campaigns__MinimumFillSeconds=0 Email__DropFolder="$work/mail"
signon_pid=${pids[-1]}
curl -s -c "$work/jar" "http://127.0.0.1:5104$signon_url" >"$work/form.html"
field() { grep -o "name=\"$1\" [^>]*value=\"[^\"]*\"" "$work/form.html" | head -n 1 | sed 's/.*value="//; s/"$//'; }
antiforgery=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/form.html" | sed 's/.*value="//; s/"$//')
started=$(field Input.Started)
cookie=$(awk '$6 ~ /Antiforgery/ { print $6 "=" $7 }' "$work/jar")
cat >"$work/signon.lua" <<LUA
local n = 0
local id = 0
function setup(thread) id = id + 1; thread:set("tid", id) end
function init() n = 0 end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$cookie"
request = function()
  n = n + 1
  local who = tid .. "-" .. n
  return wrk.format(nil, nil, nil, "Input.Organisation=Load+Test+Association+" .. who .. "&Input.Country=KE&Input.Type=Ngo&Input.Name=Load+Tester"
    .. "&Input.Role=Director&Input.Email=load" .. who .. "%40loadtest.invalid&Input.Authorised=true&Input.Started=$started&__RequestVerificationToken=$antiforgery")
end
LUA
submit_out=$(wrk -t2 -c32 -d"$duration" -s "$work/signon.lua" "http://127.0.0.1:5104$signon_url")
submit_rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$submit_out")
submit_bad=$(awk '/Non-2xx or 3xx/ { print $5 }' <<<"$submit_out")
submitted=$(awk '/requests in/ { print $1 }' <<<"$submit_out")
# Wait for the outbox to write every confirmation email, then collect the links.
for _ in $(seq 300); do [ "$(find "$work/mail" -name '*.eml' 2>/dev/null | wc -l)" -ge "$submitted" ] && break; sleep 1; done
python3 - "$work/mail" >"$work/links.txt" <<'PY'
import email, pathlib, re, sys
for f in pathlib.Path(sys.argv[1]).glob("*.eml"):
    body = email.message_from_bytes(f.read_bytes()).get_payload(decode=True).decode()
    for m in re.finditer(r"https?://[^/\s]+(/\S+/confirm/[0-9a-f]+)", body):
        print(m.group(1))
PY
cat >"$work/confirm.lua" <<LUA
local links = {}
for line in io.lines("$work/links.txt") do links[#links + 1] = line end
local n = 0
local id = 0
function setup(thread) id = id + 1; thread:set("tid", id) end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$cookie"
request = function()
  n = n + 1
  -- Two threads take alternate links, so each link is used once; past the end, links repeat and answer "already used".
  local i = ((n - 1) * 2 + tid - 1) % #links + 1
  return wrk.format(nil, links[i], nil, "__RequestVerificationToken=$antiforgery")
end
LUA
count_now() { curl -s "http://127.0.0.1:5104${signon_url}/count.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])'; }
before=$(count_now)
confirm_out=$(wrk -t2 -c32 -d"$duration" -s "$work/confirm.lua" "http://127.0.0.1:5104/")
confirmed=$(count_now)
# Confirmations that happened (a request past the end of the links is an "already used" answer, not one).
confirm_rps=$(awk -v n="$((confirmed - before))" '/requests in/ { sub("s,", "", $4); printf "%.0f", n / $4 }' <<<"$confirm_out")
signon_rss=$(rss_mb "$signon_pid")
links=$(wc -l <"$work/links.txt")
echo "submitted $submitted (${submit_rps}/s, non-2xx/3xx: ${submit_bad:-0}); $links links; ${confirm_rps} confirmations/s; campaign count $before -> $confirmed"
combined=$(awk -v s="$submit_rps" -v c="$confirm_rps" 'BEGIN { printf "%.0f", 1 / (1 / s + 1 / c) }')

# Each target: "met" or "missed", with the figures it was judged on.
verdict() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "**missed**"; fi; }
pct() { awk -v a="${rps_of[$1]}" -v b="$baseline_rps" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
at_least() { # fraction key...: every page at least this share of the baseline
  local f=$1; shift
  local k cond="1"
  for k in "$@"; do cond="$cond && ${rps_of[$k]} >= $f * $baseline_rps"; done
  verdict "$cond"
}
pcts() { local k out=(); for k in "$@"; do out+=("$(pct "$k")"); done; local IFS=,; echo "${out[*]}" | sed 's/,/, /g'; }
uncached=(home_off post_off statements_off event_off events_off dir_off endorsers_off)
cached=(home_on post_on cat1_on deep_on statements_on dir_on events_on event_on ics_on endorsers_on search_on)
targets=(
  "| Uncached, at least 5% of baseline: home, post, statement register, event page, events list, directory, endorsers | $(pcts "${uncached[@]}") | $(at_least 0.05 "${uncached[@]}") |"
  "| Cached: every public page type at least 60% of baseline (home, post, category 1 and $deep_page, statements, directory, events, event, events.ics, endorsers, search) | $(pcts "${cached[@]}") | $(at_least 0.6 "${cached[@]}") |"
  "| Write storm (20 sign-ons/s submitted and confirmed, 5 failed staff sign-ins/s): home page at least 50% of baseline | $(pct storm) ($storm_done); the writes alone kept $storm_machine_cores of $(nproc) cores busy ($storm_server_cores in the server) | $(at_least 0.5 storm) |"
  "| Search over 100,000 posts, uncached, 32 connections: p99 under 50 ms | every search run: p99 ${p99_of[search_off]} (${rps_of[search_off]} req/s); cached: p99 ${p99_of[search_on]}; a word in every post: p99 ${p99_of[search_all]} | $(verdict "$(ms "${p99_of[search_off]}") < 50") |"
  "| Server memory under 300 MB after the run | ${cached_rss} MB, ${uncached_rss} MB | $(verdict "$cached_rss < 300 && $uncached_rss < 300") |"
  "| Start: launch to a healthy /healthz under 2 s (ReadyToRun build, bench database) | ${starts[*]} ms, median $start_ms ms | $(verdict "$start_ms < 2000") |"
)

{
  echo "# Benchmark results"
  echo
  echo "Written by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo),"
  echo "$(dotnet --version | sed 's/^/.NET SDK /'), SQLite, $posts posts, 20,000 organisations, 5,000 events, 200,000 signatures over 50 campaigns. wrk: 2 threads, 32 connections, $duration after a 5 s warm-up,"
  echo "\`Accept-Encoding: br, gzip\`, on 127.0.0.1; wrk shares the machine's cores with the server."
  echo
  echo "| Page | Requests/s | p50 | p99 | Of baseline |"
  echo "|---|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "## Cost of one uncached request"
  echo
  echo "Database statements sent and bytes allocated while rendering (\`Diagnostics__ServerTiming=true\`, output cache off, one request at"
  echo "a time, median of ten after two to warm up; compressing the response is not counted)."
  echo
  echo "| Page | Statements | Allocated KB |"
  echo "|---|---:|---:|"
  printf '%s\n' "${costs[@]}"
  echo
  echo "Server memory (RSS) after its run: ${cached_rss} MB with output caching, ${uncached_rss} MB without, ${signon_rss} MB after the sign-on load."
  echo
  echo "Sign-on load (SQLite, 32 connections, $duration each): $submitted submissions at ${submit_rps}/s (responses other than the redirect: ${submit_bad:-0}),"
  echo "each writing a signature and its confirmation email in one transaction; then ${confirm_rps} confirmations/s over the $links emailed links"
  echo "(each link works once; requests past the end of the list, answered \"already used\", are not counted). The campaign's count went from $before to $confirmed."
  echo "Confirmed signatures per second through both steps: ${combined}."
  echo
  echo "## Targets"
  echo
  echo "| Target | Measured | Verdict |"
  echo "|---|---|---|"
  printf '%s\n' "${targets[@]}"
} >bench/results.md

# Newsletter (issue 21): one issue to 20,000 subscribers in six languages, counted at a local SMTP sink.
echo "== Newsletter: one issue to ${BENCH_SUBSCRIBERS:-20000} subscribers"
bash bench/newsletter.sh "$work/app" | tee "$work/newsletter.txt"
nl() { grep "^newsletter_$1=" "$work/newsletter.txt" | cut -d= -f2-; }
{
  echo
  echo "## Newsletter"
  echo
  echo "One issue sent to $(nl subscribers) subscribers in six languages (SQLite; the copies queued in batches with their delivery rows,"
  echo "the outbox sending over one SMTP connection) to a local sink that only counts (\`bench/smtp-sink.py\`), from the app's start."
  echo
  echo "| Target | Measured | Verdict |"
  echo "|---|---|---|"
  echo "| At least 300 messages/s on this machine | $(nl per_second) messages/s ($(nl seconds) s) | $(verdict "$(nl per_second) >= 300") |"
  echo "| Peak memory under 300 MB | $(nl peak_mb) MB | $(verdict "$(nl peak_mb) < 300") |"
  echo "| No duplicates, none missing (at the sink) | $(nl duplicates) duplicates, $(nl missing) missing | $(verdict "$(nl duplicates) == 0 && $(nl missing) == 0") |"
} >>bench/results.md

# Consultations (issue 22): one consultation with 20,000 answers; its results page and answer submissions.
echo "== Consultation: ${BENCH_ANSWERS:-20000} answers"
bash bench/consultation.sh "$work/app" | tee "$work/consultation.txt"
{
  echo
  echo "## Consultation"
  echo
  echo "One consultation (the demo's eight questions) with ${BENCH_ANSWERS:-20000} confirmed answers on SQLite; submissions each write the response,"
  echo "its answers and the confirmation email in one transaction before the redirect."
  echo
  grep '^|' "$work/consultation.txt"
} >>bench/results.md

# Two nodes behind nginx on PostgreSQL and Redis (issue 18): appends its own section.
bash bench/nodes.sh "$work/app" "$work/baseline"
echo
cat bench/results.md
