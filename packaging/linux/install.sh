#!/bin/sh
# Add Workshop to the applications menu and make double-clicking a .workshop file open it,
# for the current user only (~/.local/share; no root). Run it from the unpacked bundle:
#     ./install.sh                 # this folder's ./workshop-app
#     ./install.sh /path/to/workshop-app
# ./install.sh --uninstall removes what it added (the bundle itself is left where it is).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
icon="$here/workshop-app.png"                             # in the bundle
[ -f "$icon" ] || icon="$here/../icons/workshop-app.png"  # in the source tree (make install-desktop)

refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$data/mime" || true; fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$data/applications" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$data/applications/workshop-app.desktop" "$data/mime/packages/workshop-app.xml" \
          "$data/icons/hicolor/256x256/apps/workshop-app.png"
    refresh
    echo "Workshop removed from the menu and the file types."
    exit 0
fi

exe="${1:-$here/workshop-app}"
case "$exe" in /*) ;; *) exe="$(pwd)/$exe" ;; esac
[ -x "$exe" ] || { echo "install.sh: no executable at $exe" >&2; exit 1; }

mkdir -p "$data/applications" "$data/mime/packages" "$data/icons/hicolor/256x256/apps"
case "$exe" in *[\"\`\$\\]*)
    echo "install.sh: move the app to a folder whose path has none of \" \` \$ \\ first" >&2; exit 1 ;;
esac
# Exec with the executable's full path, quoted as the Desktop Entry spec wants (% doubled).
awk -v exe="$exe" '/^Exec=/ { gsub(/%/, "%%", exe); print "Exec=\"" exe "\" %f"; next } { print }' \
    "$here/workshop-app.desktop" > "$data/applications/workshop-app.desktop"
cp "$here/workshop-app.xml" "$data/mime/packages/workshop-app.xml"
cp "$icon" "$data/icons/hicolor/256x256/apps/workshop-app.png"
refresh
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default workshop-app.desktop application/x-workshop || true
fi
echo "Workshop is in the applications menu; .workshop files open with $exe"
