#!/bin/sh
# test_notify.sh: `copro notify tick [--now DATE]`: an action due within 7
# days reaches its owner once however often the tick runs, the weekly
# digest is queued once a week and only when something waits, and wrong
# input is refused with nothing written.
. "$(dirname "$0")/lib.sh"

two_orgs
printf 'a long enough pass phrase\n' | "$COPRO" user add --name "Sam Lead" --email sam@example.org \
	--role lead --org 1 >/dev/null
expect_ok "an action owned by Sam, due on the 10th" action add 1 --title "Call the parent forum" \
	--owner "sam lead" --due 2026-12-10

expect_out "the tick on Monday tells Sam" \
	"1 new notification about dates; 0 weekly digests queued." notify tick --now 2026-12-07
same "... in copro" 1 "$(db_sql "SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id
	WHERE u.email = 'sam@example.org' AND n.kind = 'action-due' AND n.subject LIKE '%Call the parent forum'")"
expect_out "again: nothing twice" "0 new notifications about dates; 0 weekly digests queued." \
	notify tick --now 2026-12-07T15:00:00Z
expect_out "later that week: still nothing" "0 new notifications about dates; 0 weekly digests queued." \
	notify tick --now 2026-12-09
expect_out "overdue: said once more, waiting for the digest" \
	"1 new notification about dates; 0 weekly digests queued." notify tick --now 2026-12-11
same "... no email yet (weekly by default)" 0 "$(db_sql "SELECT COUNT(*) FROM outbox")"
expect_out "next Monday: the digest" "0 new notifications about dates; 1 weekly digest queued." \
	notify tick --now 2026-12-14T08:00:00Z
same "... one email to Sam, both reminders in it, with its unsubscribe link" "digest|2|1" \
	"$(db_sql "SELECT kind, (LENGTH(body) - LENGTH(REPLACE(body, '- Action', ''))) / 8,
	CASE WHEN unsubscribe LIKE '%/unsubscribe/%' THEN 1 ELSE 0 END FROM outbox WHERE to_address = 'sam@example.org'")"
expect_out "the same Monday again: nothing" "0 new notifications about dates; 0 weekly digests queued." \
	notify tick --now 2026-12-14T09:00:00Z
expect_out "without --now it runs as of today" "weekly digest" notify tick

expect_fail "a wrong date" 2 "--now must be a date (2026-12-07) or a UTC time" notify tick --now 2026-13-01
expect_fail "a time without its zone" 2 "--now must be a date" notify tick --now 2026-12-07T09:00:00
expect_fail "an argument too many" 2 "" notify tick 1
expect_fail "an unknown option" 2 "" notify tick --later
finish
