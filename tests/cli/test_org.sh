#!/bin/sh
# test_org.sh: organisations: add, list, show and edit, their JSON shapes,
# and every identifier, date and name a user can get wrong.
. "$(dirname "$0")/lib.sh"

"$COPRO" init >/dev/null

# ---- add -------------------------------------------------------------

expect_ok "add an organisation with every field" org add --name "Riverside Primary School" \
	--sector education --type "Community school" --area Rotherham --urn 106020 \
	--ukprn 10012345 --ods RCB55 --opened 2001-09-01 --closed 2030-08-31
same "add says its number and the next step" "Added organisation 1: Riverside Primary School
Next: copro evaluation start 1 four-cornerstones 2026-27" "$out"
expect_ok "add an organisation with only name and sector" org add --name "Hill Lane Therapy" --sector health
same "the second organisation is number 2" "Added organisation 2: Hill Lane Therapy" "$(printf '%s\n' "$out" | head -1)"

# show --json: every field, null for the absent optional ones.
expect_ok "org show 1 --json" org show 1 --json
same "org show --json: the fields in order" \
	"['id', 'name', 'type', 'sector', 'area', 'urn', 'ukprn', 'ods_code', 'opened_on', 'closed_on', 'created_at', 'updated_at', 'evaluations']" \
	"$(json_get "$out" 'list(d.keys())')"
same "org show --json: the values given" \
	"[1, 'Riverside Primary School', 'Community school', 'education', 'Rotherham', '106020', '10012345', 'RCB55', '2001-09-01', '2030-08-31', []]" \
	"$(json_get "$out" '[d[k] for k in ("id","name","type","sector","area","urn","ukprn","ods_code","opened_on","closed_on","evaluations")]')"
same "org show --json: id is a number, urn a string" "int str" \
	"$(json_get "$out" 'type(d["id"]).__name__ + " " + type(d["urn"]).__name__')"
same "org show --json: created_at is a UTC time stamp and equals updated_at" "True True" \
	"$(json_get "$out" '__import__("re").fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", d["created_at"]) is not None, d["created_at"] == d["updated_at"]' | tr -d '(),')"
expect_ok "org show 2 --json" org show 2 --json
same "absent optional fields are null, an absent type is empty" \
	"['', None, None, None, None, None, None]" \
	"$(json_get "$out" '[d[k] for k in ("type","area","urn","ukprn","ods_code","opened_on","closed_on")]')"

# list --json: an array of the same objects (without evaluations), by name.
expect_ok "org list --json" org list --json
same "org list --json: two organisations, ordered by name" "[(2, 'Hill Lane Therapy'), (1, 'Riverside Primary School')]" \
	"$(json_get "$out" '[(o["id"], o["name"]) for o in d]')"
same "org list --json: the same fields as show, without evaluations" \
	"['id', 'name', 'type', 'sector', 'area', 'urn', 'ukprn', 'ods_code', 'opened_on', 'closed_on', 'created_at', 'updated_at']" \
	"$(json_get "$out" 'list(d[1].keys())')"
same "org list --json: null fields in the list too" "None None" "$(json_get "$out" 'd[0]["area"], d[0]["urn"]' | tr -d '(),')"

# The readable forms.
expect_ok "org list" org list
same "org list: a header and one line per organisation" \
	"  No.  Name                                         Sector     Area
    2  Hill Lane Therapy                            health     -
    1  Riverside Primary School                     education  Rotherham (closed)" "$out"
expect_ok "org show 1" org show 1
same "org show: every field given" "Organisation 1: Riverside Primary School
  Type:    Community school
  Sector:  education
  Area:    Rotherham
  URN:     106020
  UKPRN:   10012345
  ODS:     RCB55
  Opened:  2001-09-01
  Closed:  2030-08-31
  Evaluations: none yet" "$out"
expect_ok "org show 2" org show 2
same "org show: absent fields are a dash or left out" "Organisation 2: Hill Lane Therapy
  Type:    -
  Sector:  health
  Area:    -
  Evaluations: none yet" "$out"

# Good edge values.
expect_ok "a URN may start with 0" org add --name "Zero URN School" --sector education --urn 012345
expect_ok "a 3-character ODS code" org add --name "Trust" --sector health --ods RCB
expect_ok "a 6-character ODS code" org add --name "Practice" --sector health --ods B82005
expect_ok "opened 29 February in a leap year" org add --name "Leap Nursery" --sector care --opened 2024-02-29
expect_ok "opened and closed the same day" org add --name "One Day" --sector voluntary --opened 2020-01-01 --closed 2020-01-01
n200=$(printf '%200s' '' | tr ' ' n)
expect_ok "a 200-character name is accepted" org add --name "$n200" --sector care
run org show 8 --json
same "the 200-character name is kept whole" 200 "$(json_get "$out" 'len(d["name"])')"
expect_ok "a name in UTF-8 with accents" org add --name "École Sainte-Thérèse" --sector education
run org show 9 --json
same "the UTF-8 name is kept" "École Sainte-Thérèse" "$(json_get "$out" 'd["name"]')"
expect_ok "the same name in another area is a different organisation" \
	org add --name "Riverside Primary School" --sector education --area Sheffield
