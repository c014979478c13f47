# test_backup.sh: `copro backup` of a live database: killed part-way it
# leaves nothing at the destination, and it finishes while `copro serve`
# takes a steady stream of writes (issue 15, section 4.2-3).
. "$(dirname "$0")/lib.sh"
crash="$(dirname "$0")/../crash/crash.py"

"$COPRO" demo >/dev/null
# 40 MB more, so a backup takes long enough to be caught part-way.
sqlite3 "$DB" "CREATE TABLE padding (b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) INSERT INTO padding SELECT randomblob(1048576) FROM n;"

# Kill the backup with SIGKILL as soon as a file of it appears.
caught=$(python3 - "$COPRO" "$DB" "$WORK/killed.db" <<'PY'
import os, signal, subprocess, sys, time
copro, db, dest = sys.argv[1:]
for attempt in range(5):
    p = subprocess.Popen([copro, "--db", db, "backup", dest], stdout=subprocess.DEVNULL)
    while p.poll() is None and not (os.path.exists(dest) or os.path.exists(dest + ".partial")):
        time.sleep(0.0002)
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
        p.wait()
        print("killed")
        break
    for f in (dest, dest + ".partial"):
        if os.path.exists(f):
            os.remove(f)
PY
)
same "the backup was killed part-way" killed "$caught"
check "a backup killed part-way leaves no file at the destination" [ ! -e "$WORK/killed.db" ]
expect_out "the next backup to that name works" "Backed up" backup "$WORK/killed.db"
check "and leaves no partial file behind" [ ! -e "$WORK/killed.db.partial" ]
check "the backup is a whole database" [ "$(sqlite3 "$WORK/killed.db" "PRAGMA integrity_check; SELECT COUNT(*) FROM padding")" = "ok
40" ]
expect_fail "a backup never overwrites another" 1 "exists already" backup "$WORK/killed.db"

# A backup while serve takes writes (at least 50 acknowledged while it
# runs: 26-59 a second under the sanitizers on a loaded machine, 340-450
# unsanitised, where the old backup had not finished after 30 s).
unset COPRO_DB
python3 "$crash" load --copro "$COPRO" --db "$WORK/live.db" --pad-mb 40 --min-writes 50 --writers 12 --seconds ${BACKUP_LOAD_SECONDS:-60} \
	-- "$COPRO" --db "$WORK/live.db" backup "$WORK/live-copy.db" || _failed=$((_failed + 1))
check "the live backup holds the writes made before it started" \
	[ "$(sqlite3 "$WORK/live-copy.db" "SELECT COUNT(*) > 0 FROM action_item WHERE title LIKE 'crash t%'")" = 1 ]
finish
