#!/usr/bin/env python3
"""sign_in_storm.py: many wrong sign-ins at once while a bystander asks for
the style sheet, for the test of password hashing off the web workers
(tests/cli/test_hash_pool.sh; issue 15, 3.4).

  sign_in_storm.py PORT [--addresses N] [--tries N] [--path PATH]
      [--save-busy FILE]

Each of N addresses (127.0.1.1 ...) first opens the sign-in form, then all
N x tries wrong sign-ins are sent at once, each on its own connection. While
they are under way a bystander (127.0.2.1) fetches PATH every 0.1 s. Prints
one line of key=value pairs:

  sign_ins=48 answered=48 s400=.. s503=.. s429=.. other=.. storm_s=..
  bystander_n=.. bystander_max_ms=.. bystander_median_ms=.. overlapped=..
  busy_ok=1|0 (every 503 has Retry-After, the message, the email typed and
  not the password)

--save-busy writes one 503 page to FILE, to look at. `overlapped` counts the bystander's answers that came while sign-ins were
still unanswered: the measure means something only when it is above 0."""
import argparse
import http.client
import re
import statistics
import threading
import time

BUSY = "Too many people are signing in at once. Nothing was saved. Wait 5 seconds, then try again."


def connect(port, src):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=90, source_address=(src, 0))
    return c


def sign_in_form(port, src):
    c = connect(port, src)
    c.request("GET", "/sign-in")
    r = c.getresponse()
    body = r.read().decode()
    cookies = [v.split(";")[0] for k, v in r.getheaders() if k.lower() == "set-cookie"]
    c.close()
    m = re.search(r'name="csrf" value="([0-9a-f]+)"', body)
    return "; ".join(cookies), m.group(1) if m else ""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("port", type=int)
    p.add_argument("--addresses", type=int, default=16)
    p.add_argument("--tries", type=int, default=3)
    p.add_argument("--path", default="/assets/copro.css")
    p.add_argument("--save-busy", default="")
    a = p.parse_args()

    jobs = []
    for i in range(a.addresses):
        src = f"127.0.1.{i + 1}"
        for t in range(a.tries):
            cookie, csrf = sign_in_form(a.port, src)
            email = f"storm{i}x{t}@example.org"
            password = f"wrong-password-{i}-{t}-zq"
            jobs.append((src, cookie, csrf, email, password))

    results = [None] * len(jobs)
    pending = [len(jobs)]
    lock = threading.Lock()
    go = threading.Event()

    def sign_in(k):
        src, cookie, csrf, email, password = jobs[k]
        body = (f"email={email}&password={password}&csrf={csrf}").replace("@", "%40")
        c = connect(a.port, src)
        go.wait()
        try:
            c.request("POST", "/sign-in", body, {
                "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
            r = c.getresponse()
            page = r.read().decode()
            results[k] = (r.status, r.getheader("Retry-After"), page, email, password)
        except OSError as e:
            results[k] = (0, None, str(e), email, password)
        c.close()
        with lock:
            pending[0] -= 1

    threads = [threading.Thread(target=sign_in, args=(k,)) for k in range(len(jobs))]
    for t in threads:
        t.start()
    time.sleep(0.2)     # every connection open
    start = time.monotonic()
    go.set()
    time.sleep(0.3)     # the sign-ins sent and hashing
    latencies, overlapped = [], 0
    while True:
        with lock:
            if pending[0] == 0:
                break
        c = connect(a.port, "127.0.2.1")
        t0 = time.monotonic()
        c.request("GET", a.path)
        c.getresponse().read()
        ms = (time.monotonic() - t0) * 1000
        c.close()
        latencies.append(ms)
        with lock:
            if pending[0] > 0:
                overlapped += 1
        time.sleep(0.1)
    for t in threads:
        t.join()
    storm = time.monotonic() - start

    counts = {}
    busy_ok = 1
    for status, retry, page, email, password in results:
        counts[status] = counts.get(status, 0) + 1
        if status == 503 and not (retry and BUSY in page and f'value="{email}"' in page
                                  and password not in page and "<title>Error: " in page):
            busy_ok = 0
    busy = [r[2] for r in results if r[0] == 503]
    if a.save_busy and busy:
        with open(a.save_busy, "w") as f:
            f.write(busy[0])
    other = sum(n for s, n in counts.items() if s not in (400, 429, 503))
    print(f"sign_ins={len(jobs)} answered={sum(1 for r in results if r and r[0])} "
          f"s400={counts.get(400, 0)} s503={counts.get(503, 0)} s429={counts.get(429, 0)} "
          f"other={other} storm_s={storm:.2f} bystander_n={len(latencies)} "
          f"bystander_max_ms={max(latencies) if latencies else 0:.0f} "
          f"bystander_median_ms={statistics.median(latencies) if latencies else 0:.0f} "
          f"overlapped={overlapped} busy_ok={busy_ok}")


if __name__ == "__main__":
    main()