same "it is number 10" "Added organisation 10: Riverside Primary School" "$(printf '%s\n' "$out" | head -1)"

# Bad values: exit 1, a message saying what is right, nothing stored.
expect_fail "an unknown sector" 1 \
	'copro org add: sector "school" is not known: use education, health, care or voluntary.' \
	org add --name X --sector school
expect_fail "a sector in capitals" 1 'sector "Education" is not known' org add --name X --sector Education
expect_fail "a URN of 5 digits" 1 \
	'copro org add: URN "10602" is not valid: a URN is 6 digits, for example 106020.' \
	org add --name X --sector education --urn 10602
expect_fail "a URN of 7 digits" 1 'URN "1060201" is not valid' org add --name X --sector education --urn 1060201
expect_fail "a URN with a letter" 1 'URN "10602a" is not valid' org add --name X --sector education --urn 10602a
expect_fail "a UKPRN not starting with 1" 1 \
	'copro org add: UKPRN "20012345" is not valid: a UKPRN is 8 digits starting with 1, for example 10012345.' \
	org add --name X --sector education --ukprn 20012345
expect_fail "a UKPRN of 7 digits" 1 'UKPRN "1001234" is not valid' org add --name X --sector education --ukprn 1001234
expect_fail "a UKPRN of 9 digits" 1 'UKPRN "100123456" is not valid' org add --name X --sector education --ukprn 100123456
expect_fail "an ODS code in lower case" 1 \
	'copro org add: ODS code "rcb" is not valid: an ODS code is 3 to 6 capital letters and digits, for example RCB or B82005.' \
	org add --name X --sector health --ods rcb
expect_fail "an ODS code of 7 characters" 1 'ODS code "RCB5555" is not valid' org add --name X --sector health --ods RCB5555
expect_fail "an ODS code of 2 characters" 1 'ODS code "RC" is not valid' org add --name X --sector health --ods RC
expect_fail "an ODS code with a dash" 1 'ODS code "RC-B" is not valid' org add --name X --sector health --ods RC-B
expect_fail "an opening date that does not exist" 1 \
	'copro org add: The opening date "2026-02-30" is not a date that exists: write it as YYYY-MM-DD, for example 2026-09-30.' \
	org add --name X --sector education --opened 2026-02-30
expect_fail "29 February in a year that is not a leap year" 1 'The opening date "2023-02-29" is not a date that exists' \
	org add --name X --sector education --opened 2023-02-29
expect_fail "a date written day first" 1 'The opening date "30/09/2026" is not a date that exists' \
	org add --name X --sector education --opened 30/09/2026
expect_fail "a closing date that does not exist" 1 'The closing date "2026-13-01" is not a date that exists' \
	org add --name X --sector education --closed 2026-13-01
expect_fail "closed before opened" 1 \
	"copro org add: the closing date 2019-12-31 is before the opening date 2020-01-01: check both dates." \
	org add --name X --sector education --opened 2020-01-01 --closed 2019-12-31
n201=$(printf '%201s' '' | tr ' ' n)
expect_fail "a 201-character name" 1 \
	"copro org add: The organisation's name is too long (201 characters): shorten it to 200 or fewer." \
	org add --name "$n201" --sector care
expect_fail "a name with a newline" 1 \
	"copro org add: The organisation's name must be a single line without control characters: remove line breaks and tabs." \
	org add --name "Two
Lines" --sector care
expect_fail "a name with a tab" 1 "must be a single line without control characters" \
	org add --name "$(printf 'Tab\there')" --sector care
expect_fail "a name of spaces only" 1 \
	"copro org add: The organisation's name is required: give a value that is not only spaces." \
	org add --name "   " --sector care
expect_fail "an empty name" 1 "copro org add: The organisation's name is required: give a value." \
	org add --name "" --sector care
expect_fail "an area with a newline" 1 "The local area must be a single line" \
	org add --name X --sector care --area "North
South"
expect_fail "a name that is not UTF-8" 1 \
	"copro org add: The organisation's name is not valid UTF-8 text: save it as UTF-8 and try again." \
	org add --name "$(printf 'Caf\351')" --sector care
