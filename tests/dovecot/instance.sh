# shellcheck shell=bash
# A throwaway Dovecot instance on 127.0.0.1, shared by record.sh and integration.sh (sourced).
#
# The sourcing script defines log and die (and may define skip) first, then calls:
#   dovecot_packages [ON_NO_APT]   install dovecot-imapd and python3 when missing, without
#                                  starting the system's Dovecot service; without apt-get, run
#                                  ON_NO_APT (default die) with a message
#   dovecot_user                   the unprivileged user that owns the mail files
#   dovecot_dir=$(mktemp -d ...)   the instance's directory (config, log, mail, users)
#   dovecot_start PORT             configure the instance in $dovecot_dir from dovecot.conf.in,
#                                  start it in the background and wait for the port
#   dovecot_stop STATUS            stop it; for a STATUS other than 0 and 77 show the end of its
#                                  log; remove $dovecot_dir unless IMAPWIRE_KEEP_TMP=1
# Needs root. Sets `python` to python3 after dovecot_packages.

dovecot_mail_user=imapwire-test
dovecot_dir=
dovecot_pid=

dovecot_installed() {
    command -v dovecot >/dev/null 2>&1 &&
        dpkg-query -W -f='${Status}' dovecot-imapd 2>/dev/null | grep -q 'ok installed'
}

dovecot_packages() {
    local on_no_apt=${1:-die}
    local missing=()
    dovecot_installed || missing+=(dovecot-imapd)
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    if ((${#missing[@]})); then
        command -v apt-get >/dev/null 2>&1 ||
            "$on_no_apt" "${missing[*]} not installed and no apt-get to install it"
        log "installing ${missing[*]}"
        # Keep the package scripts from starting the system service: invoke-rc.d asks
        # policy-rc.d, and 101 means "not allowed".
        local own_policy=
        if [[ ! -e /usr/sbin/policy-rc.d ]]; then
            printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
            chmod 755 /usr/sbin/policy-rc.d
            own_policy=1
        fi
        local status=0
        DEBIAN_FRONTEND=noninteractive apt-get update -q || status=$?
        if ((status == 0)); then
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
                "${missing[@]}" || status=$?
        fi
        [[ -z $own_policy ]] || rm -f /usr/sbin/policy-rc.d
        ((status == 0)) || die "apt-get could not install ${missing[*]}"
        # Should the system service have been started anyway, stop it: our instance uses its
        # own port and directories, but the system one has no business running.
        service dovecot stop >/dev/null 2>&1 || true
        systemctl stop dovecot >/dev/null 2>&1 || true
    fi
    dovecot_installed || die "dovecot not found after installation"
    # shellcheck disable=SC2034 # for the sourcing script
    python=$(command -v python3)
}

dovecot_user() {
    # Dovecot refuses to access mail as root: the mail files belong to an unprivileged user.
    if ! id -u "$dovecot_mail_user" >/dev/null 2>&1; then
        log "creating system user $dovecot_mail_user"
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$dovecot_mail_user"
    fi
}

dovecot_conf_in="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/dovecot.conf.in"

dovecot_start() {
    local dir=$dovecot_dir port=$1
    # Dovecot's unprivileged processes (auth, login, imap as the mail user) must reach the files.
    chmod 755 "$dir"
    mkdir -p "$dir/mail" "$dir/home/alice" "$dir/out"
    chown "$dovecot_mail_user:$dovecot_mail_user" "$dir/mail" "$dir/home/alice"
    # passwd-file: user:password:uid:gid:gecos:home:shell (uid/gid from mail_uid/mail_gid)
    printf 'alice:{PLAIN}secret::::%s::\n' "$dir/home/alice" >"$dir/users"
    chmod 644 "$dir/users"
    sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" -e "s|@USER@|$dovecot_mail_user|g" \
        "$dovecot_conf_in" >"$dir/dovecot.conf"
    doveconf -c "$dir/dovecot.conf" -n >/dev/null ||
        die "the Dovecot configuration does not check out"

    log "starting Dovecot $(dovecot --version) on 127.0.0.1:$port from $dir"
    # Fixed time zone: INTERNALDATE is shown in the server's zone.
    TZ=UTC dovecot -F -c "$dir/dovecot.conf" &
    dovecot_pid=$!
    local _
    for _ in $(seq 1 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            return 0
        fi
        kill -0 "$dovecot_pid" 2>/dev/null || die "Dovecot exited at startup"
        sleep 0.1
    done
    die "Dovecot does not listen on 127.0.0.1:$port"
}

dovecot_stop() {
    local status=$1
    if [[ -n $dovecot_pid ]] && kill -0 "$dovecot_pid" 2>/dev/null; then
        kill "$dovecot_pid" 2>/dev/null || true
        wait "$dovecot_pid" 2>/dev/null || true
    fi
    [[ -n $dovecot_dir ]] || return 0
    if ((status != 0 && status != 77)) && [[ -f $dovecot_dir/dovecot.log ]]; then
        log "last lines of the Dovecot log:"
        tail -n 20 "$dovecot_dir/dovecot.log" >&2 || true
    fi
    if [[ ${IMAPWIRE_KEEP_TMP:-} == 1 ]]; then
        log "kept $dovecot_dir"
    else
        rm -rf "$dovecot_dir"
    fi
}
