#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on 127.0.0.1 for the tests of the PostgreSQL backend.
#
#   scripts/postgres.sh run CMD...  starts one, runs CMD with TERUGKEER_PG_URI and
#                                   TERUGKEER_PG_DIR set, stops it, removes its folder (also
#                                   when CMD fails or the script is interrupted) and exits
#                                   with CMD's status. Without PostgreSQL it says so loudly
#                                   and runs CMD without TERUGKEER_PG_URI (the tests that
#                                   need it then skip), unless TERUGKEER_PG_REQUIRED=1: then
#                                   it fails.
#   scripts/postgres.sh start       starts one; prints shell lines to eval:
#                                   TERUGKEER_PG_URI=postgres://postgres@127.0.0.1:PORT/postgres?sslmode=disable
#                                   and TERUGKEER_PG_DIR=DIR (data, socket and log)
#   scripts/postgres.sh stop        stops the one named by TERUGKEER_PG_DIR and removes DIR
#
# The cluster (initdb into a fresh temporary folder) listens on 127.0.0.1 only, with its
# unix socket in that folder, trust authentication on loopback and the socket only (but
# for the members of terugkeer_wachtwoord_test, who give a password on 127.0.0.1), and
# fsync off: it holds test data only and is thrown away. initdb
# refuses to run as root, so as root the cluster runs as the system user postgres (made by
# Debian's package) through runuser. No system configuration or running server is used.
set -euo pipefail

# The newest /usr/lib/postgresql/<version>/bin (Debian), else pg_config's or the PATH's.
pg_bindir() {
	local d
	d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
	if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
		echo "$d"
		return 0
	fi
	if command -v pg_config >/dev/null 2>&1; then
		d="$(pg_config --bindir 2>/dev/null || true)"
		if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
			echo "$d"
			return 0
		fi
	fi
	if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
		dirname "$(command -v initdb)"
		return 0
	fi
	return 0
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
	echo "postgres.sh: geen vrije poort gevonden" >&2
	return 1
}

# as_owner CMD... runs CMD as the cluster's owner: postgres when we are root, else ourselves.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

start() {
	local bin
	bin="$(pg_bindir)"
	if [ -z "$bin" ]; then
		echo "postgres.sh: PostgreSQL is niet geïnstalleerd (Debian: postgresql postgresql-contrib)" >&2
		return 1
	fi
	if [ "$(id -u)" -eq 0 ] && ! id -u postgres >/dev/null 2>&1; then
		echo "postgres.sh: als root is de systeemgebruiker postgres nodig (Debian's pakket postgresql maakt hem)" >&2
		return 1
	fi
	local base="${TMPDIR:-/tmp}" dir
	# As root the cluster runs as postgres, which must reach the folder: a TMPDIR below
	# /root would refuse it, so then /tmp.
	if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$base"; then
		base=/tmp
	fi
	dir="$(mktemp -d "$base/terugkeer-postgres.XXXXXX")"
	mkdir -p "$dir/data" "$dir/run"
	if [ "$(id -u)" -eq 0 ]; then
		chown -R postgres: "$dir"
	fi
	chmod 0700 "$dir/data"
	if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
		--no-sync >"$dir/initdb.log" 2>&1; then
		echo "postgres.sh: initdb mislukte:" >&2
		cat "$dir/initdb.log" >&2 || true
		rm -rf "$dir"
		return 1
	fi
	# Trust on the socket and 127.0.0.1 only; nothing else may connect. The members of
	# terugkeer_wachtwoord_test (internal/pgtest.PasswordUser) give their password on
	# 127.0.0.1, for the tests of the password from the keyring and the prompt.
	cat >"$dir/data/pg_hba.conf" <<EOF
local all all trust
host all +terugkeer_wachtwoord_test 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
EOF
	[ "$(id -u)" -eq 0 ] && chown postgres: "$dir/data/pg_hba.conf"

	local port tries=0
	while :; do
		port="$(free_port)"
		if as_owner "$bin/pg_ctl" start -w -t 60 -D "$dir/data" -l "$dir/postgres.log" -o \
			"-p $port -k $dir/run -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
			>>"$dir/start.log" 2>&1; then
			break
		fi
		tries=$((tries + 1))
		if [ "$tries" -ge 3 ]; then
			echo "postgres.sh: PostgreSQL start niet:" >&2
			cat "$dir/start.log" "$dir/postgres.log" >&2 2>/dev/null || true
			rm -rf "$dir"
			return 1
		fi
	done
	printf 'export TERUGKEER_PG_URI=%q\n' "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
	printf 'export TERUGKEER_PG_DIR=%q\n' "$dir"
}

stop() {
	local dir="${TERUGKEER_PG_DIR:-}"
	if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
		echo "postgres.sh: TERUGKEER_PG_DIR wijst niet naar een testcluster" >&2
		return 1
	fi
	local bin
	bin="$(pg_bindir)"
	if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
		# immediate: the data is thrown away, so no shutdown checkpoint is needed.
		as_owner "$bin/pg_ctl" stop -w -t 60 -m immediate -D "$dir/data" >/dev/null 2>&1 || true
	fi
	case "$(basename "$dir")" in
	terugkeer-postgres.??????) rm -rf "$dir" ;;
	esac
}

child=""

# on_signal ends CMD (it may not have had the signal: a kill of this script reaches only
# this script) and exits, which runs stop through the EXIT trap.
on_signal() {
	if [ -n "$child" ]; then
		kill -TERM "$child" 2>/dev/null || true
		wait "$child" 2>/dev/null || true
	fi
	exit "$1"
}

run() {
	if [ -z "$(pg_bindir)" ]; then
		if [ "${TERUGKEER_PG_REQUIRED:-}" = 1 ]; then
			echo "postgres.sh: PostgreSQL is niet geïnstalleerd en TERUGKEER_PG_REQUIRED=1 (installeer postgresql en postgresql-contrib, of 'make deps')" >&2
			return 1
		fi
		echo "LET OP: PostgreSQL is niet geïnstalleerd: de tests tegen een echte PostgreSQL-server worden OVERGESLAGEN (installeer postgresql en postgresql-contrib, of 'make deps')." >&2
		unset TERUGKEER_PG_URI TERUGKEER_PG_DIR
		"$@"
		return
	fi
	local lines
	if ! lines="$(start)"; then
		echo "postgres.sh: PostgreSQL kon niet worden gestart" >&2
		return 1
	fi
	eval "$lines"
	trap stop EXIT
	trap 'on_signal 130' INT
	trap 'on_signal 143' TERM
	trap 'on_signal 129' HUP
	echo "postgres.sh: test-PostgreSQL draait op 127.0.0.1:$(echo "$TERUGKEER_PG_URI" | sed 's|.*@127.0.0.1:\([0-9]*\)/.*|\1|')" >&2
	# CMD in the background (with our standard input) so that a signal to this script is
	# handled at once instead of after CMD ends.
	local status=0
	"$@" <&0 &
	child=$!
	wait "$child" || status=$?
	child=""
	return "$status"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
run)
	shift
	[ $# -gt 0 ] || { echo "gebruik: scripts/postgres.sh run OPDRACHT..." >&2; exit 2; }
	run "$@"
	;;
*)
	echo "gebruik: scripts/postgres.sh run OPDRACHT... | start | stop" >&2
	exit 2
	;;
esac
