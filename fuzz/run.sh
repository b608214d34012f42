#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset `fuzz`: clang++, AddressSanitizer,
# UndefinedBehaviorSanitizer) if needed and runs each for SECONDS seconds.
#
#   fuzz/run.sh SECONDS [TARGET...]      (default: every target)
#
# Each target starts from a copy of its seed corpus (fuzz/corpus/<target>/, never modified) in a
# temporary folder, with the dictionary fuzz/imap.dict. Findings (crash-*, leak-*, timeout-*,
# oom-* files) are written to build/fuzz/findings/<target>/ and the logs to
# build/fuzz/logs/<target>.log. Exits non-zero when any target found something, after printing
# the paths of the inputs; see fuzz/README.md for what to do with them.
#
# -entropic=0: with clang 14's libFuzzer the entropic schedule's bookkeeping takes most of the
# time on these targets (tens of thousands of features); without it they run 2-5 times faster.
#
# Environment: IMAPWIRE_JOBS (parallel compile jobs), IMAPWIRE_FUZZ_ARGS (more libFuzzer options,
# e.g. "-jobs=2 -workers=2"), IMAPWIRE_FUZZ_KEEP_CORPUS=DIR (keep the grown corpora in DIR).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/common.sh
source scripts/common.sh

ALL_TARGETS=(command authenticate greeting response response_sequence command_ast response_ast
    framer framer_split session)

usage() {
    echo "usage: fuzz/run.sh SECONDS [TARGET...]" >&2
    echo "targets: ${ALL_TARGETS[*]}" >&2
    exit 2
}

(($# >= 1)) || usage
if [[ ! "$1" =~ ^[0-9]+$ ]] || (($1 == 0)); then
    usage
fi
seconds=$1
shift
targets=("$@")
if ((${#targets[@]} == 0)); then
    targets=("${ALL_TARGETS[@]}")
fi
for t in "${targets[@]}"; do
    [[ " ${ALL_TARGETS[*]} " == *" $t "* ]] || { echo "fuzz/run.sh: unknown target $t" >&2; usage; }
done

# --- tools: the project's build dependencies, then clang with its sanitizer runtimes ---------
imapwire_install_deps
clang_missing=()
command -v clang++ >/dev/null 2>&1 || clang_missing+=(clang)
if command -v dpkg-query >/dev/null 2>&1; then
    for pkg in clang libclang-rt-14-dev; do
        if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != installed ]]; then
            clang_missing+=("$pkg")
        fi
    done
fi
if ((${#clang_missing[@]} > 0)); then
    mapfile -t clang_missing < <(printf '%s\n' "${clang_missing[@]}" | sort -u)
    echo "fuzz/run.sh: installing ${clang_missing[*]}"
    sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null 2>&1 || { echo "fuzz/run.sh: need root to install ${clang_missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends "${clang_missing[@]}"
fi

# --- build (incremental: nothing is rebuilt when the targets are up to date) -----------------
if [[ ! -f build/fuzz/CMakeCache.txt ]]; then
    cmake --preset fuzz
fi
build_targets=()
for t in "${targets[@]}"; do
    build_targets+=("fuzz_$t")
done
cmake --build --preset fuzz --parallel "$(imapwire_jobs)" --target "${build_targets[@]}"

# --- run --------------------------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/imapwire-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p build/fuzz/logs build/fuzz/findings
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
read -r -a extra_args <<<"${IMAPWIRE_FUZZ_ARGS:-}"

failed=()
printf '%-18s %10s %10s %8s  %s\n' target runs exec/s cov result
for t in "${targets[@]}"; do
    bin="build/fuzz/fuzz/fuzz_$t"
    corpus="$work/corpus/$t"
    findings="build/fuzz/findings/$t"
    log="build/fuzz/logs/$t.log"
    mkdir -p "$corpus" "$findings"
    cp -R "fuzz/corpus/$t/." "$corpus/"
    max_len=8192
    [[ $t == framer* ]] && max_len=16384
    before=$(find "$findings" -type f | sort)
    status=0
    "$bin" "$corpus" \
        -dict=fuzz/imap.dict \
        -max_total_time="$seconds" \
        -timeout=10 \
        -rss_limit_mb=2048 \
        -max_len="$max_len" \
        -print_final_stats=1 \
        -entropic=0 \
        -artifact_prefix="$findings/" \
        "${extra_args[@]}" >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    new=$(comm -13 <(printf '%s\n' "$before") <(find "$findings" -type f | sort) | sed '/^$/d')
    if ((status != 0)) || [[ -n "$new" ]]; then
        printf '%-18s %10s %10s %8s  %s\n' "$t" "${runs:--}" "${eps:--}" "${cov:--}" "FINDING (exit $status)"
        failed+=("$t")
        if [[ -n "$new" ]]; then
            while IFS= read -r f; do
                echo "    input: $f"
            done <<<"$new"
        fi
        echo "    log:   $log"
        grep -m1 -E '==imapwire-fuzz== |ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$log" |
            sed 's/^/    /' || true
    else
        printf '%-18s %10s %10s %8s  %s\n' "$t" "${runs:--}" "${eps:--}" "${cov:--}" ok
    fi
    if [[ -n "${IMAPWIRE_FUZZ_KEEP_CORPUS:-}" ]]; then
        mkdir -p "$IMAPWIRE_FUZZ_KEEP_CORPUS/$t"
        cp -R "$corpus/." "$IMAPWIRE_FUZZ_KEEP_CORPUS/$t/"
    fi
done

if ((${#failed[@]} > 0)); then
    echo "fuzz/run.sh: findings in: ${failed[*]} (reproduce: build/fuzz/fuzz/fuzz_<target> <input>)" >&2
    exit 1
fi
echo "fuzz/run.sh: no findings in ${#targets[@]} targets, ${seconds} s each"
