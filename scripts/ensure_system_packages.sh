#!/bin/sh
# Install the missing Debian/Ubuntu packages of the given groups of scripts/system-packages.txt.
#
#   scripts/ensure_system_packages.sh run        # what `make run` needs
#   scripts/ensure_system_packages.sh run test   # what `make test` needs
#
# Nothing to do (the usual case) costs one dpkg-query. When something is missing it runs
# `apt-get update` and `apt-get install` as root, or through sudo when sudo can be used;
# otherwise it prints the exact command to run and exits 1. On a system without dpkg
# (macOS, Fedora…) it says so and exits 0: Qt's wheels carry their own libraries there,
# or the system's package manager is yours to use. WORKSHOP_SKIP_SYSTEM_PACKAGES=1 skips it.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
list="${WORKSHOP_SYSTEM_PACKAGES_LIST:-$here/system-packages.txt}"
say() { printf 'workshop: %s\n' "$*" >&2; }

[ "$#" -gt 0 ] || { say "usage: $0 GROUP..."; exit 2; }
[ "${WORKSHOP_SKIP_SYSTEM_PACKAGES:-0}" = 1 ] && exit 0
if ! command -v dpkg-query >/dev/null 2>&1; then
    say "not a Debian/Ubuntu system: skipping the system packages (see $list)"
    exit 0
fi

# The lines (one package, or alternatives "a | b") of the requested groups.
entries=$(awk -v groups=" $* " '
    /^[[:space:]]*(#|$)/ { next }
    /^\[/ { group = $0; gsub(/[][[:space:]]/, "", group); known[group] = 1; next }
    index(groups, " " group " ") { gsub(/[[:space:]]*\|[[:space:]]*/, "|"); gsub(/[[:space:]]/, ""); print }
    END { n = split(groups, asked, " "); for (i = 1; i <= n; i++) if (!(asked[i] in known)) {
              print "unknown group: " asked[i] > "/dev/stderr"; exit 2 } }
' "$list")

installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' 2>/dev/null | awk '$2 == "installed" { print $1 }')
is_installed() { printf '%s\n' "$installed" | grep -qx -- "$1"; }

missing=""
for entry in $entries; do
    found=""
    for name in $(printf '%s' "$entry" | tr '|' ' '); do
        if is_installed "$name"; then found=1; break; fi
    done
    [ -n "$found" ] || missing="$missing $entry"
done
[ -n "$missing" ] || exit 0

# One name per missing line: the first alternative the archive knows (it may be stale
# before `apt-get update`: then the first one).
choose() {
    for entry in $missing; do
        pick=""
        for name in $(printf '%s' "$entry" | tr '|' ' '); do
            if apt-cache policy "$name" 2>/dev/null | grep -q 'Candidate: [^(]'; then pick=$name; break; fi
        done
        printf '%s ' "${pick:-${entry%%|*}}"
    done
}

if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
    sudo="sudo"
else
    names=$(choose)
    say "these system packages are missing:$missing"
    say "install them, then run make again:"
    printf '    sudo apt-get update && sudo apt-get install -y --no-install-recommends %s\n' "$names" >&2
    exit 1
fi

say "installing the missing system packages:$missing"
$sudo apt-get update -q
names=$(choose)
# shellcheck disable=SC2086 # one word per package
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $names

installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' 2>/dev/null | awk '$2 == "installed" { print $1 }')
for name in $names; do
    is_installed "$name" || { say "$name is still not installed"; exit 1; }
done
