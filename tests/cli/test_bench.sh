#!/bin/sh
# test_bench.sh: bench/run (make bench) without running anything heavy: its
# help, the plan --dry-run prints for each mode (installing and starting
# nothing; the partner pages' steps too), refusals of unknown options, and how it reads wrk's output
# (latency units, refused responses, socket errors, a failed run).
. "$(dirname "$0")/lib.sh"

RUN="$(cd "$(dirname "$0")/../.." && pwd)/bench/run"

# runb ARGS...: runs bench/run; sets $status, $out, $err.
runb() {
	"$RUN" "$@" >"$WORK/stdout" 2>"$WORK/stderr"
	status=$?
	out=$(cat "$WORK/stdout")
	err=$(cat "$WORK/stderr")
}
has() { printf '%s' "$out" | grep -qF -- "$1"; }
runb --help
if [ "$status" -eq 0 ] && has "bench/run --quick" && has "bench/run --dry-run"; then
	ok "--help describes the modes"
else not_ok "--help describes the modes"; fi

runb --dry-run
if [ "$status" -eq 0 ] && has "bench/run (full) would:" && has "build/bench/national.db" &&
	has "1 16 64 connections" && has "10 s each after a 2 s warm-up" && has "write bench/results.md"; then
	ok "--dry-run prints the full plan"
else not_ok "--dry-run prints the full plan"; fi

runb --quick --dry-run
if [ "$status" -eq 0 ] && has "bench/run (quick) would:" && has "build/bench/quick.db" &&
	has "write build/bench/results-quick.md" && ! has "bench/results.md" && ! has "callgrind"; then
	ok "--quick --dry-run plans the quick dataset, its own results file and no callgrind"
else not_ok "--quick --dry-run plans the quick dataset, its own results file and no callgrind"; fi

# Issue 12: a partner's answer page and answer POST in a round of views.
runb --quick --dry-run
if [ "$status" -eq 0 ] && has "open a round of views of the write evaluation on the copy (copro views open" &&
	has "--partner-limit 1000000000" && has "POST to start" && has "GET /v/TOKEN/q/1" &&
	has "pages: overview statement evidence dashboard asset write answer answer-post" &&
	has "answer-post: POST /v/TOKEN/q/1 with a rating, 303, durable" && has "durable answers per second"; then
	ok "--dry-run plans the partner's draft, the answer page and the answer POST"
else not_ok "--dry-run plans the partner's draft, the answer page and the answer POST"; fi

runb --fast
if [ "$status" -eq 2 ] && [ -z "$out" ] && printf '%s' "$err" | grep -qF "unknown option --fast: use --quick, --dry-run"; then
	ok "an unknown option is refused with exit 2 and what to use"
else not_ok "an unknown option is refused with exit 2 and what to use"; fi

runb --wrk-figures="$WORK/none.txt"
if [ "$status" -eq 2 ] && printf '%s' "$err" | grep -qF "cannot read $WORK/none.txt"; then
	ok "--wrk-figures refuses a missing file"
else not_ok "--wrk-figures refuses a missing file"; fi

cat >"$WORK/wrk-ok.txt" <<'OUT'
Running 10s test @ http://127.0.0.1:40000/org/1/evidence
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.02ms    1.10ms  30.00ms   90.00%
    Req/Sec     6.40k   300.00     7.00k    70.00%
  Latency Distribution
     50%  750.00us
     75%    4.00ms
     90%    6.00ms
     99%    1.25s
  127000 requests in 10.00s, 1.00GB read
  Socket errors: connect 0, read 3, write 1, timeout 7
  Non-2xx or 3xx responses: 42
Requests/sec:  12700.25
Transfer/sec:    102.40MB
OUT
runb --wrk-figures="$WORK/wrk-ok.txt"
same "wrk figures: req/s, p50 in us and p99 in s as ms, requests, refused, socket errors" \
	"12700.25 0.75 1250.00 127000 42 11" "$out"

cat >"$WORK/wrk-clean.txt" <<'OUT'
  Latency Distribution
     50%    2.50ms
     99%   12.00ms
  300 requests in 1.00s, 1.00MB read
Requests/sec:    299.50
OUT
runb --wrk-figures="$WORK/wrk-clean.txt"
same "wrk figures: a clean run has no refused responses and no errors" "299.50 2.50 12.00 300 0 0" "$out"

# A partner's answers refused by the throttle (429, a 4xx): every request
# counts as refused, so the durable answers per second come to none.
cat >"$WORK/wrk-throttled.txt" <<'OUT'
  Latency Distribution
     50%  410.00us
     99%    3.10ms
  9000 requests in 2.00s, 20.00MB read
  Non-2xx or 3xx responses: 9000
Requests/sec:   4500.00
OUT
runb --wrk-figures="$WORK/wrk-throttled.txt"
same "wrk figures: answers all refused by the throttle count as refused" "4500.00 0.41 3.10 9000 9000 0" "$out"

printf 'unable to connect to 127.0.0.1:1 Connection refused\nwrk failed or timed out\n' >"$WORK/wrk-bad.txt"
runb --wrk-figures="$WORK/wrk-bad.txt"
same "wrk figures: a failed run counts as zero with an error" "0 0 0 0 0 1" "$out"

finish
