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

# shellcheck source=tests/server-instance.sh
source "$(dirname "${BASH_SOURCE[0]}")/../server-instance.sh"

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
    server_install dovecot "$on_no_apt" "${missing[@]}"
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
    server_wait_port Dovecot "$dovecot_pid" "$port"
}

dovecot_stop() {
    local status=$1
    if [[ -n $dovecot_pid ]] && kill -0 "$dovecot_pid" 2>/dev/null; then
        kill "$dovecot_pid" 2>/dev/null || true
        wait "$dovecot_pid" 2>/dev/null || true
    fi
    [[ -n $dovecot_dir ]] || return 0
    server_cleanup "$status" Dovecot "$dovecot_dir" "$dovecot_dir/dovecot.log"
}
