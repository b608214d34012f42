# shellcheck shell=bash
# Shared by scripts/demo.sh and scripts/test.sh (sourced, not run).
#
# imapwire_install_deps: installs the Debian 12 packages the build needs, only those missing.
#   Nothing is installed (and no root is needed) when everything is already there.
# imapwire_jobs: how many compile jobs to run. A grammar translation unit needs ~1.5 GB, so the
#   count is the number of cores, capped by available memory. IMAPWIRE_JOBS overrides it.

IMAPWIRE_PACKAGES=(
    g++ cmake ninja-build ccache
    libboost1.81-dev doctest-dev libbenchmark-dev libcli11-dev nlohmann-json3-dev zlib1g-dev
    python3 time
)

imapwire_install_deps() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "imapwire: not a Debian system; install the equivalent of: ${IMAPWIRE_PACKAGES[*]}" >&2
        return 0
    fi
    local missing=() pkg
    for pkg in "${IMAPWIRE_PACKAGES[@]}"; do
        if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != installed ]]; then
            missing+=("$pkg")
        fi
    done
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    echo "imapwire: installing ${missing[*]}"
    local sudo=()
    if ((EUID != 0)); then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "imapwire: missing packages (${missing[*]}) and not root" >&2
            return 1
        fi
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends "${missing[@]}"
}

imapwire_jobs() {
    if [[ -n "${IMAPWIRE_JOBS:-}" ]]; then
        echo "$IMAPWIRE_JOBS"
        return
    fi
    local cores mem_kb by_memory jobs
    cores=$(nproc 2>/dev/null || echo 2)
    mem_kb=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo 2>/dev/null || true)
    jobs=$cores
    if [[ -n "$mem_kb" ]]; then
        by_memory=$((mem_kb / (1600 * 1024)))
        if ((by_memory < jobs)); then
            jobs=$by_memory
        fi
    fi
    if ((jobs < 1)); then
        jobs=1
    fi
    echo "$jobs"
}
