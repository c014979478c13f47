#!/bin/sh
# test_language.sh: `copro language list|check|pseudo`: the languages make
# built, checking a translation against the template (the fixtures in
# tests/data/language: a complete Welsh file and a Polish one with every
# kind of problem), the repository's own po/, and bad input.
. "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
data="$root/tests/data/language"

# The list: British English first; the pseudo-locales only when asked.
expect_out "language list shows British English" "en-GB    English" language list
check "language list leaves out the pseudo-locales by default" \
	sh -c '! printf "%s" "$1" | grep -q "en-XA"' _ "$out"
COPRO_PSEUDO_LOCALES=1 run language list --json
same "language list --json with the pseudo-locales" "en-GB English False|ar-XB True True|en-XA False True" \
	"$(json_get "$out" '"|".join("%s %s %s" % (l["tag"], l["name"] if not l["pseudo"] else l["rtl"], l["pseudo"]) for l in d)')"

# A complete translation passes, saying so.
expect_out "a complete translation passes" "all 5 strings translated and current" \
	language check "$data/good/cy.po"
check "its language is named from its header" sh -c 'printf "%s" "$1" | grep -qF "cy.po (cy):"' _ "$out"

# Every kind of problem is listed, and the command fails.
run language check "$data/gaps"
same "a translation with problems exits 1" 1 "$status"
same "each problem is listed under its kind" \
	'wrong "How well does %s do this?"|fuzzy "Really well"|missing "What is good?"|unused "What used to be asked?"|wrong "If you are worried, tell {contact}."|obsolete "An old question"|missing "What could be better?"' \
	"$(printf '%s\n' "$out" | sed -n 's/^  \([a-z]*\) *\(".*"\)$/\1 \2/p' | tr '\n' '|' | sed 's/|$//')"
check "and counted" sh -c 'printf "%s" "$1" | grep -qF "0 of 5 strings translated; 2 missing, 3 stale (1 fuzzy, 2 obsolete or unused), 2 wrong"' _ "$out"
check "the format mismatch is explained" sh -c 'printf "%s" "$1" | grep -qF "pl.po:9: number of format specifications"' _ "$err"
check "a lost placeholder is explained" sh -c 'printf "%s" "$1" | grep -qF "pl.po: the translation of \"If you are worried, tell {contact}.\" leaves out {contact}"' _ "$err"
check "what to do is said" sh -c 'printf "%s" "$1" | grep -qF "7 strings need work"' _ "$err"

# The template: --pot, else copro.pot beside the file.
cp "$data/gaps/pl.po" "$WORK/pl.po"
run language check "$WORK/pl.po" --pot "$data/template.pot"
same "--pot names the template" 1 "$status"
check "against that template" sh -c 'printf "%s" "$1" | grep -qF "checked against $2"' _ "$err" "$data/template.pot"

# The repository's own translations are complete and current.
expect_out "po/ passes (run scripts/pot after adding strings)" "en_GB.po (en_GB):" language check "$root/po"
check "po/en_GB.po is complete" sh -c 'printf "%s" "$1" | grep -qF "translated and current"' _ "$out"

# Bad input: a clear message, a non-zero exit.
expect_fail "a file that is not there" 1 "Cannot read $WORK/none.po" language check "$WORK/none.po"
expect_fail "a template that is not there" 1 "give the template with --pot" \
	language check "$data/good/cy.po" --pot "$WORK/none.pot"
expect_fail "a file that is not a .po" 2 "is not a .po file" language check "$data/template.pot"
expect_fail "a broken .po says where" 1 "broken.po:6: end-of-line within string" \
	language check "$data/broken.po"
check "and that it is not readable" sh -c 'printf "%s" "$1" | grep -qF "is not a readable .po file"' _ "$err"
mkdir "$WORK/empty"
expect_fail "a folder without translations" 1 "holds no .po files" language check "$WORK/empty"
expect_fail "no path" 2 "missing argument" language check

# The pseudo-locales, made from a template.
expect_ok "pseudo accented" language pseudo accented "$data/template.pot" "$WORK/en_XA.po"
check "keeps the format directive and accents the words" \
	grep -qF 'msgstr "[Ĥöŵ ŵéļļ ðöéš %s ðö ţĥîš? ŏñé ţŵö ţĥŕéé]"' "$WORK/en_XA.po"
check "and keeps placeholders" grep -qF 'msgstr "[Îƒ ýöû áŕé ŵöŕŕîéð, ţéļļ {contact}.' "$WORK/en_XA.po"
check "and GOV.UK Frontend's %{count}" grep -qF 'msgstr "[Ýöû ĥáṽé %{count} çĥáŕáçţéŕš ŕéɱáîñîñĝ' "$WORK/en_XA.po"
check "the result compiles with msgfmt --check" msgfmt --check -o "$WORK/en_XA.mo" "$WORK/en_XA.po"
expect_ok "pseudo rtl" language pseudo rtl "$data/template.pot" "$WORK/ar_XB.po"
check "each word right to left" grep -qF "$(printf 'msgstr "\342\200\217\342\200\256Really\342\200\254 \342\200\256well\342\200\254"')" "$WORK/ar_XB.po"
check "its header names the language" grep -qF '"Language: ar_XB\n"' "$WORK/ar_XB.po"
expect_fail "an unknown pseudo-locale" 2 "say accented (en-XA) or rtl (ar-XB)" \
	language pseudo upside-down "$data/template.pot" "$WORK/x.po"
expect_fail "pseudo from a missing template" 1 "Cannot read $WORK/none.pot" \
	language pseudo rtl "$WORK/none.pot" "$WORK/x.po"
check "and writes nothing" test ! -e "$WORK/x.po"

# A locale folder someone named must exist; British English goes on.
COPRO_LOCALE_DIR="$WORK/nowhere" run language list
same "a missing COPRO_LOCALE_DIR still lists British English" 0 "$status"
check "with a warning saying what to do" sh -c 'printf "%s" "$1" | grep -qF "set COPRO_LOCALE_DIR"' _ "$err"
finish
