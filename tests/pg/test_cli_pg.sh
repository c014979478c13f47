#!/bin/sh
# The command-line scripts of tests/pg/passing.txt on PostgreSQL (tests/pg/units.sh).
exec sh "$(dirname "$0")/units.sh" cli
