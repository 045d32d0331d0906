#!/usr/bin/env bash
# A throw-away Dovecot IMAP server on 127.0.0.1 for the IMAP integration tests.
#
#   scripts/dovecot.sh start       starts one; prints shell lines to eval:
#                                  TERUGKEER_DOVECOT=127.0.0.1:PORT:USER:PASS and
#                                  TERUGKEER_DOVECOT_DIR=DIR (the config, mail and logs)
#   scripts/dovecot.sh start-oauth2 URL
#                                  starts one that offers no password login: only SASL
#                                  XOAUTH2 and OAUTHBEARER, each token checked by RFC 7662
#                                  introspection (POST) at URL (an identity provider on
#                                  loopback, e.g. internal/testidp); prints
#                                  TERUGKEER_DOVECOT_OAUTH2=127.0.0.1:PORT and
#                                  TERUGKEER_DOVECOT_DIR=DIR. Any user the introspection
#                                  names (username) has a mailbox.
#   scripts/dovecot.sh stop        stops the one named by TERUGKEER_DOVECOT_DIR and removes DIR
#   scripts/dovecot.sh run CMD...  starts one, runs CMD with TERUGKEER_DOVECOT set, stops it
#                                  and exits with CMD's status. Without Dovecot it says so
#                                  and runs CMD anyway (the tests that need it then skip).
#
# The server has one test user with a random password, plain-text login (loopback only, no
# TLS), Maildir storage in a fresh temporary directory, and uses no system configuration.
set -euo pipefail

dovecot_bin() {
	command -v dovecot 2>/dev/null || { [ -x /usr/sbin/dovecot ] && echo /usr/sbin/dovecot; } || true
}

free_port() {
	local port
	for _ in $(seq 1 50); do
		port=$((20000 + RANDOM % 40000))
		if ! ss -Htln 2>/dev/null | awk '{print $4}' | grep -q ":${port}\$"; then
			echo "$port"
			return 0
		fi
	done
	echo "dovecot.sh: geen vrije poort gevonden" >&2
	return 1
}

start() {
	local introspection="${1:-}"
	local bin
	bin="$(dovecot_bin)"
	if [ -z "$bin" ]; then
		echo "dovecot.sh: Dovecot is niet geïnstalleerd (Debian: dovecot-imapd)" >&2
		return 1
	fi
	local dir port user pass login_user internal_user mail_uid mail_gid
	dir="$(mktemp -d "${TMPDIR:-/tmp}/terugkeer-dovecot.XXXXXX")"
	# mktemp -d makes a 0700 directory; Dovecot's unprivileged processes must traverse it.
	chmod 0755 "$dir"
	mkdir -p "$dir/run" "$dir/state" "$dir/mail"
	user="terugkeer"
	pass="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
	if [ "$(id -u)" -eq 0 ]; then
		# Dovecot refuses to run its login processes as root.
		login_user=dovenull
		internal_user=dovecot
		mail_uid="$(id -u nobody)"
		mail_gid="$(id -g nobody)"
		chown "$mail_uid:$mail_gid" "$dir/mail"
	else
		login_user="$(id -un)"
		internal_user="$(id -un)"
		mail_uid="$(id -u)"
		mail_gid="$(id -g)"
	fi
	printf '%s:{PLAIN}%s\n' "$user" "$pass" >"$dir/passwd"
	chmod 0644 "$dir/passwd"
	local mechanisms="plain login"
	local passdb="passdb {
  driver = passwd-file
  args = scheme=PLAIN $dir/passwd
}"
	if [ -n "$introspection" ]; then
		# Tokens only: no plain mechanism, and the oauth2 passdb for the two SASL ones.
		mechanisms="oauthbearer xoauth2"
		passdb="passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = $dir/dovecot-oauth2.conf.ext
}"
		cat >"$dir/dovecot-oauth2.conf.ext" <<EOF
introspection_mode = post
introspection_url = $introspection
force_introspection = yes
username_attribute = username
active_attribute = active
active_value = true
EOF
		chmod 0644 "$dir/dovecot-oauth2.conf.ext"
	fi

	local tries=0
	while :; do
		port="$(free_port)"
		cat >"$dir/dovecot.conf" <<EOF
