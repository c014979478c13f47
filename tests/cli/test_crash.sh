# test_crash.sh: a short run of the crash suite (`make crash` runs the long
# one, docs/crash.md): kill -9 trials, power-cut trials, and the no-sync
# control, which must be seen losing writes.
. "$(dirname "$0")/lib.sh"
crash="$(dirname "$0")/../crash/crash.py"
unset COPRO_DB
python3 "$crash" kill --copro "$COPRO" --trials 8 --seconds 15 --max-run 1.0 || _failed=$((_failed + 1))
python3 "$crash" power --startup-write --copro "$COPRO" --trials 6 --seconds 15 --max-run 1.0 --image-mb 64 || _failed=$((_failed + 1))
python3 "$crash" power --no-sync --copro "$COPRO" --trials 3 --seconds 10 --max-run 1.0 || _failed=$((_failed + 1))
finish
