# test_disk_full.sh: a full disk met before the database's -shm file could
# grow says the disk is full, not "disk I/O error" (issue 15, section 4.5).
# Needs root to mount a small tmpfs; skipped otherwise.
. "$(dirname "$0")/lib.sh"
if [ "$(id -u)" -ne 0 ]; then
	echo "ok - a full disk is named # SKIP mounting a tmpfs needs root"
	finish
fi
"$COPRO" demo >/dev/null
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
size=$(($(stat -c %s "$DB") / 1024 + 64))
mkdir "$WORK/small"
mount -t tmpfs -o "size=${size}k" tmpfs "$WORK/small" || { echo "not ok - cannot mount a tmpfs"; exit 1; }
trap 'umount "$WORK/small"; rm -rf "$WORK"' EXIT
cp "$DB" "$WORK/small/copro.db"
dd if=/dev/zero of="$WORK/small/filler" bs=4k 2>/dev/null
check "the database is there without its -shm" [ ! -e "$WORK/small/copro.db-shm" ]
export COPRO_DB="$WORK/small/copro.db"
DB="$COPRO_DB"
expect_fail "reading from a full disk says the disk is full" 1 "is full: free some space" org list
expect_fail "so does writing" 1 "is full: free some space" org add --name "Oak Tree Nursery" --sector education
rm "$WORK/small/filler"
expect_out "with room again it works" "Riverside" org list
finish
