#!/usr/bin/env bash
# Counts the instructions per message of imapwire-bench's reject/* benchmarks (and their
# .../valid twins) with valgrind's callgrind: exact and repeatable, whatever else the machine
# is doing, unlike timings.
#
#   bench/callgrind.sh build/release/bench/imapwire-bench [FILTER...]
#
# Only the instructions inside parse_set (bench/bench_reject.cpp: one iteration's parses) are
# counted, divided by the number of parse_command / parse_response calls made from it.
set -euo pipefail
bench=${1:?usage: bench/callgrind.sh IMAPWIRE-BENCH [BENCHMARK...]}
shift
if (($# == 0)); then
    set -- reject/response/bulk_fetch reject/response/bulk_fetch/valid \
        reject/command/stream reject/command/stream/valid \
        reject/response/early reject/response/early/valid
fi
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind is not installed" >&2; exit 1; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for name in "$@"; do
    valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect='*parse_set*' \
        "$bench" --benchmark_filter="^${name}\$" --benchmark_min_time=0.01 >/dev/null 2>&1
    total=$(awk '/^(totals|summary):/ { print $2; exit }' "$out")
    # the ids callgrind gave the entry points, then the calls made to them
    ids=$(grep -oE '^c?fn=\([0-9]+\) imapwire::parse_(command|response)\(' "$out" |
        grep -oE '\([0-9]+\)' | sort -u | tr -d '()' | paste -sd'|')
    calls=$(awk -v ids="^cfn=\\\\((${ids})\\\\)" '
        /^cfn=/ { callee = $0 }
        /^calls=/ { if (callee ~ ids) { split($1, a, "="); n += a[2] } }
        END { print n + 0 }' "$out")
    if ((calls == 0)); then
        echo "$name: no parse calls counted" >&2
        exit 1
    fi
    printf '%-36s %12d instructions / %5d messages = %7d per message\n' \
        "$name" "$total" "$calls" $((total / calls))
done
