#!/bin/sh
# The domain programs of tests/pg/passing.txt on PostgreSQL (tests/pg/units.sh).
exec sh "$(dirname "$0")/units.sh" domain
