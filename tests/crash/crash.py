#!/usr/bin/env python3
"""crash.py: kill -9 and power-cut trials against `copro serve` under
concurrent writers (make crash; docs/crash.md says what each shows).

Every writer signs in once, then adds actions through the web form (CSRF
token and all), each with a title of its own; an answer 303 is an
acknowledged write. After each trial the database must hold every
acknowledged write of every trial so far.

  kill   serve is killed with SIGKILL at a random moment, then restarted.
  power  the database lives on ext4 on a loop device; serve is stopped with
         SIGSTOP, the device's backing file copied until two copies agree,
         and the copy mounted (its journal replayed) and opened: what a
         power cut at that moment would have left.
  --no-sync (power only): the negative control. copro runs with
         COPRO_UNSAFE_NO_SYNC=1, which skips its syncs; the trials must
         lose writes, or the method could not see a missing sync and the
         run fails.
"""
import argparse
import hashlib
import http.client
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

PASSWORD = "a long enough password"
EMAIL = "crash@example.org"


def say(*a):
    print(*a, flush=True)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def cookies_of(resp, jar):
    for k, v in resp.getheaders():
        if k.lower() == "set-cookie":
            name, _, rest = v.partition("=")
            jar[name] = rest.split(";", 1)[0]


def cookie_header(jar):
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def csrf_of(html):
    m = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    if not m:
        raise RuntimeError("no CSRF token in the page")
    return m.group(1)


class Server:
    """One `copro serve` on the database `db`."""

    def __init__(self, copro, db, env):
        self.copro, self.db, self.env = copro, db, env
        self.proc = None
        self.port = None

    def start(self, log):
        self.port = free_port()
        self.proc = subprocess.Popen(
            [self.copro, "--db", self.db, "serve", "--port", str(self.port), "--threads", "4"],
            stdout=log, stderr=log, env=self.env)
        for _ in range(300):
            if self.proc.poll() is not None:
                raise RuntimeError(f"copro serve exited with {self.proc.returncode}: see {log.name}")
            try:
                c = http.client.HTTPConnection("localhost", self.port, timeout=2)
                c.request("GET", "/sign-in")
                c.getresponse().read()
                c.close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("copro serve did not answer within 15 s")

    def kill(self, sig=signal.SIGKILL):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
        if sig == signal.SIGKILL and self.proc:
            self.proc.wait()

    def request(self, method, path, jar, body=None):
        c = http.client.HTTPConnection("localhost", self.port, timeout=20)
        headers = {"Cookie": cookie_header(jar)}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        c.request(method, path, body=body, headers=headers)
        r = c.getresponse()
        text = r.read().decode("utf-8", "replace")
        cookies_of(r, jar)
        c.close()
        return r.status, text

    def sign_in(self):
        jar = {}
        _, page = self.request("GET", "/sign-in", jar)
        body = urllib.parse.urlencode({"csrf": csrf_of(page), "email": EMAIL, "password": PASSWORD})
        status, _ = self.request("POST", "/sign-in", jar, body)
        if status != 303:
            raise RuntimeError(f"signing in answered {status}")
        return jar


class Writers:
    """`n` threads adding actions to organisation `org` until stopped."""

    def __init__(self, server, jar, org, trial, n):
        self.server, self.jar, self.org, self.trial = server, jar, org, trial
        self.acked, self.sent = [], []
        self.refused = {}       # answers other than 303, counted by what they said
        self.lock = threading.Lock()
        self.stop = threading.Event()
        _, page = server.request("GET", f"/org/{org}/actions/new", dict(jar))
        self.csrf = csrf_of(page)
        self.threads = [threading.Thread(target=self.run, args=(w,), daemon=True) for w in range(n)]

    def start(self):
        for t in self.threads:
            t.start()

    def run(self, w):
        cookie = cookie_header(self.jar)
        n = 0
        conn = None
        while not self.stop.is_set():
            title = f"crash t{self.trial} w{w} n{n}"
            n += 1
            body = urllib.parse.urlencode({"csrf": self.csrf, "title": title})
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("localhost", self.server.port, timeout=30)
                with self.lock:
                    self.sent.append(title)
                conn.request("POST", f"/org/{self.org}/actions", body=body,
                             headers={"Cookie": cookie,
                                      "Content-Type": "application/x-www-form-urlencoded"})
                r = conn.getresponse()
                page = r.read().decode("utf-8", "replace")
                if r.status == 303:
                    with self.lock:
                        self.acked.append(title)
                else:
                    with self.lock:
                        why = f"{r.status} {what_page_says(page)}"
                        self.refused[why] = self.refused.get(why, 0) + 1
            except (OSError, http.client.HTTPException):
                return      # the server is gone
        if conn:
            conn.close()

    def finish(self):
        self.stop.set()
        for t in self.threads:
            t.join(timeout=60)
        for why, n in self.refused.items():
            say(f"# trial {self.trial}: {n} answered {why}")


