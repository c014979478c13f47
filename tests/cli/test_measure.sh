#!/bin/sh
# test_measure.sh: success measures from the command line: the catalogue
# and worked examples, choosing measures, the grid, metrics, readings (late
# ones sorted, zero denominators and same dates refused), where a metric
# stands, links, and what is refused without changing the database.
. "$(dirname "$0")/lib.sh"

export COPRO_NOW=2026-11-01T12:00:00Z
two_orgs

# ---- the catalogue ------------------------------------------------------

expect_out "catalogue lists every cornerstone" "Cornerstone 4: Work in Partnership" measure catalogue
expect_out "catalogue shows keys and wording" "1.7   There are good numbers of parent carer volunteers" measure catalogue
expect_ok "catalogue of one cornerstone as JSON" measure catalogue 3 --json
same "one cornerstone, ten measures" "3 Communicate 10 3.1" \
	"$(json_get "$out" '" ".join([d[0]["key"], d[0]["title"], str(len(d[0]["measures"])), d[0]["measures"][0]["key"]])')"
expect_fail "an unknown cornerstone" 2 "no cornerstone \"9\"" measure catalogue 9
expect_out "examples print the source's rows" "You said we did on monthly newsletter" measure examples
expect_out "examples use the grid's column titles" "What exactly needs to be improved?" measure examples
expect_ok "examples as JSON" measure examples --json
same "two worked examples" "['Staff induction processes are robust', 'There are few formal complaints']" \
	"$(json_get "$out" '[x["measure"] for x in d]')"

# ---- choosing measures ----------------------------------------------------

expect_ok "add a catalogue measure" measure add 1 --cycle 2026-27 --catalogue 1.7
same "add says its number and wording" \
	"Added measure 1: There are good numbers of parent carer volunteers eg Parent Teacher Association" "$out"
expect_ok "add one of another cornerstone, cornerstone given" measure add 1 --cycle 2026-27 --cornerstone 3 --catalogue 3.1
expect_ok "add an own measure" measure add 1 --cycle 2026-27 --cornerstone 4 --own "Families help plan school events"
expect_ok "the other organisation's measure" measure add 2 --cycle 2026-27 --catalogue 1.7
expect_fail "the same catalogue measure twice in a cycle" 1 "already chosen measure 1.7 for cycle 2026-27" \
	measure add 1 --cycle 2026-27 --catalogue 1.7
expect_fail "an unknown catalogue key" 1 "no measure \"9.9\" in the catalogue" measure add 1 --cycle 2026-27 --catalogue 9.9
expect_fail "a key of another cornerstone" 1 "belongs to cornerstone 2" measure add 1 --cycle 2026-27 --cornerstone 1 --catalogue 2.3
expect_fail "own measure without a cornerstone" 2 "--cornerstone is required" measure add 1 --cycle 2026-27 --own "Mine"
expect_fail "both catalogue and own" 2 "either --catalogue" measure add 1 --cycle 2026-27 --catalogue 1.8 --own "Mine"
expect_fail "no cycle" 2 "--cycle is required" measure add 1 --catalogue 1.8
expect_fail "an organisation that does not exist" 1 "no organisation" measure add 9 --cycle 2026-27 --catalogue 1.8
expect_ok "a new cycle may choose it again" measure add 1 --cycle 2027-28 --catalogue 1.7

expect_ok "measure list" measure list 1
same "the list, by cornerstone" \
	"  No.  Cornerstone Cycle    Key    Measure
    5  1           2027-28  1.7    There are good numbers of parent carer volunteers eg Parent Teacher Association
    1  1           2026-27  1.7    There are good numbers of parent carer volunteers eg Parent Teacher Association
    2  3           2026-27  3.1    The website is accessible and well-used by parents and carers, children and young people
    3  4           2026-27  own    Families help plan school events" "$out"
expect_ok "measure list --cycle --json" measure list 1 --cycle 2026-27 --json
same "one cycle's measures" "[1, 2, 3]" "$(json_get "$out" '[m["id"] for m in d]')"
same "list JSON fields" "['id', 'organisation', 'cycle', 'cornerstone', 'catalogue_key', 'own_text', 'text', 'grid', 'carried_from', 'created_at', 'updated_at']" \
	"$(json_get "$out" 'list(d[0].keys())')"

# ---- the grid, metrics and readings ---------------------------------------

expect_ok "fill the grid" measure set 1 --improve "Staff respond readily" --measuring "Number of volunteers"
expect_fail "nothing to set" 2 "nothing to change" measure set 1
expect_fail "set a measure that does not exist" 1 "no success measure number 99" measure set 99 --know "x"

expect_ok "a percentage metric" measure metric 1 --name "Parent carers rating communication good" \
	--kind percentage --direction higher --baseline 40 --target 75
same "metric add says its number" "Added metric 1 to measure 1: Parent carers rating communication good" "$out"
expect_ok "a count metric, lower is better" measure metric 1 --name "Formal complaints" --kind count \
	--direction lower --baseline 10 --target 5
expect_fail "a rate needs a unit" 1 "per 100 pupils" measure metric 1 --name "Exclusions" --kind rate --direction lower
expect_fail "a percentage over 100" 1 "cannot be more than 100" measure metric 1 --name "X" --kind percentage --direction higher --target 120
expect_fail "a count that is not whole" 1 "whole number" measure metric 1 --name "X" --kind count --direction higher --baseline 2.5
expect_fail "a target that is not a number" 2 "is not a number" measure metric 1 --name "X" --kind count --direction higher --target lots
expect_fail "an unknown direction" 1 "direction \"up\" is not known" measure metric 1 --name "X" --kind count --direction up

