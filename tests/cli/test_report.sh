#!/bin/sh
# test_report.sh: `copro report KIND ID --format pdf|html [--output FILE]`
# on the demo data: the self-evaluation as the tool's grid (text and its
# order read back with pdftotext), the file's name and metadata, standard
# output when it is a pipe, and every bad argument refused with nothing
# written.
. "$(dirname "$0")/lib.sh"

"$COPRO" init >/dev/null && "$COPRO" demo >/dev/null
cd "$WORK" || exit 1

expect_ok "a self-evaluation as a PDF" report evaluation 1 --format pdf --output ev.pdf
check "... says what it wrote" sh -c 'printf "%s" "$1" | grep -q "^Wrote ev.pdf ("' _ "$err"
check "... a PDF" sh -c 'head -c 5 ev.pdf | grep -q "%PDF-"'
info=$(pdfinfo ev.pdf)
check "... its title" sh -c 'printf "%s" "$1" | grep -q "^Title: *Four Cornerstones Self-Evaluation Tool, 2026-27$"' _ "$info"
check "... the organisation as its author" sh -c 'printf "%s" "$1" | grep -q "^Author: *Riverside Primary School (demo)$"' _ "$info"
check "... A4 landscape (the tool's grid)" sh -c 'printf "%s" "$1" | grep -q "^Page size: *841.89 x 595.276 pts (A4)"' _ "$info"
pages=$(printf '%s' "$info" | sed -n 's/^Pages: *//p')
text=$(pdftotext ev.pdf -)
# in the order of the paper tool: each cornerstone's grid, then what the
# school said of each statement
in_order() {
	printf '%s' "$text" | python3 -c '
import sys
text = sys.stdin.read().replace("\n", " ")
text = " ".join(text.split())
at = 0
for want in sys.argv[1:]:
    i = text.find(want, at)
    if i < 0:
        print("missing or out of order: " + want, file=sys.stderr)
        sys.exit(1)
    at = i + len(want)
' "$@"
}
check "... cornerstones, statements, indicators and evidence in the tool's order" in_order \
	"Contents" "Cornerstone 1: Welcome and Care" "Cornerstone 4: Work in Partnership" \
	"Statements complete" "Indicators with evidence" \
	"Cornerstone 1: Welcome and Care" "We will welcome and care by:" "Statement Indicators Evidence" \
	"1i Providing a happy and secure environment or context" \
	"a. There is a positive culture" "Morning welcome at the gate" \
	"1ii Nurturing confidence" "Strengths and areas for development" \
	"Cornerstone 2: Value and Include" "Cornerstone 3" "Cornerstone 4: Work in Partnership" "4iv"
check "... what each statement means" sh -c 'printf "%s" "$1" | grep -q "This means welcoming partners"' _ "$text"
check "... page numbers on every page" sh -c '[ "$(printf "%s" "$1" | grep -c "Page [0-9]* of $2")" -eq "$2" ]' _ "$text" "$pages"
check "... fonts embedded" sh -c '! pdffonts ev.pdf | tail -n +3 | grep -v " yes  *yes  *yes " | grep -q .'
check "... no web links without --base-url" sh -c '! strings ev.pdf | grep -q "/org/1/evaluation/1/statement"'

expect_ok "with --base-url" report evaluation 1 --format pdf --output linked.pdf --base-url https://copro.example.org
check "... statements link to their pages" sh -c 'strings linked.pdf | grep -q "https://copro.example.org/org/1/evaluation/1/statement/1i"'

expect_ok "as printable HTML" report evaluation 1 --format html --output ev.html
check "... a standalone A4 page with its title and table headers" sh -c \
	'grep -q "<title>Four Cornerstones Self-Evaluation Tool, 2026-27</title>" ev.html && grep -q "@page{size:A4 landscape" ev.html && grep -q "<thead" ev.html'

expect_ok "an audit as York's form" report audit 1 --format pdf --output audit.pdf
check "... A4 landscape, the audit's title" sh -c 'pdfinfo audit.pdf | grep -q "^Title: *Joint Partnership Auditing Framework - Service Development Measurement tool, version 1$" &&
	pdfinfo audit.pdf | grep -q "^Page size: *841.89 x 595.276"'
text=$(pdftotext audit.pdf -)
check "... header, each principle with its levels and the one chosen, then the sign-off" in_order \
	"Organisation" "Riverside Primary School (demo)" "Service area" "Date of audit" "Person/s completing the audit" \
	"Principle 1: We value the importance" "Our commitments" "Joint partnership Indicator" "Room for Improvement" \
	"Good" "Excellent" "Chosen: Excellent" "Level chosen" "Score" "Notes or Evidence" \
	"Principle 6" "Summary" "Outcome" "Next steps/action plan" "Review Date" "Name and Signature"
check "... an outline to navigate by" sh -c 'strings audit.pdf | grep -q "/Outlines"'

expect_ok "a plan as the initial evaluation grid" report plan 1 --format pdf --output plan.pdf
text=$(pdftotext plan.pdf -)
check "... each cornerstone's statements with strengths and areas, its questions, the aspects and actions" in_order \
	"Riverside service plan, 2026-27" "Cornerstone 1: Welcome and Care" "Statement" "Strengths" "Areas for Development" \
	"1i Providing a happy and secure" "Families describe the" "For each Cornerstone think about" \
	"Cornerstone 4: Work in Partnership" "Also consider how the Cornerstones" "Actions raised from this plan"
expect_fail "a plan that does not exist" 1 "" report plan 99 --format pdf --output none.pdf

"$COPRO" report evaluation 1 --format pdf >piped.pdf 2>"$WORK/stderr"
check "standard output when it is a pipe" sh -c 'head -c 5 piped.pdf | grep -q "%PDF-" && [ ! -s "$1" ]' _ "$WORK/stderr"

expect_fail "no kind" 2 "missing arguments" report
expect_fail "an unknown kind" 2 'There is no report "invoice": name one of evaluation, audit, plan, summary or area' report invoice 1 --format pdf
expect_fail "not a number" 2 "The self-evaluation" report evaluation one --format pdf
expect_fail "no format" 2 "Say which file with --format: say pdf, docx or html." report evaluation 1
expect_fail "an unknown format" 2 "There is no such --format: say pdf, docx or html." report evaluation 1 --format odt
expect_fail "an empty --output" 2 "--output needs a file name." report evaluation 1 --format pdf --output ""
expect_fail "a base that is not a web address" 2 "--base-url must begin with https://" report evaluation 1 --format pdf --base-url "javascript:alert(1)"
expect_fail "an audit that does not exist" 1 "" report audit 99 --format pdf --output none.pdf
check "... nothing written" test ! -e none.pdf
expect_fail "an evaluation that does not exist" 1 "" report evaluation 99 --format pdf --output none.pdf
check "... nothing written" test ! -e none.pdf
expect_fail "a folder that does not exist" 1 "Cannot write missing/ev.pdf" report evaluation 1 --format pdf --output missing/ev.pdf
check "... nothing written" test ! -e missing
finish
