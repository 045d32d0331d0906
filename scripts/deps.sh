#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Terugkeer needs that are not installed yet.
#   scripts/deps.sh build   compiler and OpenGL/X11 headers for the Fyne desktop app
#   scripts/deps.sh test    Xvfb and tools for the smoke test, poppler-utils, dovecot-imapd, sqlite3 (audit e2e test),
#                           msgconvert (libemail-outlook-message-perl, .msg tests), postgresql and
#                           postgresql-contrib (the PostgreSQL backend's tests, scripts/postgres.sh)
#   scripts/deps.sh package release packaging (make package-*): mingw-w64, NSIS, rsvg-convert, icotool;
#                           not in the default groups, so make deps and make test stay lean
# Checks every package with dpkg -s and runs apt-get (once, after one apt-get update)
# only for what is missing, so it is a no-op on a prepared machine. On other systems it
# prints what to install and exits 0.
set -euo pipefail

build_pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev)
# Fyne 2.7 on Linux uses GLFW's X11 backend unless built with -tags wayland, so
# libwayland-dev and libxkbcommon-dev are not needed.
# libemail-outlook-message-perl: msgconvert, the independent .msg reader the Outlook tests check against;
# it only recommends libemail-address-perl, which msgconvert cannot start without (and --no-install-recommends skips).
# postgresql (server and initdb) and postgresql-contrib (pg_trgm): scripts/postgres.sh's throw-away cluster.
test_pkgs=(xvfb xauth libgl1-mesa-dri x11-utils xdotool python3-xlib imagemagick poppler-utils dovecot-imapd sqlite3
	libemail-outlook-message-perl libemail-address-perl postgresql postgresql-contrib)
# Cross-compiling the Windows app (cgo) and its resources, the NSIS installer, rendering
# the icon, the .ico; xz-utils, dpkg and binutils for the .tar.xz and the .deb.
package_pkgs=(gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis librsvg2-bin icoutils xz-utils binutils)

groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(build test)

wanted=()
for g in "${groups[@]}"; do
	case "$g" in
	build) wanted+=("${build_pkgs[@]}") ;;
	test) wanted+=("${test_pkgs[@]}") ;;
	package) wanted+=("${package_pkgs[@]}") ;;
	*) echo "deps.sh: onbekende groep '$g' (build, test of package)" >&2; exit 2 ;;
	esac
done

if ! command -v go >/dev/null 2>&1; then
	echo "Let op: Go ontbreekt. Installeer Go 1.26 of nieuwer van go.dev/dl (de Debian-versie is vaak te oud)." >&2
fi

if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
	echo "Geen Debian/Ubuntu-systeem: installeer zelf een C-compiler (gcc of clang), de OpenGL- en X11-headers"
	echo "en voor de tests Xvfb, ImageMagick, poppler-utils en dovecot. Zie README.md. (Debian-namen: ${wanted[*]})"
	exit 0
fi

installed() {
	dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'
}

missing=()
for p in "${wanted[@]}"; do
	installed "$p" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
	echo "deps: alle pakketten zijn aanwezig (${groups[*]})"
	exit 0
fi

echo "deps: ontbrekende pakketten installeren: ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
	if ! command -v sudo >/dev/null 2>&1; then
		echo "deps: geen root en geen sudo; installeer als root: apt-get install ${missing[*]}" >&2
		exit 1
	fi
	sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
