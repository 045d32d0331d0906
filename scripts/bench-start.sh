#!/usr/bin/env bash
# Start-up benchmark of the desktop app under Xvfb (docs/performance.md): time from
# process start to its first visible window, and resident memory once the window is
# up, for bin/terugkeer on a given database against bench/hello (a one-label Fyne
# window) built and started the same way. Median of RUNS runs each.
#   scripts/bench-start.sh [DATABASE]     default: a fresh database with the examples
#   RUNS=5 SETTLE=3 scripts/bench-start.sh /tmp/tk150k.db
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

for tool in Xvfb xdotool; do
	command -v "$tool" >/dev/null 2>&1 || { echo "bench-start: $tool ontbreekt (make deps-test)" >&2; exit 1; }
done
RUNS=${RUNS:-5}
SETTLE=${SETTLE:-3} # seconds after the window appears before reading the memory
GO=${GO:-go}

echo "bench-start: bouwen" >&2
CGO_ENABLED=1 "$GO" build -mod=readonly -tags=migrated_fynedo -o bin/terugkeer ./cmd/terugkeer
CGO_ENABLED=1 "$GO" build -mod=readonly -tags=migrated_fynedo -o bin/bench-hello ./bench/hello
CGO_ENABLED=0 "$GO" build -mod=readonly -o bin/terugkeer-cli ./cmd/terugkeer-cli

tmp=$(mktemp -d)
xvfb_pid="" app_pid=""
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

db=${1:-}
if [ -z "$db" ]; then
	db="$tmp/terugkeer.db"
	bin/terugkeer-cli --db "$db" demo >/dev/null
fi
persons=$(bin/terugkeer-cli --db "$db" persons --json | grep -c '"id"' || true)

Xvfb -screen 0 1280x800x24 -nolisten tcp -noreset -displayfd 3 3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -n1 "$tmp/display")"

# measure TITLE CMD...: prints "milliseconds-to-window rss-kib" for one start.
measure() {
	local title=$1
	shift
	mkdir -p "$tmp/home"
	local start end win
	start=$(date +%s%N)
	HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share" \
		LANG=C LC_ALL=C "$@" >"$tmp/app.log" 2>&1 &
	app_pid=$!
	win=""
	for _ in $(seq 1 6000); do
		win=$(xdotool search --onlyvisible --name "^${title}\$" 2>/dev/null | head -n1 || true)
		[ -n "$win" ] && break
		kill -0 "$app_pid" 2>/dev/null || { echo "bench-start: $1 stopte voor het venster er was" >&2; cat "$tmp/app.log" >&2; exit 1; }
		sleep 0.01
	done
	end=$(date +%s%N)
	sleep "$SETTLE"
	local rss
	rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$app_pid/status")
	kill "$app_pid"
	wait "$app_pid" 2>/dev/null || true
	app_pid=""
	echo "$(((end - start) / 1000000)) $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

run() {
	local name=$1
	shift
	: >"$tmp/$name"
	for _ in $(seq 1 "$RUNS"); do measure "$@" >>"$tmp/$name"; done
	ms=$(cut -d' ' -f1 "$tmp/$name" | median)
	kib=$(cut -d' ' -f2 "$tmp/$name" | median)
	echo "$ms $kib"
}

read -r hello_ms hello_kib < <(run hello "Hallo Fyne" bin/bench-hello)
read -r app_ms app_kib < <(run app "Terugkeer" bin/terugkeer --db "$db")

echo "Start tot eerste zichtbare venster en geheugen (Xvfb, mediaan van $RUNS starts, RSS na ${SETTLE} s)"
printf '%-34s %8s ms %8s MB\n' "hello-world Fyne (bench/hello)" "$hello_ms" "$((hello_kib / 1024))"
printf '%-34s %8s ms %8s MB\n' "terugkeer ($persons personen)" "$app_ms" "$((app_kib / 1024))"
awk -v a="$app_ms" -v h="$hello_ms" -v ak="$app_kib" -v hk="$hello_kib" 'BEGIN {
	r = a / h; d = (ak - hk) / 1024
	printf "verhouding starttijd %.2f x (doel <= 2), extra geheugen %.0f MB (doel <= 60): %s\n", r, d,
		(r <= 2 && d <= 60) ? "gehaald" : "NIET gehaald"
}'
