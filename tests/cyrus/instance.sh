# shellcheck shell=bash
# A throwaway Cyrus IMAP instance on 127.0.0.1, used by record.sh (sourced).
#
# The sourcing script defines log and die first, then calls:
#   cyrus_packages [ON_NO_APT]   install cyrus-imapd, sasl2-bin and python3 when missing,
#                                without starting the system's Cyrus service; without
#                                apt-get, run ON_NO_APT (default die) with a message
#   cyrus_dir=$(mktemp -d ...)   the instance's directory (configuration, databases, mail)
#   cyrus_start PORT             configure the instance in $cyrus_dir from imapd.conf.in and
#                                cyrus.conf.in, add the user alice (password secret), start
#                                Cyrus's master process in the background, wait for the port
#   cyrus_stop STATUS            stop it; for a STATUS other than 0 and 77 show the end of its
#                                log; remove $cyrus_dir unless IMAPWIRE_KEEP_TMP=1
# Needs root. Sets `python` to python3, `cyrus_version` (as master -V says it) and
# `cyrus_package_version` after cyrus_packages.

# shellcheck source=tests/server-instance.sh
source "$(dirname "${BASH_SOURCE[0]}")/../server-instance.sh"

cyrus_bin=/usr/lib/cyrus/bin
# The name in the greeting, and the SASL realm alice's password is stored under.
cyrus_servername=imapwire-cyrus
# The system user the package creates; master drops to it, and it owns the files.
cyrus_user=cyrus
cyrus_dir=
cyrus_pid=

cyrus_installed() {
    [[ -x $cyrus_bin/master ]] && command -v saslpasswd2 >/dev/null 2>&1 &&
        dpkg-query -W -f='${Status}' cyrus-imapd 2>/dev/null | grep -q 'ok installed'
}

cyrus_packages() {
    local on_no_apt=${1:-die}
    local missing=()
    cyrus_installed || missing+=(cyrus-imapd sasl2-bin)
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    server_install cyrus-imapd "$on_no_apt" "${missing[@]}"
    cyrus_installed || die "Cyrus IMAP not found after installation"
    id -u "$cyrus_user" >/dev/null 2>&1 || die "the package did not create the user $cyrus_user"
    # The version Cyrus puts in its greeting and ID response ("cyrus-imapd VERSION"), and
    # the package's.
    # shellcheck disable=SC2034 # for the sourcing script
    cyrus_version=$("$cyrus_bin/master" -V 2>/dev/null | sed -n 's/^cyrus-imapd //p')
    # shellcheck disable=SC2034 # for the sourcing script
    cyrus_package_version=$(dpkg-query -W -f='${Version}' cyrus-imapd)
    # shellcheck disable=SC2034 # for the sourcing script
    python=$(command -v python3)
}

cyrus_templates="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

cyrus_start() {
    local dir=$cyrus_dir port=$1 f
    mkdir -p "$dir/conf/socket" "$dir/spool" "$dir/sieve" "$dir/out"
    for f in imapd.conf cyrus.conf; do
        sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" -e "s|@SERVERNAME@|$cyrus_servername|g" \
            "$cyrus_templates/$f.in" >"$dir/$f"
    done
    # The password, in a sasldb of the instance's own (sasl_sasldb_path in imapd.conf).
    printf '%s' secret |
        saslpasswd2 -p -c -f "$dir/sasldb2" -u "$cyrus_servername" alice ||
        die "saslpasswd2 could not add the user alice"
    # master starts as root, binds the port and continues as $cyrus_user, which must own
    # everything it writes: databases, mail, the pid file and the log.
    chown -R "$cyrus_user:$(id -gn "$cyrus_user")" "$dir"
    chmod 750 "$dir"

    log "starting Cyrus IMAP $cyrus_version on 127.0.0.1:$port from $dir"
    # Fixed time zone: INTERNALDATE is shown in the server's zone. Without -d, master stays
    # in the foreground (as our child); -L sends its stdout and stderr to a file.
    TZ=UTC "$cyrus_bin/master" -C "$dir/imapd.conf" -M "$dir/cyrus.conf" \
        -p "$dir/conf/master.pid" -L "$dir/master.log" &
    cyrus_pid=$!
    server_wait_port Cyrus "$cyrus_pid" "$port"
}

cyrus_stop() {
    local status=$1 children=() child _
    if [[ -n $cyrus_pid ]] && kill -0 "$cyrus_pid" 2>/dev/null; then
        # master ends its imapd processes when it gets SIGTERM; wait for them too, so that
        # nothing still writes into the directory when it is removed.
        mapfile -t children < <(ps -o pid= --ppid "$cyrus_pid" 2>/dev/null || true)
        kill "$cyrus_pid" 2>/dev/null || true
        wait "$cyrus_pid" 2>/dev/null || true
        for child in "${children[@]}"; do
            child=${child// /}
            [[ -n $child ]] || continue
            for _ in $(seq 1 50); do
                kill -0 "$child" 2>/dev/null || break
                sleep 0.1
            done
        done
    fi
    cyrus_pid=
    [[ -n $cyrus_dir ]] || return 0
    # (the master log: the rest goes to syslog)
    server_cleanup "$status" "Cyrus master" "$cyrus_dir" "$cyrus_dir/master.log"
    cyrus_dir=
}