def what_page_says(page):
    """A refusal's title and first paragraph or error, for the report."""
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    body = re.search(r'(?:govuk-error-summary__list.*?<a[^>]*>|<p class="govuk-body">)(.*?)</', page, re.S)
    return " / ".join(m.group(1).strip() for m in (title, body) if m)


def titles_in(db):
    """Every crash title in the database `db`, and its integrity check."""
    if db is None:
        return set(), "the copied image could not be mounted"
    con = sqlite3.connect(db, timeout=30)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        rows = con.execute("SELECT title FROM action_item WHERE title LIKE 'crash t%'").fetchall()
    except sqlite3.DatabaseError as e:
        return set(), str(e)
    finally:
        con.close()
    return {r[0] for r in rows}, ok


# An answer of partners' views past its retention period, which `copro
# serve` deletes as it starts: a write made, and its connection closed,
# before the server opens its own, as after an upgrade's migrations.
OLD_ANSWER = """
INSERT INTO view_round (id, organisation_id, evaluation_id, framework_id, framework_hash, title,
                        opens_on, created_at, updated_at)
  SELECT 9001, organisation_id, id, framework_id, framework_hash, 'crash', '2000-01-01',
         '2000-01-01T00:00:00Z', '2000-01-01T00:00:00Z' FROM evaluation ORDER BY id LIMIT 1;
INSERT INTO view_link (id, round_id, partner_group, token_hash, created_at)
  VALUES (9001, 9001, 'parents', 'crash', '2000-01-01T00:00:00Z');
INSERT INTO view_response (id, round_id, link_id, started_at, submitted_at)
  VALUES (9001, 9001, 9001, '2000-01-01T00:00:00Z', '2000-01-01T00:00:00Z');
INSERT INTO view_answer (response_id, element_key, good, updated_at)
  VALUES (9001, '1i', 'old text', '2000-01-01T00:00:00Z');
"""


def plant_old_answer(db):
    """Gives the old answer its free text again, for the next start to delete."""
    con = sqlite3.connect(db)
    con.execute("UPDATE view_answer SET good = 'old text' WHERE response_id = 9001")
    con.commit()
    con.close()


def make_database(copro, db, env, startup_write=False):
    run = lambda *a, **k: subprocess.run([copro, "--db", db, *a], env=env, check=True,
                                         stdout=subprocess.DEVNULL, **k)
    run("demo")
    run("user", "add", "--name", "Crash Tester", "--email", EMAIL, "--role", "area-admin",
        "--area", "Demo Borough", input=(PASSWORD + "\n").encode())
    con = sqlite3.connect(db)
    org = con.execute("SELECT MIN(id) FROM organisation").fetchone()[0]
    if startup_write:
        con.executescript(OLD_ANSWER)
    con.commit()
    con.close()
    return org


class Totals:
    def __init__(self):
        self.trials = self.acked = self.lossy_trials = self.extra = 0
        self.lost_titles = set()
        self.bad_integrity = 0

    @property
    def lost(self):
        return len(self.lost_titles)

    def line(self, label):
        return (f"{label}: {self.trials} trials, {self.acked} acknowledged writes, "
                f"{self.lost} lost in {self.lossy_trials} trials, "
                f"{self.extra} written but unanswered, {self.bad_integrity} failed integrity checks")


def check_trial(tot, all_acked, present, integrity, trial, unanswered):
    missing = [t for t in all_acked if t not in present]
    tot.trials += 1
    tot.extra += sum(1 for t in unanswered if t in present)
    if integrity != "ok":
        tot.bad_integrity += 1
        say(f"# trial {trial}: integrity check: {integrity}")
    if missing:
        tot.lost_titles.update(missing)
        tot.lossy_trials += 1
        say(f"# trial {trial}: {len(missing)} acknowledged writes missing, e.g. {missing[:3]}")


