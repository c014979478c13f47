# test_stop.sh: SIGTERM lets the requests under way finish (issue 15,
# section 4.4). 64 signed-in POSTs have sent their headers and half their
# body when serve gets SIGTERM; then they send the rest. Each must be
# answered, and a change must be saved exactly when it was answered 303.
. "$(dirname "$0")/lib.sh"
unset COPRO_DB
python3 - "$COPRO" "$WORK" "$(dirname "$0")/../crash" <<'PY'
import os, signal, socket, sqlite3, sys, time, urllib.parse
copro, work, crashdir = sys.argv[1:]
sys.path.insert(0, crashdir)
import crash

db = os.path.join(work, "stop.db")
org = crash.make_database(copro, db, dict(os.environ))
log = open(os.path.join(work, "serve.log"), "ab")
srv = crash.Server(copro, db, dict(os.environ))
srv.start(log)
jar = srv.sign_in()
csrf = crash.csrf_of(srv.request("GET", f"/org/{org}/actions/new", dict(jar))[1])
N, socks = 64, []
for i in range(N):
    body = urllib.parse.urlencode({"csrf": csrf, "title": f"stop {i}"}).encode()
    s = socket.create_connection(("127.0.0.1", srv.port))
    s.sendall((f"POST /org/{org}/actions HTTP/1.1\r\nHost: localhost:{srv.port}\r\n"
               f"Cookie: {crash.cookie_header(jar)}\r\n"
               "Content-Type: application/x-www-form-urlencoded\r\n"
               f"Content-Length: {len(body)}\r\n\r\n").encode() + body[:len(body) // 2])
    socks.append((s, body, f"stop {i}"))
# A kept-alive connection that has had its answer: a request it sends
# after SIGTERM is refused before any work.
idle = socket.create_connection(("127.0.0.1", srv.port))
def send(sock, method, path, body=b""):
    sock.sendall((f"{method} {path} HTTP/1.1\r\nHost: localhost:{srv.port}\r\n"
                  f"Cookie: {crash.cookie_header(jar)}\r\n"
                  "Content-Type: application/x-www-form-urlencoded\r\n"
                  f"Content-Length: {len(body)}\r\n\r\n").encode() + body)
send(idle, "GET", "/sign-in")
idle.settimeout(10)
first = idle.recv(65536)
time.sleep(1.0)
srv.proc.send_signal(signal.SIGTERM)
time.sleep(0.5)
late = urllib.parse.urlencode({"csrf": csrf, "title": "stop late"}).encode()
send(idle, "POST", f"/org/{org}/actions", late)
late_answer = b""
try:
    while b"restarting" not in late_answer:
        chunk = idle.recv(65536)
        if not chunk:
            break
        late_answer += chunk
except OSError:
    pass
answers = {}
for s, body, title in socks:
    try:
        s.sendall(body[len(body) // 2:])
    except OSError:
        pass
for s, body, title in socks:
    s.settimeout(20)
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
            if b"\r\n\r\n" in data and b"Content-Length" not in data.split(b"\r\n\r\n")[0]:
                break
    except OSError:
        pass
    s.close()
    answers[title] = int(data.split()[1]) if data.startswith(b"HTTP/1.1 ") else None
try:
    srv.proc.wait(timeout=30)
    stopped = srv.proc.returncode
except Exception:
    srv.kill()
    stopped = "still running after 30 s"
con = sqlite3.connect(db)
saved = {r[0] for r in con.execute("SELECT title FROM action_item WHERE title LIKE 'stop %'")}
idle.close()
con.close()
unanswered = [t for t, a in answers.items() if a is None]
wrong = [t for t, a in answers.items() if (a == 303) != (t in saved)]
print(f"# {N} requests under way at SIGTERM: {sum(a == 303 for a in answers.values())} answered 303,"
      f" {sum(a not in (None, 303) for a in answers.values())} answered otherwise, {len(unanswered)} unanswered;"
      f" {len(saved)} saved")
print(("ok" if not unanswered else "not ok") + " - every request under way at SIGTERM was answered")
print(("ok" if not wrong else "not ok") + f" - a change was saved exactly when it was answered 303 {wrong[:3]}")
print(("ok" if stopped == 0 else "not ok") + f" - serve stopped cleanly after them (exit {stopped})")
late_ok = first.startswith(b"HTTP/1.1 ") and late_answer.startswith(b"HTTP/1.1 503") and \
    b"\r\nRetry-After: 5\r\n" in late_answer and \
    b"Sorry, copro is restarting" in late_answer and \
    b"Nothing was saved. Wait 5 seconds, then try again." in late_answer and "stop late" not in saved
print(("ok" if late_ok else "not ok") + " - a request begun after SIGTERM on a kept-alive connection is refused with 503 and Retry-After, saying nothing was saved and to wait those 5 seconds"
      + ("" if late_ok else f": {late_answer[:80]!r}"))
sys.exit(1 if unanswered or wrong or stopped != 0 or not late_ok else 0)
PY
[ $? -eq 0 ] || _failed=$((_failed + 1))
finish
