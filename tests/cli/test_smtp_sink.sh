# test_smtp_sink.sh: the tests' mail server (tests/smtp_sink.py) and its
# readers (lib.sh's mail_latest, tests/mail_read.py), checked with curl's
# own SMTP client, so that tests relying on them fail only for copro.
. "$(dirname "$0")/lib.sh"

sink_start
check "the sink listens on a port" test -n "$SINK_PORT"
printf 'From: a@example.org\r\nTo: b@example.org\r\nSubject: =?UTF-8?B?Q2Fmw6k=?=\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nFollow https://copro.example.org/join/=\r\nabc to join.\r\n' >"$WORK/m.eml"
curl -s --url "$SINK_URL" --ssl-reqd --cacert "$SINK_CA" --mail-from a@example.org \
	--mail-rcpt b@example.org -T "$WORK/m.eml"
same "a message sent over STARTTLS is kept" 1 "$(mail_latest b@example.org count)"
same "its first link, decoded" "https://copro.example.org/join/abc" "$(mail_latest b@example.org link)"
same "its subject, decoded" "Café" "$(mail_latest b@example.org subject)"
same "nothing for another address" 0 "$(/usr/bin/python3 "$(dirname "$0")/../mail_read.py" "$SINK_DIR" c@example.org count)"
curl -s --url "$SINK_URL" --mail-from a@example.org --mail-rcpt b@example.org -T "$WORK/m.eml"
check "mail without STARTTLS is refused" test "$?" -ne 0
same "and not kept" 1 "$(mail_latest b@example.org count)"
sink_stop

finish
