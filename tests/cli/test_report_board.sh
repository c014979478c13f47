#!/bin/sh
# test_report_board.sh: `copro report summary|area ... ` and the Word file
# of a self-evaluation: the one-page summary fits one A4 page on the demo,
# on the heaviest generated evaluation and on the longest texts copro
# keeps; its text in order (pdftotext) and as Word (docx_text.py); the
# area report as PDF and Excel; every bad argument refused, nothing written.
# On either engine (tests/pg/passing.txt): the long texts go into a copy of
# the demo's database (db_copy), the generated one into a database of the
# cluster by `copro migrate` on PostgreSQL.
. "$(dirname "$0")/lib.sh"

READ_DOCX="$(cd "$(dirname "$0")/../report" && pwd)/docx_text.py"
GEN="$(dirname "$COPRO")/bench-generate"

"$COPRO" init >/dev/null && "$COPRO" demo >/dev/null
cd "$WORK" || exit 1

pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
# in_order FILE TEXT...: each TEXT in the PDF's text, in this order.
in_order() {
	f=$1; shift
	pdftotext "$f" - | python3 -c '
import sys
text = " ".join(sys.stdin.read().split())
at = 0
for want in sys.argv[1:]:
    i = text.find(want, at)
    if i < 0:
        print("missing or out of order: " + want, file=sys.stderr)
        sys.exit(1)
    at = i + len(want)
' "$@"
}

expect_ok "the demo's summary as a PDF" report summary 1 --format pdf --output summary.pdf
check "... one A4 page" sh -c '[ "$(pdfinfo summary.pdf | sed -n "s/^Pages: *//p")" = 1 ] && pdfinfo summary.pdf | grep -q "A4"'
check "... figures, strengths and areas, then actions, in order" in_order summary.pdf \
	"Self-evaluation summary" "Riverside Primary School (demo), 2026-27 (draft)" \
	"Where the self-evaluation stands" "1 Welcome and Care" "All cornerstones" \
	"Top strengths and areas for development" "1i: Families describe the welcome" \
	"Actions due" "Walk the building with pupils"

expect_ok "the summary as Word" report summary 1 --format docx --output summary.docx
check "... well-formed, its headings Word's own, its text in order" sh -c \
	'python3 "$1" summary.docx >docx.txt && grep -q "^Title|Self-evaluation summary$" docx.txt &&
	 grep -q "^Heading1|Top strengths and areas for development$" docx.txt && grep -q "^header-row$" docx.txt' _ "$READ_DOCX"
expect_ok "the self-evaluation as Word" report evaluation 1 --format docx --output ev.docx
check "... the tool's grid as tables whose header rows repeat, landscape" sh -c \
	'python3 "$1" ev.docx >ev.txt && grep -q "^page 16838 11906 landscape$" ev.txt &&
	 grep -q "^Heading1|Cornerstone 1: Welcome and Care$" ev.txt && grep -q "^cell TableText|Statement$" ev.txt' _ "$READ_DOCX"
"$COPRO" report summary 1 --format docx >piped.docx 2>/dev/null
check "Word to standard output when it is a pipe" sh -c 'head -c 2 piped.docx | grep -q PK'

# The longest texts copro keeps: every statement judged with strengths and
# areas of 20,000 characters, a long name, and many long overdue actions.
# On a copy of the demo's database (on PostgreSQL a database of the cluster).
long_db=$(db_copy long)
long=$(python3 -c "print(' '.join(['Comprehensive'] * 1500))")
sql_on "$long_db" "UPDATE organisation SET name = '$(python3 -c "print('A' * 60 + ' Very Long Name Academy Trust Primary School')")';
	DELETE FROM statement_review WHERE evaluation_id = 1;"
for k in 1i 1ii 2i 2vii 3i 3vii 4i 4iv; do
	sql_on "$long_db" "INSERT INTO statement_review (evaluation_id, element_key, strengths, areas, status, updated_at)
		VALUES (1, '$k', '$long', '$long', 'complete', '2026-01-01T00:00:00Z')"
done
title=$(python3 -c "print(' '.join(['Extraordinarily'] * 12))")
for i in 1 2 3 4 5 6; do
	COPRO_DB=$long_db "$COPRO" action add 1 --title "$title" --owner "Deputy headteacher responsible for inclusion" --due 2026-01-0$i >/dev/null
