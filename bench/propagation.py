#!/usr/bin/env python3
"""How long a write on one node takes to show on another's cached page. Usage:
  propagation.py NODE_A NODE_B SIGNON_PATH MAIL_DIR ROUNDS
Each round: B's cached count page is read (so it is cached), an organisation signs on and confirms on A, and B's count
page is polled every 2 ms until it shows the new count. Prints the delays in milliseconds, one per line."""
import email, http.cookiejar, json, pathlib, re, sys, time, urllib.parse, urllib.request

node_a, node_b, signon_path, mail_dir, rounds = sys.argv[1], sys.argv[2], sys.argv[3], pathlib.Path(sys.argv[4]), int(sys.argv[5])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def client():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())


def post(opener, url, fields):
    try:
        return opener.open(urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode()), timeout=30).status
    except urllib.error.HTTPError as e:
        return e.code


def count(base):
    return json.load(urllib.request.urlopen(base + signon_path + "/count.json", timeout=30))["count"]


opener = client()
html = opener.open(node_a + signon_path, timeout=30).read().decode()
token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)
started = re.search(r'name="Input.Started"[^>]*value="([^"]*)"', html).group(1)
seen = set(mail_dir.glob("*.eml"))
for i in range(rounds):
    before = count(node_b)
    count(node_b)
    address = f"probe{i}.{time.time_ns()}@loadtest.invalid"
    post(opener, node_a + signon_path, {
        "Input.Organisation": f"Probe Association {i} {time.time_ns()}", "Input.Country": "KE", "Input.Type": "Ngo",
        "Input.Name": "Probe", "Input.Role": "Director", "Input.Email": address, "Input.Authorised": "true",
        "Input.Started": started, "__RequestVerificationToken": token})
    link = None
    deadline = time.monotonic() + 60
    while link is None and time.monotonic() < deadline:
        for f in set(mail_dir.glob("*.eml")) - seen:
            message = email.message_from_bytes(f.read_bytes())
            if message["To"] is None:
                continue  # still being written
            if address in message["To"]:
                seen.add(f)
                link = re.search(r"https?://[^/\s]+(/\S+/confirm/[0-9a-f]+)", message.get_payload(decode=True).decode()).group(1)
        time.sleep(0.01)
    if link is None:
        sys.exit(f"no confirmation email for {address}")
    post(opener, node_a + link, {"__RequestVerificationToken": token})
    confirmed = time.monotonic()
    while count(node_b) <= before:
        if time.monotonic() - confirmed > 30:
            sys.exit("the other node never showed the new count")
        time.sleep(0.002)
    print(f"{(time.monotonic() - confirmed) * 1000:.1f}")
