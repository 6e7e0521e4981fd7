#!/usr/bin/env python3
"""Writes at fixed rates while wrk reads: organisations sign on (submit, then the emailed link is confirmed) and
someone keeps failing to sign in to a staff account. Usage:
  write-storm.py BASE SIGNON_PATH MAIL_DIR STAFF_EMAIL SECONDS [SIGNONS_PER_S] [FAILED_SIGNINS_PER_S] [RUN_NAME]
RUN_NAME keeps the organisations and addresses of two runs on one server apart (each run confirms only its own mail).
Prints what it did: submissions, confirmations and failed sign-ins, with how many were answered as expected."""
import email, http.cookiejar, pathlib, re, sys, threading, time, urllib.parse, urllib.request

base, signon_path, mail_dir, staff, seconds = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3]), sys.argv[4], float(sys.argv[5])
signons_per_s = float(sys.argv[6]) if len(sys.argv) > 6 else 20
failures_per_s = float(sys.argv[7]) if len(sys.argv) > 7 else 5
run = sys.argv[8] if len(sys.argv) > 8 else ""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def client():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())


def form_fields(opener, path):
    html = opener.open(base + path, timeout=30).read().decode()
    token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)
    started = re.search(r'name="Input.Started"[^>]*value="([^"]*)"', html)
    return token, started.group(1) if started else None


def post(opener, path, fields):
    data = urllib.parse.urlencode(fields).encode()
    try:
        return opener.open(urllib.request.Request(base + path, data=data), timeout=30).status
    except urllib.error.HTTPError as e:
        return e.code


counts = {"submitted": 0, "submit_redirects": 0, "confirmed": 0, "confirm_ok": 0, "failed_signins": 0, "signin_answered": 0}
end = time.monotonic() + seconds


def paced(rate, work):
    start, i = time.monotonic(), 0
    while time.monotonic() < end:
        wait = start + i / rate - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        work(i)
        i += 1


def sign_on():
    opener = client()
    token, started = form_fields(opener, signon_path)

    def one(i):
        status = post(opener, signon_path, {
            "Input.Organisation": f"Storm Association {run}{i}", "Input.Country": "KE", "Input.Type": "Ngo", "Input.Name": "Storm Tester",
            "Input.Role": "Director", "Input.Email": f"storm{run}{i}@loadtest.invalid", "Input.Authorised": "true", "Input.Started": started,
            "__RequestVerificationToken": token})
        counts["submitted"] += 1
        counts["submit_redirects"] += status in (302, 303)
    paced(signons_per_s, one)


def confirm():
    opener = client()
    token, _ = form_fields(opener, signon_path)
    seen = set()
    while time.monotonic() < end:
        for f in sorted(mail_dir.glob("*.eml")):
            if f in seen:
                continue
            seen.add(f)
            message = email.message_from_bytes(f.read_bytes())
            if not re.search(rf"storm{run}\d+@", message["To"] or ""):
                continue
            body = message.get_payload(decode=True).decode()
            for m in re.finditer(r"https?://[^/\s]+(/\S+/confirm/[0-9a-f]+)", body):
                status = post(opener, m.group(1), {"__RequestVerificationToken": token})
                counts["confirmed"] += 1
                counts["confirm_ok"] += status in (200, 302, 303)
        time.sleep(0.2)


def fail_sign_in():
    opener = client()
    token, _ = form_fields(opener, "/account/login")

    def one(i):
        status = post(opener, "/account/login", {"Input.Email": staff, "Input.Password": f"wrong {i}", "__RequestVerificationToken": token})
        counts["failed_signins"] += 1
        counts["signin_answered"] += status == 200
    paced(failures_per_s, one)


threads = [threading.Thread(target=t) for t in (sign_on, confirm, fail_sign_in)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(" ".join(f"{k}={v}" for k, v in counts.items()))
