#!/bin/sh
# The store programs of tests/pg/passing.txt on PostgreSQL (tests/pg/units.sh).
exec sh "$(dirname "$0")/units.sh" store