def run_trials(args, copro, db, env, work, cut):
    """Trials on the database `db` until the count or the time runs out;
    `cut(server)` ends each and returns the database file to check."""
    org = make_database(copro, db, env, args.startup_write)
    log = open(os.path.join(work, "serve.log"), "ab")
    tot, all_acked = Totals(), []
    deadline = time.monotonic() + args.seconds
    jar = None
    while tot.trials < args.trials and time.monotonic() < deadline:
        if args.startup_write:
            plant_old_answer(db)
        srv = Server(copro, db, env)
        srv.start(log)
        jar = jar or srv.sign_in()
        w = Writers(srv, jar, org, tot.trials, args.writers)
        w.start()
        time.sleep(random.uniform(0.2, args.max_run))
        checked = cut(srv, w)
        all_acked += w.acked
        tot.acked += len(w.acked)
        acked = set(w.acked)
        present, integrity = titles_in(checked)
        check_trial(tot, all_acked, present, integrity, tot.trials,
                    [t for t in w.sent if t not in acked])
    log.close()
    return tot


def kill_trials(args, copro, work, env):
    def cut(srv, writers):
        srv.kill(signal.SIGKILL)
        writers.finish()
        return db
    db = os.path.join(work, "copro.db")
    return run_trials(args, copro, db, env, work, cut)


class LoopFs:
    """A small ext4 file system on a loop device, unmounted and detached on
    close whatever happened."""

    def __init__(self, image, mnt, size_mb=None):
        self.image, self.mnt, self.dev = image, mnt, None
        if size_mb:
            with open(image, "wb") as f:
                f.truncate(size_mb << 20)
            subprocess.run(["mkfs.ext4", "-q", "-F", image], check=True)
        os.makedirs(mnt, exist_ok=True)
        self.dev = subprocess.run(["losetup", "-f", "--show", image], check=True,
                                  capture_output=True, text=True).stdout.strip()
        try:
            subprocess.run(["mount", self.dev, mnt], check=True)
        except subprocess.CalledProcessError:
            self.detach()
            raise

    def detach(self):
        if self.dev:
            subprocess.run(["losetup", "-d", self.dev])
            self.dev = None

    def close(self):
        if self.dev:
            subprocess.run(["umount", self.mnt])
            self.detach()


def digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.digest()


def copy_until_stable(image, dest):
    """Copies the backing file until two copies in a row agree (writes the
    kernel had started may still land); returns how many copies it took."""
    last = None
    for n in range(1, 20):
        shutil.copyfile(image, dest)
        d = digest(dest)
        if d == last:
            return n
        last = d
    raise RuntimeError("the device image never stopped changing")


def open_copy(copy, mnt, out):
    """Mounts the copied image (ext4 replays its journal, as after a power
    cut), and copies the database files out of it into `out`."""
    fs = LoopFs(copy, mnt)
    try:
        os.makedirs(out, exist_ok=True)
        for name in os.listdir(os.path.join(mnt, "data")):
            shutil.copyfile(os.path.join(mnt, "data", name), os.path.join(out, name))
    finally:
        fs.close()
    return os.path.join(out, "copro.db")


def power_trials(args, copro, work, env, fss):
    image, mnt = os.path.join(work, "disk.img"), os.path.join(work, "mnt")
    fss.append(LoopFs(image, mnt, args.image_mb))
    os.makedirs(os.path.join(mnt, "data"))
    db = os.path.join(mnt, "data", "copro.db")
    copy, n = os.path.join(work, "copy.img"), [0]

    def cut(srv, writers):
        srv.kill(signal.SIGSTOP)
        # --read-device: the flawed way, for comparison (docs/crash.md).
        copy_until_stable(fss[0].dev if args.read_device else image, copy)
        srv.kill(signal.SIGKILL)
        writers.finish()        # every answer read was sent before SIGSTOP
        n[0] += 1
        out = os.path.join(work, f"check{n[0]}")
        shutil.rmtree(os.path.join(work, f"check{n[0] - 1}"), ignore_errors=True)
        try:
            return open_copy(copy, os.path.join(work, "mnt-copy"), out)
        except (subprocess.CalledProcessError, OSError):
            return None         # not even a file system: everything is lost
    return run_trials(args, copro, db, env, work, cut)


