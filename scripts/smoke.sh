#!/usr/bin/env bash
# Smoke test of the desktop app under Xvfb: builds bin/terugkeer and bin/terugkeer-cli,
# fills a temporary database with the spec's examples, starts the app on a private X
# display, waits for its window and checks that a screenshot of it is not blank.
#   UPDATE_SCREENSHOTS=1 scripts/smoke.sh   also saves docs/screenshots/personen.png
# The last screenshot is kept at bin/smoke-personen.png either way.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

for tool in Xvfb xwininfo import convert; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		case "$tool" in
		Xvfb) echo "smoke-test overgeslagen: Xvfb ontbreekt (make deps installeert het)" ;;
		xwininfo) echo "smoke-test overgeslagen: xwininfo ontbreekt (pakket x11-utils)" ;;
		*) echo "smoke-test overgeslagen: ImageMagick ($tool) ontbreekt" ;;
		esac
		exit 0
	fi
done

WAIT_SECONDS=${WAIT_SECONDS:-60}
GO=${GO:-go}

echo "smoke: bouwen"
CGO_ENABLED=1 "$GO" build -mod=readonly -tags=migrated_fynedo -o bin/terugkeer ./cmd/terugkeer
CGO_ENABLED=0 "$GO" build -mod=readonly -o bin/terugkeer-cli ./cmd/terugkeer-cli

tmp=$(mktemp -d)
xvfb_pid="" app_pid=""
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	[ -n "$app_pid" ] && wait "$app_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && wait "$xvfb_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
	echo "smoke-test MISLUKT: $*" >&2
	if [ -s "$tmp/app.log" ]; then
		echo "--- uitvoer van terugkeer ---" >&2
		tail -n 40 "$tmp/app.log" >&2
	fi
	exit 1
}

db="$tmp/terugkeer.db"
echo "smoke: database met voorbeeldberichten maken"
bin/terugkeer-cli --db "$db" init --gemeente 0193
bin/terugkeer-cli --db "$db" import importers/voorbeelden

# Xvfb picks a free display itself and writes its number to fd 3.
Xvfb -screen 0 1280x800x24 -nolisten tcp -displayfd 3 3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do
	[ -s "$tmp/display" ] && break
	kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb start niet: $(cat "$tmp/xvfb.log")"
	sleep 0.1
done
[ -s "$tmp/display" ] || fail "Xvfb meldt geen display"
export DISPLAY=":$(head -n1 "$tmp/display")"
echo "smoke: Xvfb op $DISPLAY"

# A private HOME keeps Fyne's settings and the user's data out of it.
mkdir -p "$tmp/home"
HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share" \
	LANG=C LC_ALL=C bin/terugkeer --db "$db" >"$tmp/app.log" 2>&1 &
app_pid=$!

win=""
for _ in $(seq 1 $((WAIT_SECONDS * 2))); do
	kill -0 "$app_pid" 2>/dev/null || fail "terugkeer is gestopt voordat het venster verscheen"
	win=$(xwininfo -root -tree 2>/dev/null | awk '/"Terugkeer"/ {print $1; exit}')
	[ -n "$win" ] && break
	sleep 0.5
done
[ -n "$win" ] || fail "geen venster 'Terugkeer' na ${WAIT_SECONDS} s"
echo "smoke: venster $win gevonden"

# The window maps before its first frame is drawn: retry until the picture has content.
shot="$tmp/personen.png"
sd=0
for _ in $(seq 1 20); do
	sleep 1
	kill -0 "$app_pid" 2>/dev/null || fail "terugkeer is gestopt na het openen van het venster"
	import -window "$win" "$shot" 2>/dev/null || continue
	sd=$(convert "$shot" -format '%[fx:standard_deviation]' info:)
	awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' && break
done
mkdir -p bin
[ -f "$shot" ] && cp "$shot" bin/smoke-personen.png
awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' ||
	fail "de schermafdruk is leeg (standaardafwijking $sd); zie bin/smoke-personen.png"
echo "smoke: schermafdruk in orde (standaardafwijking $sd), bewaard als bin/smoke-personen.png"

if [ "${UPDATE_SCREENSHOTS:-}" = 1 ]; then
	mkdir -p docs/screenshots
	cp "$shot" docs/screenshots/personen.png
	echo "smoke: docs/screenshots/personen.png bijgewerkt"
fi
echo "smoke-test geslaagd"
