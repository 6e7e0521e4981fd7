#!/usr/bin/env python3
"""Does an address with an account answer as fast as one without? Sign-in and forgot-password, 10 timed posts each
(after 2 warm-ups), against a running site (BENCH_URL, default http://127.0.0.1:5055) that has the Editor account
timing@example.org and Accounts__SignInsPerMinute / Accounts__MaxFailedSignIns raised so neither limit is reached.
Debian's python3, standard library only."""
import os
import urllib.request, urllib.parse, http.cookiejar, re, time, statistics, sys
base = os.environ.get("BENCH_URL", "http://127.0.0.1:5055")
def attempt(path, fields):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + path).read().decode()
    token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html) or re.search(r'value="([^"]+)" name="__RequestVerificationToken"', html)
    data = dict(fields); data["__RequestVerificationToken"] = token.group(1)
    start = time.perf_counter()
    body = opener.open(base + path, urllib.parse.urlencode(data).encode()).read().decode()
    return (time.perf_counter() - start) * 1000, body
def run(label, path, make):
    times = []
    for i in range(12):
        ms, body = attempt(path, make(i))
        if i >= 2: times.append(ms)
    print(f"{label:40s} median {statistics.median(times):7.1f} ms  (min {min(times):.1f}, max {max(times):.1f})")
run("login, account exists, wrong password", "/account/login", lambda i: {"Input.Email": "timing@example.org", "Input.Password": f"wrong {i}"})
run("login, no such account", "/account/login", lambda i: {"Input.Email": f"nobody{i}@example.org", "Input.Password": f"wrong {i}"})
run("forgot password, account exists", "/account/forgot-password", lambda i: {"Email": "timing@example.org"})
run("forgot password, no such account", "/account/forgot-password", lambda i: {"Email": f"nobody{i}@example.org"})
