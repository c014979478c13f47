#!/usr/bin/python3
"""smtp_sink.py: the tests' mail server (never a real one).

    /usr/bin/python3 tests/smtp_sink.py DIR [--port N] [--no-tls] [--smtps]
        [--user NAME --password SECRET] [--reject CODE]

Listens on 127.0.0.1 (port N, or a free one) with aiosmtpd (Debian
python3-aiosmtpd) and writes each message it accepts into DIR as a
numbered file, 0001.eml, 0002.eml ..., exactly as received, with its
envelope beside it in 0001.env (the sender on the first line, then one
recipient a line). Each file appears whole (written, then renamed).

By default it offers STARTTLS and refuses mail before it, with a
certificate for 127.0.0.1 and localhost made at start in DIR/tls
(cert.pem is also the CA file to trust); --smtps speaks TLS from the
first byte instead; --no-tls offers no TLS at all (copro must refuse
it). --user/--password require AUTH LOGIN or PLAIN with them. --reject
CODE answers every recipient with that SMTP code (451: try later, 550:
refused for good). Prints "port N" on its first line once it listens,
then runs until SIGTERM or SIGINT.
"""
import argparse
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Sink:
    def __init__(self, folder, reject):
        self.folder = folder
        self.reject = reject
        self.lock = threading.Lock()
        self.count = len([n for n in os.listdir(folder) if n.endswith(".eml")])

    async def handle_RCPT(self, server, session, envelope, address, options):
        if self.reject:
            return "%d Refused by the test server" % self.reject
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            base = os.path.join(self.folder, "%04d" % self.count)
        with open(base + ".env.tmp", "w", encoding="utf-8") as f:
            f.write("\n".join([envelope.mail_from] + list(envelope.rcpt_tos)) + "\n")
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        os.rename(base + ".env.tmp", base + ".env")
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 Message accepted"


def make_certificate(folder):
    tls = os.path.join(folder, "tls")
    os.makedirs(tls, exist_ok=True)
    cert, key = os.path.join(tls, "cert.pem"), os.path.join(tls, "key.pem")
    if not os.path.exists(cert):
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    return ctx


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    p = argparse.ArgumentParser(description="the tests' SMTP server")
    p.add_argument("folder")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--no-tls", action="store_true")
    p.add_argument("--smtps", action="store_true")
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--reject", type=int, default=0)
    a = p.parse_args()
    os.makedirs(a.folder, exist_ok=True)
    kwargs = {"hostname": "127.0.0.1", "port": a.port or free_port(), "server_hostname": "localhost"}
    if not a.no_tls:
        ctx = make_certificate(a.folder)
        if a.smtps:
            kwargs["ssl_context"] = ctx
        else:
            kwargs.update(tls_context=ctx, require_starttls=True)
    if a.user:
        def check(server, session, envelope, mechanism, data):
            ok = data.login.decode() == a.user and data.password.decode() == a.password
            return AuthResult(success=ok, handled=False)
        kwargs.update(authenticator=check, auth_required=True, auth_require_tls=not a.no_tls)
    controller = Controller(Sink(a.folder, a.reject), **kwargs)
    controller.start()
    print("port %d" % controller.port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
