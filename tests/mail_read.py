#!/usr/bin/python3
"""mail_read.py: reads what tests/smtp_sink.py received.

    /usr/bin/python3 tests/mail_read.py DIR ADDRESS [WHAT] [--wait SECONDS]

Finds the latest message whose envelope names ADDRESS as a recipient
(the highest number in DIR) and prints WHAT of it: "link" (the first
http or https link of its text, decoded), "text" (the decoded plain
text), "subject" (decoded), "header:NAME" (that header as sent), "file"
(the .eml path, the default) or "count" (how many messages went to
ADDRESS; 0 is not an error). With --wait it waits that long for a first
message. Exits 1, saying so on stderr, when there is none (or no link).
"""
import email
import email.header
import email.policy
import glob
import os
import re
import sys
import time


def messages_to(folder, address):
    found = []
    for env in sorted(glob.glob(os.path.join(folder, "*.env"))):
        with open(env, encoding="utf-8") as f:
            rcpts = [line.strip().lower() for line in f.read().splitlines()[1:]]
        eml = env[:-4] + ".eml"
        if address.lower() in rcpts and os.path.exists(eml):
            found.append(eml)
    return found


def text_of(msg):
    part = msg.get_body(preferencelist=("plain",)) if msg.is_multipart() else msg
    return part.get_content() if part is not None else ""


def main():
    args = [a for a in sys.argv[1:]]
    wait = 0.0
    if "--wait" in args:
        i = args.index("--wait")
        wait = float(args[i + 1])
        del args[i:i + 2]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder, address = args[0], args[1]
    what = args[2] if len(args) > 2 else "file"
    deadline = time.time() + wait
    found = messages_to(folder, address)
    while not found and time.time() < deadline:
        time.sleep(0.1)
        found = messages_to(folder, address)
    if what == "count":
        print(len(found))
        return 0
    if not found:
        print("no message to %s in %s" % (address, folder), file=sys.stderr)
        return 1
    path = found[-1]
    if what == "file":
        print(path)
        return 0
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    if what == "subject":
        print(str(msg["Subject"]))
    elif what == "text":
        sys.stdout.write(text_of(msg))
    elif what.startswith("header:"):
        with open(path, "rb") as f:
            raw = email.message_from_binary_file(f, policy=email.policy.compat32)
        value = raw.get(what[7:])
        if value is None:
            print("no %s header in %s" % (what[7:], path), file=sys.stderr)
            return 1
        print(value)
    elif what == "link":
        m = re.search(r"https?://[^\s<>\"]+", text_of(msg))
        if not m:
            print("no link in %s" % path, file=sys.stderr)
            return 1
        print(m.group(0))
    else:
        print("unknown WHAT %s" % what, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
