# test_mail.sh: sending the outbox through a real SMTP server on loopback
# (tests/smtp_sink.py): `copro mail test`, `mail send` and `mail status`,
# retries and giving up when the server is down or refuses, STARTTLS
# required, AUTH with the password from a file, serve's sender thread,
# and every bad setting of the settings file refused with a clear message.
. "$(dirname "$0")/lib.sh"

"$COPRO" init >/dev/null
conf="$WORK/copro.conf"

# ---- bad settings ------------------------------------------------------------
printf 'smtp-url = smtp://mail.example.org:587\ncolour = blue\n' >"$conf"
expect_fail "an unknown setting is refused" 2 'line 2: unknown setting "colour"' --config "$conf" mail status
printf 'smtp-url = http://mail.example.org\n' >"$conf"
expect_fail "a web address as smtp-url is refused" 2 "is not a mail server like smtp://" --config "$conf" mail status
printf 'smtp-url = smtp://me:secret@mail.example.org\n' >"$conf"
expect_fail "a password inside smtp-url is refused" 2 "must not hold a user name or password" --config "$conf" mail status
printf 'smtp-password = secret\n' >"$conf"
expect_fail "a password in the settings is refused" 2 "never written in the settings" --config "$conf" mail status
printf 'base-url = copro.example.org\n' >"$conf"
expect_fail "a base URL without https:// is refused" 2 "is not a web address like https://" --config "$conf" mail status
printf 'mail-from = copro@example.org\nmail-from = other@example.org\n' >"$conf"
expect_fail "a setting given twice is refused" 2 "mail-from is set twice" --config "$conf" mail status
printf 'mail-from = Copro <copro@example.org>\n' >"$conf"
expect_fail "a sender with a display name is refused" 2 "mail-from in the right form" --config "$conf" mail status
printf 'smtp-url smtp://mail.example.org\n' >"$conf"
expect_fail "a line without = is refused" 2 "write key = value" --config "$conf" mail status
expect_fail "a missing settings file is refused" 2 "cannot read the settings file $WORK/nowhere.conf" --config "$WORK/nowhere.conf" mail status
expect_fail "--config needs a file" 2 "--config needs a FILE" --config
COPRO_CONFIG="$WORK/nowhere.conf" run mail status
check "COPRO_CONFIG is read too" test "$status" -eq 2
printf 'smtp-url = smtp://127.0.0.1:1\nmail-from = copro@example.org\nsmtp-user = copro\nsmtp-password-file = %s/no-such-file\n' "$WORK" >"$conf"
expect_fail "an unreadable password file is refused" 1 "cannot read the SMTP password file $WORK/no-such-file" --config "$conf" mail send
printf 'smtp-url = smtp://127.0.0.1:1\nmail-from = copro@example.org\nsmtp-user = copro\n' >"$conf"
expect_fail "a user without a password is refused" 1 "there is no password" --config "$conf" mail send
printf 'smtp-url = smtp://127.0.0.1:1\n' >"$conf"
expect_fail "a mail server without mail-from is refused" 1 "mail-from is not" --config "$conf" mail send
expect_fail "mail send without a mail server says so" 1 "no mail server is set" mail send
expect_fail "mail test wants one plain address" 2 "in the right form" mail test "a@example.org, b@example.org"
expect_fail "serve refuses a bad --smtp-url" 2 "is not a mail server like" serve --smtp-url ftp://example.org
expect_fail "serve has no password option" 2 "unknown option --smtp-password" serve --smtp-password x

# ---- delivery ---------------------------------------------------------------
sink_start
sink_config "$conf" "base-url = https://copro.example.org"
expect_out "mail test sends through the server" "Sent a test email to lead@example.org" --config "$conf" mail test lead@example.org
f=$(mail_latest lead@example.org file)
check "the message has a Date" grep -q '^Date: [A-Z][a-z][a-z], [0-9][0-9] [A-Z][a-z][a-z] 20[0-9][0-9] ' "$f"
check "a Message-ID at the sender's domain" grep -q '^Message-ID: <[0-9]*\.[0-9a-f]*@example.org>' "$f"
check "MIME text in UTF-8, quoted-printable" grep -q 'Content-Transfer-Encoding: quoted-printable' "$f"
check "from mail-from" grep -q '^From: copro <copro@example.org>' "$f"
same "its link starts with the base URL" "https://copro.example.org." "$(mail_latest lead@example.org link)"
expect_out "mail status counts it as sent" "Sent: 1" --config "$conf" mail status

