# shellcheck shell=bash
# What the throwaway server instances (tests/dovecot/instance.sh, tests/cyrus/instance.sh) share
# (sourced by them). The sourcing script defines log and die first.
#
#   server_install SERVICE ON_NO_APT PACKAGE...
#       install the packages with apt-get, without letting their scripts start the system's
#       SERVICE (and stopping it should it have started anyway); nothing to do without
#       packages; without apt-get, run ON_NO_APT with a message
#   server_wait_port NAME PID PORT
#       wait until 127.0.0.1:PORT accepts a connection; die if process PID ends first or the
#       port stays closed for 10 s
#   server_cleanup STATUS NAME DIR LOG
#       for a STATUS other than 0 and 77 show the last lines of LOG; remove DIR unless
#       IMAPWIRE_KEEP_TMP=1

server_install() {
    local service=$1 on_no_apt=$2
    shift 2
    (($#)) || return 0
    command -v apt-get >/dev/null 2>&1 ||
        "$on_no_apt" "$* not installed and no apt-get to install it"
    log "installing $*"
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
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" ||
            status=$?
    fi
    [[ -z $own_policy ]] || rm -f /usr/sbin/policy-rc.d
    ((status == 0)) || die "apt-get could not install $*"
    # Should the system service have been started anyway, stop it: our instance uses its
    # own port and directories, but the system one has no business running.
    service "$service" stop >/dev/null 2>&1 || true
    systemctl stop "$service" >/dev/null 2>&1 || true
}

server_wait_port() {
    local name=$1 pid=$2 port=$3 _
    for _ in $(seq 1 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || die "$name exited at startup"
        sleep 0.1
    done
    die "$name does not listen on 127.0.0.1:$port"
}

server_cleanup() {
    local status=$1 name=$2 dir=$3 log_file=$4
    if ((status != 0 && status != 77)) && [[ -s $log_file ]]; then
        log "last lines of the $name log:"
        tail -n 20 "$log_file" >&2 || true
    fi
    if [[ ${IMAPWIRE_KEEP_TMP:-} == 1 ]]; then
        log "kept $dir"
    else
        rm -rf "$dir"
    fi
}