def load(args, copro, work, env):
    """Runs the command after -- while writers add actions to the database
    --db through `copro serve` (made, padded to --pad-mb, if missing); says
    how long it took and how many writes a second were acknowledged."""
    db = os.path.abspath(args.db)
    fresh = not os.path.exists(db)
    org = make_database(copro, db, env) if fresh else 1
    if fresh and args.pad_mb:
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE crash_padding (b BLOB)")
        con.executemany("INSERT INTO crash_padding VALUES (randomblob(1048576))",
                        [()] * args.pad_mb)
        con.commit()
        con.close()
    log = open(os.path.join(work, "serve.log"), "ab")
    srv = Server(copro, db, env)
    srv.start(log)
    try:
        w = Writers(srv, srv.sign_in(), org, 0, args.writers)
        w.start()
        time.sleep(1)
        before, t0 = len(w.acked), time.monotonic()
        rc = subprocess.run(args.command, env=env, timeout=args.seconds).returncode
        secs = time.monotonic() - t0
        writes = len(w.acked) - before
        rate = writes / secs
        w.finish()
    except subprocess.TimeoutExpired:
        say(f"not ok - {' '.join(args.command)} did not finish within {args.seconds:.0f} s under writes")
        return 1
    finally:
        srv.kill(signal.SIGKILL)
        log.close()
    say(f"# {' '.join(args.command)}: exit {rc} after {secs:.1f} s while {rate:.0f} writes a second were acknowledged")
    if rc != 0:
        say(f"not ok - {' '.join(args.command)} failed under writes")
        return 1
    # A count, not only a rate: on a loaded machine under the sanitizers the
    # rate falls, but what matters is that writes went on while it ran.
    if args.min_writes is not None:
        if writes < args.min_writes:
            say(f"not ok - only {writes} writes were acknowledged while it ran (at least {args.min_writes} "
                "wanted): the load was too light to show anything")
            return 1
    elif rate < args.min_rate:
        say(f"not ok - only {rate:.0f} writes a second: the load was too light to show anything")
        return 1
    say(f"ok - {os.path.basename(args.command[0])} {args.command[-2] if len(args.command) > 1 else ''} finished under {rate:.0f} writes a second")
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["kill", "power", "load"])
    p.add_argument("--copro", default=os.environ.get("COPRO", "./copro"))
    p.add_argument("--trials", type=int, default=30)
    p.add_argument("--seconds", type=float, default=300, help="stop starting trials after this long")
    p.add_argument("--writers", type=int, default=8)
    p.add_argument("--max-run", type=float, default=2.0, help="longest run of writes before the cut (s)")
    p.add_argument("--image-mb", type=int, default=128)
    p.add_argument("--no-sync", action="store_true", help="the negative control (power mode)")
    p.add_argument("--read-device", action="store_true",
                   help="power: copy /dev/loopN through its page cache, not the backing file (flawed)")
    p.add_argument("--startup-write", action="store_true",
                   help="make each start of serve write before the server opens its connections")
    p.add_argument("--keep", action="store_true", help="keep the work folder")
    p.add_argument("--db", help="load: the database (made if missing)")
    p.add_argument("--pad-mb", type=int, default=0, help="load: megabytes added to a new database")
    p.add_argument("--min-rate", type=float, default=200, help="load: the least writes a second")
    p.add_argument("--min-writes", type=int, help="load: the least writes while the command runs (instead of --min-rate)")
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    args = p.parse_args(argv[:cut])
    args.command = argv[cut + 1:]       # load: the command to run under the writes
    copro = os.path.abspath(args.copro)
    env = dict(os.environ)
    env.pop("COPRO_DB", None)
    if args.no_sync:
        env["COPRO_UNSAFE_NO_SYNC"] = "1"
    else:
        env.pop("COPRO_UNSAFE_NO_SYNC", None)
    work = tempfile.mkdtemp(prefix="copro-crash-")
    fss = []
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(2))
    try:
        if args.mode == "load":
            return load(args, copro, work, env)
        if args.mode == "kill":
            tot = kill_trials(args, copro, work, env)
        else:
            if os.geteuid() != 0 or not shutil.which("mkfs.ext4") or not shutil.which("losetup"):
                say("ok - power-cut trials # SKIP they need root, losetup and mkfs.ext4 (e2fsprogs)")
                return 0
            tot = power_trials(args, copro, work, env, fss)
    finally:
        for fs in fss:
            fs.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            say(f"# kept {work}")
    label = args.mode + (" (no-sync control)" if args.no_sync else "")
    say(tot.line(label))
    if args.no_sync:
        if tot.lost == 0:
            say("not ok - the no-sync control lost nothing: this method cannot see a missing sync")
            return 1
        say("ok - the no-sync control lost writes, so the method sees missing syncs")
        return 0
    if tot.lost or tot.bad_integrity:
        say("not ok - acknowledged writes were lost")
        return 1
    say("ok - every acknowledged write survived")
    return 0


if __name__ == "__main__":
    sys.exit(main())