expect_fail "the same name in the same area" 1 \
	'copro org add: an organisation called "Riverside Primary School" already exists in Rotherham (number 1): use that one, or give a different name.' \
	org add --name "Riverside Primary School" --sector education --area Rotherham
expect_fail "the same name with no area, twice" 1 \
	'already exists in no area (number 2)' org add --name "Hill Lane Therapy" --sector care

# A wrong command line: exit 2 and the help pointer, nothing stored.
expect_fail "missing --name" 2 "copro org add: --name is required." org add --sector care
same "missing --name points to the help" "\`copro org add --help\` shows how to use it." "$(printf '%s\n' "$err" | tail -1)"
expect_fail "missing --sector" 2 \
	"copro org add: --sector is required (education, health, care or voluntary)." org add --name X
expect_fail "--name with no value" 2 "copro org add: --name needs a value." org add --sector care --name
expect_fail "an unknown option" 2 "copro org add: unknown option --postcode." \
	org add --name X --sector care --postcode S60
expect_fail "a stray argument" 2 'copro org add: unexpected argument "Riverside".' \
	org add Riverside --name X --sector care
expect_ok "--name=VALUE works" org add --name=Equals --sector=care
same "--name=VALUE kept the name" "Added organisation 11: Equals" "$(printf '%s\n' "$out" | head -1)"

# ---- show, list: bad numbers ------------------------------------------

expect_fail "org show 999" 1 "copro org show: there is no organisation number 999: \`copro org list\` shows them." org show 999
check "org show 999 prints nothing on stdout" [ -z "$out" ]
expect_fail "org show abc" 2 \
	'copro org show: The organisation "abc" is not a number: give the number that `list` shows, for example 1.' \
	org show abc
expect_fail "org show 0" 2 'The organisation "0" is not a number' org show 0
expect_fail "org show 1x" 2 'The organisation "1x" is not a number' org show 1x
expect_fail "org show with no number" 2 "copro org show: missing argument." org show
expect_fail "org show 1 2" 2 'copro org show: unexpected argument "2".' org show 1 2

# ---- edit --------------------------------------------------------------

expect_ok "edit the type and area" org edit 2 --type "Children's therapy service" --area Rotherham
same "edit says what it updated" "Updated organisation 2: Hill Lane Therapy" "$out"
run org show 2 --json
same "the edit is stored, the rest kept" "Children's therapy service Rotherham health None" \
	"$(json_get "$out" '" ".join(str(d[k]) for k in ("type","area","sector","urn"))')"
same "updated_at is a UTC time stamp not before created_at" "True" \
	"$(json_get "$out" 'd["updated_at"] >= d["created_at"] and len(d["updated_at"]) == 20')"
expect_ok "edit clears the URN with --urn \"\"" org edit 1 --urn ""
run org show 1 --json
same "the URN is now null, the other identifiers kept" "None 10012345 RCB55" \
	"$(json_get "$out" '" ".join(str(d[k]) for k in ("urn","ukprn","ods_code"))')"
expect_ok "edit clears the closing date and area" org edit 1 --closed "" --area ""
run org show 1 --json
same "closed_on and area are now null" "None None 2001-09-01" \
	"$(json_get "$out" '" ".join(str(d[k]) for k in ("closed_on","area","opened_on"))')"
expect_ok "edit sets the URN again" org edit 1 --urn 106020 --area Rotherham
run org show 1 --json
same "the URN is set" "106020" "$(json_get "$out" 'd["urn"]')"

expect_fail "edit with a bad UKPRN" 1 'copro org edit: UKPRN "123" is not valid' org edit 1 --ukprn 123
expect_fail "edit a closing date before the stored opening date" 1 \
	"copro org edit: the closing date 2000-01-01 is before the opening date 2001-09-01: check both dates." \
	org edit 1 --closed 2000-01-01
expect_fail "edit the name to empty" 1 "copro org edit: The organisation's name is required: give a value." \
	org edit 1 --name ""
expect_fail "edit a name to one already in the same area" 1 \
	'copro org edit: another organisation called "Riverside Primary School" exists in Rotherham (number 1): choose a different name.' \
	org edit 2 --name "Riverside Primary School"
expect_fail "edit a sector to an unknown one" 1 'sector "nhs" is not known' org edit 2 --sector nhs
expect_fail "edit organisation 999" 1 "copro org edit: there is no organisation number 999" org edit 999 --urn 123456
expect_fail "edit without a number" 2 "copro org edit: missing argument." org edit --urn 123456
expect_fail "edit organisation abc" 2 'The organisation "abc" is not a number' org edit abc --urn 123456
expect_ok "edit keeping its own name is fine" org edit 1 --name "Riverside Primary School"

finish