protocols = imap
listen = 127.0.0.1
base_dir = $dir/run
state_dir = $dir/state
instance_name = terugkeer-test-$port
log_path = $dir/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = $mechanisms
# A refused token is answered at once (the default waits 2 s): the tests refuse many.
auth_failure_delay = 0
default_login_user = $login_user
default_internal_user = $internal_user
first_valid_uid = $mail_uid
first_valid_gid = $mail_gid
mail_location = maildir:$dir/mail/%u
$passdb
userdb {
  driver = static
  args = uid=$mail_uid gid=$mail_gid home=$dir/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
  inet_listener pop3s {
    port = 0
  }
}
EOF
		if "$bin" -c "$dir/dovecot.conf" 2>>"$dir/start.log" && wait_listening "$port"; then
			break
		fi
		tries=$((tries + 1))
		"$bin" -c "$dir/dovecot.conf" stop >/dev/null 2>&1 || true
		if [ "$tries" -ge 3 ]; then
			echo "dovecot.sh: Dovecot start niet; zie $dir/start.log en $dir/dovecot.log" >&2
			cat "$dir/start.log" "$dir/dovecot.log" >&2 2>/dev/null || true
			return 1
		fi
	done
	if [ -n "$introspection" ]; then
		printf 'export TERUGKEER_DOVECOT_OAUTH2=%q\n' "127.0.0.1:$port"
	else
		printf 'export TERUGKEER_DOVECOT=%q\n' "127.0.0.1:$port:$user:$pass"
	fi
	printf 'export TERUGKEER_DOVECOT_DIR=%q\n' "$dir"
}

wait_listening() {
	for _ in $(seq 1 50); do
		if ss -Htln 2>/dev/null | awk '{print $4}' | grep -q "^127.0.0.1:$1\$"; then
			return 0
		fi
		sleep 0.1
	done
	return 1
}

stop() {
	local dir="${TERUGKEER_DOVECOT_DIR:-}"
	if [ -z "$dir" ] || [ ! -f "$dir/dovecot.conf" ]; then
		echo "dovecot.sh: TERUGKEER_DOVECOT_DIR wijst niet naar een testserver" >&2
		return 1
	fi
	local bin
	bin="$(dovecot_bin)"
	# SIGTERM to the master, as 'dovecot stop' sends, without its waiting of seconds.
	if [ -f "$dir/run/master.pid" ]; then
		kill -TERM "$(cat "$dir/run/master.pid")" 2>/dev/null || true
	elif [ -n "$bin" ]; then
		"$bin" -c "$dir/dovecot.conf" stop >/dev/null 2>&1 || true
	fi
	# The master removes its pid file when it is gone.
	for _ in $(seq 1 50); do
		[ -f "$dir/run/master.pid" ] || break
		sleep 0.1
	done
	case "$dir" in
	"${TMPDIR:-/tmp}"/terugkeer-dovecot.*) rm -rf "$dir" ;;
	esac
}

run() {
	if [ -z "$(dovecot_bin)" ]; then
		echo "LET OP: Dovecot is niet geïnstalleerd: de IMAP-integratietests tegen een echte mailserver (wachtwoord en OAuth2) worden OVERGESLAGEN (installeer dovecot-imapd, of 'make deps')." >&2
		"$@"
		return
	fi
	local lines
	if ! lines="$(start)"; then
		echo "dovecot.sh: Dovecot kon niet worden gestart" >&2
		return 1
	fi
	eval "$lines"
	echo "dovecot.sh: test-IMAP-server draait op ${TERUGKEER_DOVECOT%%:*}:$(echo "$TERUGKEER_DOVECOT" | cut -d: -f2)" >&2
	trap stop EXIT
	local status=0
	"$@" || status=$?
	return "$status"
}

case "${1:-}" in
start) start ;;
start-oauth2)
	[ $# -eq 2 ] || { echo "gebruik: scripts/dovecot.sh start-oauth2 INTROSPECTIE-URL" >&2; exit 2; }
	start "$2"
	;;
stop) stop ;;
run)
	shift
	[ $# -gt 0 ] || { echo "gebruik: scripts/dovecot.sh run OPDRACHT..." >&2; exit 2; }
	run "$@"
	;;
*)
	echo "gebruik: scripts/dovecot.sh start | start-oauth2 URL | stop | run OPDRACHT..." >&2
	exit 2
	;;
esac