done
COPRO_DB=$long_db "$COPRO" report summary 1 --format pdf --output long.pdf 2>/dev/null
check "the longest texts still fit one page" sh -c '[ "$(pdfinfo long.pdf | sed -n "s/^Pages: *//p")" = 1 ]'
check "... cut at a word, the rest of the actions counted" in_order long.pdf "Comprehensive…" \
	"Actions due" "Extraordinarily…" "And 7 more open actions on the action plan."

if [ -x "$GEN" ]; then
	"$GEN" --db heavy.db --orgs 20 --areas 2 --seed 3 --heavy >/dev/null 2>&1
	heavy=heavy.db
	case $DB in         # the generator writes SQLite: its rows copied into the cluster
	postgresql:*) heavy=$(db_new heavy) && "$COPRO" migrate --from heavy.db --to "$heavy" >/dev/null 2>&1 ;;
	esac
	ev=$(sql_on "$heavy" "SELECT evaluation_id FROM evidence_link GROUP BY evaluation_id ORDER BY COUNT(*) DESC, evaluation_id LIMIT 1")
	COPRO_DB=$heavy "$COPRO" report summary "$ev" --format pdf --output heavy.pdf 2>/dev/null
	check "the heaviest generated evaluation's summary fits one page" sh -c '[ "$(pdfinfo heavy.pdf | sed -n "s/^Pages: *//p")" = 1 ]'
	area=$(sql_on "$heavy" "SELECT a.name FROM area a JOIN organisation o ON o.area_id = a.id GROUP BY a.id, a.name ORDER BY COUNT(*) DESC, a.id LIMIT 1")
	COPRO_DB=$heavy "$COPRO" report area "$area" --format pdf --output heavy-area.pdf 2>/dev/null
	check "the generated area's report: every part, in order" in_order heavy-area.pdf "Area report: $area" \
		"Contents" "Overdue actions" "Summary" "Organisations" "Portfolio" "Heat map" "Principle 1: " \
		"How many latest accepted audits" "Outcomes over time" "Self-evaluation coverage" "Overdue actions"
else
	check "bench-generate is built beside copro" false
fi

expect_ok "the area report as a PDF" report area "Demo Borough" --format pdf --output area.pdf
check "... its parts in order" in_order area.pdf "Area report: Demo Borough" "Contents" "Overdue actions" "Summary" "Organisations" \
	"Portfolio" "Riverside Primary School (demo)" "Heat map" "No organisation in the area has an accepted audit yet." "Outcomes over time" \
	"Self-evaluation coverage" "1 of 1 organisations have started" "Overdue actions"
expect_ok "the area report as Excel" report area "Demo Borough" --format xlsx --output area.xlsx
check "... a sheet per table after About" sh -c 'python3 -c "
import sys, zipfile
book = zipfile.ZipFile(\"area.xlsx\").read(\"xl/workbook.xml\").decode()
for name in (\"About\", \"Portfolio\", \"Self-evaluation of each orga\"):
    assert \"name=\\\"%s\\\"\" % name in book, name
"'

expect_fail "a summary as Excel" 2 "There is no such --format: say pdf, docx or html." report summary 1 --format xlsx
expect_fail "an area report as Word" 2 "There is no such --format: say pdf or xlsx." report area "Demo Borough" --format docx
expect_fail "an area report with no format" 2 "Say which file with --format: say pdf or xlsx." report area "Demo Borough"
expect_fail "a summary of no number" 2 "The self-evaluation" report summary first --format pdf
expect_fail "a summary of an evaluation that does not exist" 1 "no evaluation number 99" report summary 99 --format pdf --output none.pdf
check "... nothing written" test ! -e none.pdf
expect_fail "an area that does not exist" 1 'there is no area "Atlantis"' report area Atlantis --format pdf --output none.pdf
check "... nothing written" test ! -e none.pdf
expect_fail "a summary into a folder that does not exist" 1 "Cannot write missing/s.docx" report summary 1 --format docx --output missing/s.docx
check "... nothing written" test ! -e missing
finish
