#!/usr/bin/env bash
# scripts/bench-ceiling-c.sh DATABASE [BERICHTEN]
#
# The C SQLite ceiling beside the pure-Go one, on the same rows (issue 19 item 5).
# `terugkeer-cli bench --bewaar` imports BERICHTEN (2000) generated messages into a copy of
# DATABASE and measures its plain-insert ceiling with modernc.org/sqlite: exactly the rows
# that import wrote, inserted with prepared statements in one transaction. This script then
# takes those same rows (SELECT * EXCEPT SELECT * against a fresh snapshot) into a delta file
# and inserts them with the sqlite3 shell (the C library) into two more fresh snapshots, in
# one transaction each with the application's connection settings: once as INSERT … SELECT
# from the delta, once as one INSERT statement per row. DATABASE is only read; every copy
# lives in a 0700 folder beside it (same disk) that is removed afterwards, also when the
# script is interrupted; the rows never pass through a file of SQL text.
set -euo pipefail

db=${1:?gebruik: scripts/bench-ceiling-c.sh DATABASE [BERICHTEN]}
n=${2:-2000}
cli=${TERUGKEER_CLI:-bin/terugkeer-cli}
command -v sqlite3 >/dev/null || { echo "sqlite3 ontbreekt (Debian: apt-get install sqlite3)" >&2; exit 1; }
[ -x "$cli" ] || { echo "$cli ontbreekt: eerst make build" >&2; exit 1; }

umask 077
work=$(mktemp -d "$(dirname "$(realpath "$db")")/.plafond-XXXXXX")
bench_pid=""
# The bench run keeps its copies (--bewaar) in .terugkeer-bench-PID beside the database.
cleanup() {
	rm -rf "$work"
	if [ -n "$bench_pid" ]; then
		kill "$bench_pid" 2>/dev/null || true
		wait "$bench_pid" 2>/dev/null || true
		rm -rf "$(dirname "$(realpath "$db")")/.terugkeer-bench-$bench_pid"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM # through the EXIT trap: the copies go either way

# The application's connection settings (storage/sqlite/files.go), synchronous FULL
# as SQLite's default in WAL mode makes explicit.
settings="PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;
PRAGMA secure_delete=ON; PRAGMA temp_store=MEMORY;"

# The tables the Go ceiling inserts into, in creation order: no virtual tables and none
# of their shadow tables (the triggers fill those).
tables_sql="SELECT t.name FROM sqlite_master t WHERE t.type = 'table'
  AND t.name NOT LIKE 'sqlite_%' AND t.sql NOT LIKE 'CREATE VIRTUAL%'
  AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type = 'table'
    AND v.sql LIKE 'CREATE VIRTUAL%' AND substr(t.name, 1, length(v.name) + 1) = v.name || '_')
  ORDER BY t.rowid;"

# run_ms DB: runs the SQL on standard input and prints the time SQLite reports for its
# statements (.timer), so that neither starting the shell, nor producing the statements,
# nor the checkpoint when it closes the file is counted (the Go ceiling stops its clock at
# COMMIT too). The statements go through a pipe: the rows' text is never written to a file.
run_ms() {
	{ echo ".timer on"; cat; } | sqlite3 -bail "$1" |
		awk '/^Run Time: real/ { s += $4 } END { printf "%.0f", s * 1000 }'
}

echo "plafond-c: terugkeer-cli bench ($n berichten) op een kopie van $db" >&2
"$cli" --db "$db" bench --berichten "$n" --herhalingen 2 --bewaar >"$work/bench.txt" 2>"$work/bench.err" &
bench_pid=$!
wait "$bench_pid"
kept=$(sed -n 's/^bench: kopieën bewaard in //p' "$work/bench.err")
[ -f "$kept/import.db" ] || { echo "plafond-c: de bewaarde importkopie ontbreekt" >&2; exit 1; }
go_line=$(grep 'plafond' "$work/bench.txt" | head -1)

sqlite3 -readonly "$db" "VACUUM INTO '$work/schoon.db'"
mapfile -t tables < <(sqlite3 "$work/schoon.db" "$tables_sql")

{
	echo "ATTACH '$kept/import.db' AS i; ATTACH '$work/schoon.db' AS s;"
	for t in "${tables[@]}"; do
		echo "CREATE TABLE main.\"$t\" AS SELECT * FROM i.\"$t\" EXCEPT SELECT * FROM s.\"$t\";"
	done
} | sqlite3 -bail "$work/delta.db"

rows=0
for t in "${tables[@]}"; do rows=$(( rows + $(sqlite3 "$work/delta.db" "SELECT count(*) FROM \"$t\"") )); done

# A: INSERT … SELECT from the delta, one transaction.
cp "$work/schoon.db" "$work/a.db"
{
	echo "$settings ATTACH '$work/delta.db' AS d; BEGIN IMMEDIATE;"
	for t in "${tables[@]}"; do echo "INSERT OR REPLACE INTO main.\"$t\" SELECT * FROM d.\"$t\";"; done
	echo "COMMIT;"
} | run_ms "$work/a.db" >"$work/a.ms"
a_ms=$(cat "$work/a.ms")

# B: one INSERT statement per row, one transaction.
cp "$work/schoon.db" "$work/b.db"
{
	echo "$settings BEGIN IMMEDIATE;"
	for t in "${tables[@]}"; do
		sqlite3 "$work/delta.db" ".mode insert \"$t\"" "SELECT * FROM \"$t\";" | sed 's/^INSERT INTO/INSERT OR REPLACE INTO/'
	done
	echo "COMMIT;"
} | run_ms "$work/b.db" >"$work/b.ms"
b_ms=$(cat "$work/b.ms")

echo "rijen die de import schreef: $rows"
echo "puur Go (modernc.org/sqlite), uit dezelfde bench-run: $(echo "$go_line" | tr -s " ")"
echo "C (sqlite3 $(sqlite3 --version | cut -d' ' -f1)), INSERT … SELECT uit de delta: $a_ms ms"
echo "C (sqlite3), één INSERT per rij: $b_ms ms"
echo "belasting: $(cut -d' ' -f1-3 /proc/loadavg)"
