#!/usr/bin/env python3
"""slow_clients.py: clients that hold copro's connections open, for the
tests of memory and slow connections (tests/cli/test_slow_clients.sh).

  slow_clients.py PORT N PATH BYTES [--from ADDR] [--cookie C] [--hold S]
      [--pid PID] [--partial]

opens N connections from ADDR (a 127.0.0.x address) to PATH, each a POST
declaring BYTES of urlencoded body and sending all but the last byte, then
holds them S seconds (default 3) (--partial: sends only the request line),
and prints one line: how many connections
were accepted and still open, and with --pid the server's resident memory
(VmRSS, KB) before and while they are held."""
import argparse
import socket
import time


def rss(pid):
    if not pid:
        return 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("port", type=int)
    p.add_argument("n", type=int)
    p.add_argument("path")
    p.add_argument("bytes", type=int)
    p.add_argument("--from", dest="src", default="127.0.0.1")
    p.add_argument("--cookie", default="")
    p.add_argument("--hold", type=float, default=3)
    p.add_argument("--pid", type=int, default=0)
    p.add_argument("--partial", action="store_true",
                   help="send only the first line of the headers, then wait")
    a = p.parse_args()
    before = rss(a.pid)
    # Fields of 4,000 characters: long values, as an attacker would send.
    field = b"x" * 4000
    body = b"&".join(b"f%d=" % i + field for i in range(a.bytes // 4006 + 1))[: a.bytes]
    head = (f"POST {a.path} HTTP/1.1\r\nHost: localhost\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {a.bytes}\r\n"
            + (f"Cookie: {a.cookie}\r\n" if a.cookie else "") + "\r\n").encode()
    socks = []
    for _ in range(a.n):
        s = socket.socket()
        s.settimeout(5)
        try:
            s.bind((a.src, 0))
            s.connect(("127.0.0.1", a.port))
            if a.partial:
                s.sendall(head.split(b"\r\n")[0] + b"\r\n")
            else:
                s.sendall(head)
                s.sendall(body[:-1])
            socks.append(s)
        except OSError:
            s.close()
    time.sleep(a.hold)
    open_ = 0
    for s in socks:
        s.setblocking(False)
        try:
            data = s.recv(1)
            open_ += 0 if data == b"" else 0   # answered already: not held
        except BlockingIOError:
            open_ += 1                          # still waiting: held
        except OSError:
            pass
    print(f"held {open_} of {a.n}; rss {before} KB before, {rss(a.pid)} KB held")
    for s in socks:
        s.close()


if __name__ == "__main__":
    main()