# A message queued while nothing sends: serve's sender thread sends it.
db_sql "INSERT INTO outbox (to_address, subject, body, kind, created_at, next_attempt_at)
	VALUES ('waiting@example.org', 'Waiting', 'Sent by serve', 'test', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
(
	export COPRO_CONFIG="$conf"
	serve_start
	echo "$pid" >"$WORK/serve.pid"
)
same "serve's sender sent the waiting message" "Sent by serve" "$(mail_latest waiting@example.org text | head -1)"
kill "$(cat "$WORK/serve.pid")"
i=0; while kill -0 "$(cat "$WORK/serve.pid")" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
check "serve stops on SIGTERM with its sender" test $i -lt 100
check "serve said where it sends mail" grep -q "Sending mail through smtp://127.0.0.1" "$WORK/serve.log"
sink_stop

# A mail server that takes the connection and never answers: SIGTERM
# still stops serve at once (the conversation is cut), and the message
# waits for a later try.
/usr/bin/python3 -c '
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(5)
print(s.getsockname()[1], flush=True)
conns = []
while True:
    c, _ = s.accept(); conns.append(c)
' >"$WORK/silent.out" 2>&1 &
silent_pid=$!
i=0; while [ ! -s "$WORK/silent.out" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
printf 'smtp-url = smtp://127.0.0.1:%s\nmail-from = copro@example.org\n' "$(cat "$WORK/silent.out")" >"$WORK/silent.conf"
db_sql "INSERT INTO outbox (to_address, subject, body, kind, created_at, next_attempt_at)
	VALUES ('slow@example.org', 'Slow', 'Body', 'test', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
(
	export COPRO_CONFIG="$WORK/silent.conf"
	serve_start
	echo "$pid" >"$WORK/serve.pid"
)
sleep 1
kill "$(cat "$WORK/serve.pid")"
i=0; while kill -0 "$(cat "$WORK/serve.pid")" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
check "SIGTERM stops serve within 5 s while the mail server says nothing" test $i -lt 50
kill "$silent_pid"
same "the message waits for a later try, saying why" "waiting|1|copro stopped while sending it" \
	"$(db_sql "SELECT status, attempts, substr(last_error, 1, 30) FROM outbox WHERE to_address = 'slow@example.org'")"

# ---- the server refuses STARTTLS, or the message, or the password ------------
sink_start --no-tls
sink_config "$conf"
run --config "$conf" mail test plain@example.org
check "a server without STARTTLS is refused" sh -c "[ $status -eq 1 ] && printf '%s' \"\$1\" | grep -q 'does not offer STARTTLS'" _ "$err"
same "and nothing reached it" 0 "$(/usr/bin/python3 "$(dirname "$0")/../mail_read.py" "$SINK_DIR" plain@example.org count)"
sink_stop

sink_start --reject 550
sink_config "$conf"
run --config "$conf" mail test gone@example.org
check "a message refused for good is given up at once" sh -c "[ $status -eq 1 ] && printf '%s' \"\$1\" | grep -q 'refused the message. (It answered 550'" _ "$err"
expect_out "mail status shows it given up with the reason" "Given up: 1" --config "$conf" mail status
check "with the server's answer" sh -c "printf '%s' \"\$1\" | grep -q 'It answered 550'" _ "$out"
sink_stop

printf 'letmein\n' >"$WORK/password"
sink_start --user copro --password letmein
sink_config "$conf" "smtp-user = copro" "smtp-password-file = $WORK/password"
expect_out "AUTH with the password from smtp-password-file" "Sent a test email" --config "$conf" mail test auth@example.org
sink_config "$conf" "smtp-user = copro"
COPRO_SMTP_PASSWORD=letmein run --config "$conf" mail test auth@example.org
check "or from COPRO_SMTP_PASSWORD" test "$status" -eq 0
COPRO_SMTP_PASSWORD=wrong run --config "$conf" mail test auth@example.org
check "a wrong password is said in words" sh -c "printf '%s' \"\$1\" | grep -q 'refused the user name or password'" _ "$err"
sink_stop

# ---- a server that is down: tries again later, then gives up ----------------
printf 'smtp-url = smtp://127.0.0.1:%s\nmail-from = copro@example.org\n' "$SINK_PORT" >"$conf"
db_sql "DELETE FROM outbox"
"$COPRO" org add --name "Riverside" --sector education --area "Rotherham" >/dev/null
db_sql "INSERT INTO outbox (to_address, subject, body, kind, area_id, created_at, next_attempt_at)
	VALUES ('down@example.org', 'Down', 'Body', 'test', (SELECT id FROM area WHERE name = 'Rotherham'),
	'2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z')"
for at in 2030-01-01T00:00:00Z 2030-01-01T00:01:00Z 2030-01-01T00:06:00Z 2030-01-01T00:21:00Z \
	2030-01-01T01:21:00Z; do
	COPRO_NOW=$at run --config "$conf" mail send
	check "at $at: tried and kept for later" sh -c "printf '%s' \"\$1\" | grep -q '1 to be tried again later'" _ "$out"
done
COPRO_NOW=2030-01-01T05:20:00Z run --config "$conf" mail send
check "not tried before its 240 minutes are over" sh -c "printf '%s' \"\$1\" | grep -q '^Sent 0; 0 to be tried again later; 0 given up'" _ "$out"
COPRO_NOW=2030-01-01T05:21:00Z run --config "$conf" mail send
check "the sixth failure gives it up" sh -c "printf '%s' \"\$1\" | grep -q '1 given up'" _ "$out"
same "given up after 6 tries, with the reason" "failed|6|Could not connect to the mail server" \
	"$(db_sql "SELECT status, attempts, substr(last_error, 1, 36) FROM outbox")"

finish
