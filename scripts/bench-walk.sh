#!/usr/bin/env bash
# Memory of the desktop app through a short walk (docs/performance.md, app memory):
# under Xvfb, for each build given, RUNS starts alternating between the builds, each on
# a fresh copy of DATABASE: resident memory 3 s after the window, after Personen (a
# click, 2 s, eight wheel steps in its table, 2 s), after the Overzicht again (a click,
# 4 s), and the peak (VmHWM); against bench/hello started the same way. Prints one line
# per start and the medians per build. The copies are removed afterwards.
#   scripts/bench-walk.sh DATABASE BIN [BIN...]      e.g. bin/terugkeer /tmp/main/terugkeer
#   RUNS=3 HELLO=bin/bench-hello SHOTS=DIR (a screenshot after each step, to check the walk)
set -euo pipefail
for tool in Xvfb xdotool; do
	command -v "$tool" >/dev/null 2>&1 || { echo "bench-walk: $tool ontbreekt (make deps-test)" >&2; exit 1; }
done
[ $# -ge 2 ] || { echo "gebruik: scripts/bench-walk.sh DATABASE BIN [BIN...]" >&2; exit 2; }
db=$1
shift
RUNS=${RUNS:-3}
HELLO=${HELLO:-bin/bench-hello}
tmp=$(mktemp -d "$(dirname "$db")/bench-walk.XXXXXX")
xvfb_pid="" app_pid=""
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

Xvfb -screen 0 1280x800x24 -nolisten tcp -noreset -displayfd 3 3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -n1 "$tmp/display")"

rss() { awk '/^VmRSS:/ {print int($2/1024)}' "/proc/$app_pid/status"; }
hwm() { awk '/^VmHWM:/ {print int($2/1024)}' "/proc/$app_pid/status"; }

# start TITLE CMD...: starts CMD with a home of its own and waits for its window.
start() {
	local title=$1
	shift
	rm -rf "$tmp/home"
	mkdir -p "$tmp/home"
	HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share" \
		LANG=C LC_ALL=C "$@" >"$tmp/app.log" 2>&1 &
	app_pid=$!
	for _ in $(seq 1 6000); do
		win=$(xdotool search --onlyvisible --name "^${title}\$" 2>/dev/null | head -n1 || true)
		[ -n "$win" ] && return 0
		kill -0 "$app_pid" 2>/dev/null || { echo "bench-walk: $1 stopte voor het venster er was" >&2; exit 1; }
		sleep 0.01
	done
	echo "bench-walk: geen venster" >&2
	exit 1
}

stop() {
	kill "$app_pid"
	wait "$app_pid" 2>/dev/null || true
	app_pid=""
}

# walk BIN: one start on a fresh copy; prints "at3s personen overzicht peak" in MB.
walk() {
	cp "$db" "$tmp/copy.db"
	start Terugkeer "$1" --db "$tmp/copy.db"
	sleep 3
	local a b c
	a=$(rss)
	shot start
	xdotool mousemove --window "$win" 68 111 click 1 # Personen in the sidebar
	sleep 2
	xdotool mousemove --window "$win" 640 400
	for _ in $(seq 1 8); do xdotool click 5; sleep 0.1; done
	sleep 2
	b=$(rss)
	shot personen
	xdotool mousemove --window "$win" 69 71 click 1 # Overzicht
	sleep 4
	c=$(rss)
	shot overzicht
	echo "$a $b $c $(hwm)"
	stop
	rm -f "$tmp"/copy.db*
}

shot() {
	[ -z "${SHOTS:-}" ] && return 0
	import -window root "$SHOTS/$1.png"
	cp "/proc/$app_pid/smaps" "$SHOTS/$1.smaps"
	cp "$tmp/app.log" "$SHOTS/$1.log"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: >"$tmp/hello"
for _ in $(seq 1 "$RUNS"); do
	start "Hallo Fyne" "$HELLO"
	sleep 3
	rss >>"$tmp/hello"
	stop
done
hello=$(median <"$tmp/hello")
echo "hello-world: $hello MB (mediaan van $RUNS)"
for r in $(seq 1 "$RUNS"); do
	i=0
	for bin in "$@"; do
		i=$((i + 1))
		line=$(walk "$bin")
		echo "$line" >>"$tmp/build$i"
		echo "start $r, $bin: na 3 s / na Personen / Overzicht weer / piek: $line MB (load $(cut -d' ' -f1 /proc/loadavg))"
	done
done
i=0
for bin in "$@"; do
	i=$((i + 1))
	m=""
	for col in 1 2 3 4; do m="$m $(cut -d' ' -f$col "$tmp/build$i" | median)"; done
	read -r a b c p <<<"$m"
	echo "mediaan $bin: $a / $b / $c / piek $p MB; boven hello-world +$((a - hello)) / +$((b - hello)) / +$((c - hello)) MB"
done
