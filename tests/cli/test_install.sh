#!/bin/sh
# test_install.sh: `make install DESTDIR=... PREFIX=/usr` stages copro with
# its frameworks, assets, languages and systemd units; the staged copro
# finds its own files (share/copro beside its bin/, not the build tree) and
# serves a page and an asset; `make uninstall` removes everything again.
. "$(dirname "$0")/lib.sh"

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(dirname "$COPRO")
build=${build#"$root/"}
dest="$WORK/stage"
make -s -C "$root" BUILD="$build" install DESTDIR="$dest" PREFIX=/usr >"$WORK/make.out" 2>&1
status=$?
out=$(cat "$WORK/make.out") err=""
same "make install DESTDIR=... PREFIX=/usr succeeds" 0 "$status"
share="$dest/usr/share/copro"
check "copro is in usr/bin" [ -x "$dest/usr/bin/copro" ]
same "the frameworks are in usr/share/copro/frameworks" "$(ls "$root/frameworks"/*.json | wc -l)" \
	"$(ls "$share/frameworks"/*.json | wc -l)"
check "the style sheet is in usr/share/copro/assets" cmp -s "$root/build/assets/copro.css" "$share/assets/copro.css"
check "the languages are in usr/share/copro/locale" [ -f "$share/locale/messages/en_GB/LC_MESSAGES/copro.mo" ]
check "the service unit is in usr/lib/systemd/system, starting usr/bin/copro" \
	grep -q '^ExecStart=/usr/bin/copro --config /etc/copro/copro.conf serve ' "$dest/usr/lib/systemd/system/copro.service"
check "the backup timer is there too" [ -f "$dest/usr/lib/systemd/system/copro-backup.timer" ]
same "nothing in the units still names /usr/local" "" "$(grep -l /usr/local "$dest/usr/lib/systemd/system/"* 2>&1)"

# The staged copro, away from the build tree and without the variables
# tests/run sets, finds everything under its own share/copro: told apart
# from the build tree's by an instrument left out and a style sheet marked.
installed="$dest/usr/bin/copro"
rm "$share/frameworks/york-individual-model.json"
printf '/* staged */\n' >>"$share/assets/copro.css"
unset COPRO_FRAMEWORKS COPRO_ASSETS COPRO_LOCALE_DIR COPRO_SHARE_DIR
cd "$WORK" || exit 1
COPRO="$installed"
expect_out "the installed copro finds its frameworks" "four-cornerstones" frameworks
check "the staged ones, not the build tree's" sh -c '! printf "%s" "$1" | grep -q york-individual-model' _ "$out"
expect_out "and its languages" "en-GB" language list
"$installed" init >/dev/null
serve_start
same "the installed copro serves a page" 200 "$(curl -s -o "$WORK/page" -w '%{http_code}' "http://127.0.0.1:$port/setup")"
check "the page is the set-up form" grep -q 'Create the administrator' "$WORK/page"
same "and an asset" 200 "$(curl -s -o "$WORK/css" -w '%{http_code}' "http://127.0.0.1:$port/assets/copro.css")"
check "the asset is the installed style sheet" grep -q 'staged' "$WORK/css"
kill "$pid"; wait "$pid" 2>/dev/null

# COPRO_SHARE_DIR points an installed copro at another share folder.
COPRO_SHARE_DIR="$WORK/elsewhere" run frameworks
check "COPRO_SHARE_DIR is where copro looks instead" \
	sh -c 'printf "%s" "$1" | grep -qF "$2/frameworks"' _ "$err" "$WORK/elsewhere"

make -s -C "$root" BUILD="$build" uninstall DESTDIR="$dest" PREFIX=/usr >"$WORK/make.out" 2>&1
same "make uninstall succeeds" 0 "$?"
same "and leaves no file behind" "" "$(find "$dest" -type f)"
finish