expect_ok "a reading as numerator and denominator" measure reading 1 --date 2026-06-01 --numerator 36 \
	--denominator 60 --source survey --with parents --note "Summer survey"
same "reading add says the percentage" "Added reading 1: 60% on 2026-06-01" "$out"
expect_ok "a later reading" measure reading 1 --date 2026-10-01 --value 70 --source meeting --with parents,cyp
expect_ok "an older survey entered late" measure reading 1 --date 2026-03-01 --value 55 --source survey
expect_fail "a zero denominator" 1 "the denominator is 0" measure reading 1 --date 2026-04-01 --numerator 3 --denominator 0 --source survey
expect_fail "a numerator over the denominator" 1 "more than the denominator" measure reading 1 --date 2026-04-01 --numerator 7 --denominator 6 --source survey
expect_fail "a second reading on one date" 1 "already has a reading on 2026-06-01 (60%)" measure reading 1 --date 2026-06-01 --value 61 --source survey
expect_fail "a reading in the future" 1 "in the future" measure reading 1 --date 2026-12-01 --value 61 --source survey
expect_fail "a date that does not exist" 1 "date" measure reading 1 --date 2026-02-30 --value 61 --source survey
expect_fail "an unknown source" 1 "source \"gossip\" is not known" measure reading 1 --date 2026-04-01 --value 61 --source gossip
expect_fail "only a numerator" 2 "both --numerator and --denominator" measure reading 1 --date 2026-04-01 --numerator 3 --source survey
expect_fail "a fraction for a count" 1 "only for percentages" measure reading 2 --date 2026-04-01 --numerator 3 --denominator 4 --source records
expect_fail "an unknown partner group" 2 "not a partner group" measure reading 1 --date 2026-04-01 --value 61 --source survey --with martians
expect_fail "a metric that does not exist" 1 "no metric number 9" measure reading 9 --date 2026-04-01 --value 1 --source survey
expect_ok "the count at its target" measure reading 2 --date 2026-10-01 --value 4 --source records

# ---- links ----------------------------------------------------------------

expect_ok "link two measures across cornerstones" measure link 2 1
same "link says so" "Linked measures 2 and 1" "$out"
expect_fail "the same link again" 1 "linked already" measure link 1 2
expect_fail "a measure to itself" 1 "itself" measure link 1 1
expect_fail "another organisation's measure" 1 "another organisation" measure link 1 4
expect_fail "unlink what is not linked" 1 "not linked" measure link 1 3 --unlink
expect_ok "link and unlink" measure link 1 3
expect_ok "unlink" measure link 3 1 --unlink

# ---- show -----------------------------------------------------------------

expect_ok "measure show" measure show 1
same "show: the whole measure" "Measure 1: There are good numbers of parent carer volunteers eg Parent Teacher Association
  Cornerstone 1: Welcome and Care
  Cycle: 2026-27
  From the catalogue: 1.7

Monitoring grid
  What exactly needs to be improved?
    Staff respond readily
  How will we know this has improved? How will staff, parent carers and children/young people be involved?
    (not written yet)
  What are we measuring?
    Number of volunteers
  Evaluation – what else needs to happen?
    (not written yet)

Metrics

  Metric 1: Parent carers rating communication good (percentage, higher is better; baseline 40%; target 75%)
    2026-03-01  55%  survey; speaks for none recorded
    2026-06-01  60% (36 of 60)  survey; speaks for parent carers; Summer survey
    2026-10-01  70%  meeting; speaks for children and young people, parent carers
    Latest reading 70% on 1 October 2026. Not yet at the target of 75%. Improving since the previous reading (60%); improving since the baseline (40%).

  Metric 2: Formal complaints (count, lower is better; baseline 10; target 5)
    2026-10-01  4  records; speaks for none recorded
    Latest reading 4 on 1 October 2026. Target met (the target is 5). Improving since the baseline (10).

Linked measures
  Measure 2 (cornerstone 3): The website is accessible and well-used by parents and carers, children and young people" "$out"
expect_ok "measure show --json" measure show 1 --json
same "readings sorted by date" "['2026-03-01', '2026-06-01', '2026-10-01']" \
	"$(json_get "$out" '[r["date"] for r in d["metrics"][0]["readings"]]')"
same "the fraction is kept" "[None, 36, None] [None, 60, None]" \
	"$(json_get "$out" 'str([r["numerator"] for r in d["metrics"][0]["readings"]]) + " " + str([r["denominator"] for r in d["metrics"][0]["readings"]])')"
same "status of both metrics" "[(False, 'improving'), (True, 'improving')]" \
	"$(json_get "$out" '[(m["status"]["target_met"], m["status"]["trend"]) for m in d["metrics"]]')"
same "links and grid in JSON" "[2] Staff respond readily" \
	"$(json_get "$out" 'str([l["id"] for l in d["links"]]) + " " + d["grid"]["improve"]')"
expect_ok "the link shows from the other side" measure show 2 --json
same "linked back" "[1]" "$(json_get "$out" '[l["id"] for l in d["links"]]')"
expect_fail "show a measure that does not exist" 1 "no success measure number 42" measure show 42
expect_fail "a measure number that is not a number" 2 "is not a number" measure show x

finish
