#!/usr/bin/env bash
# Register Briefing Builder with the Linux desktop: menu entry, icon in every size, the
# *.briefing MIME type and the AppStream metainfo. No root needed (default ~/.local).
#
#   packaging/install_desktop.sh              from a checkout, for a pip-installed briefing-app
#   dist/briefing-app/install_desktop.sh      from an unpacked bundle (Exec points at it)
#   install_desktop.sh --prefix /usr/local    system-wide (as root)
#   install_desktop.sh --uninstall            remove what it installed
set -euo pipefail
APP_ID=org.briefingbuilder.BriefingBuilder
HERE="$(cd "$(dirname "$0")" && pwd)"
PREFIX="${XDG_DATA_HOME:-$HOME/.local/share}"
PREFIX="${PREFIX%/share}"
UNINSTALL=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --uninstall) UNINSTALL=1; shift ;;
    *) echo "usage: $0 [--prefix DIR] [--uninstall]" >&2; exit 2 ;;
  esac
done
SHARE="$PREFIX/share"

# In a bundle the files sit next to the executable; in a checkout, under packaging/.
if [ -x "$HERE/briefing-app" ]; then
  EXEC="$HERE/briefing-app"
  ICONS="$HERE/_internal/briefing_app/resources/icons/app"
else
  EXEC="briefing-app"
  ICONS="$(dirname "$HERE")/resources/icons/app"
fi

SIZES="16 32 48 64 128 256"
targets=("$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml"
         "$SHARE/mime/packages/$APP_ID.xml" "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg")
for size in $SIZES; do targets+=("$SHARE/icons/hicolor/${size}x${size}/apps/$APP_ID.png"); done

if [ "$UNINSTALL" = 1 ]; then
  rm -f "${targets[@]}"
else
  install -d "$SHARE/applications" "$SHARE/metainfo" "$SHARE/mime/packages" \
    "$SHARE/icons/hicolor/scalable/apps"
  # Exec and TryExec point at the bundle's executable when there is one.
  sed -e "s|^Exec=briefing-app|Exec=$EXEC|" -e "s|^TryExec=briefing-app|TryExec=$EXEC|" \
    "$HERE/$APP_ID.desktop" >"$SHARE/applications/$APP_ID.desktop"
  install -m 644 "$HERE/$APP_ID.metainfo.xml" "$SHARE/metainfo/$APP_ID.metainfo.xml"
  install -m 644 "$HERE/$APP_ID.mime.xml" "$SHARE/mime/packages/$APP_ID.xml"
  install -m 644 "$ICONS/$APP_ID.svg" "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in $SIZES; do
    install -d "$SHARE/icons/hicolor/${size}x${size}/apps"
    install -m 644 "$ICONS/$APP_ID-$size.png" "$SHARE/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
fi

# Refresh the caches the desktop reads; each tool is optional.
command -v update-mime-database >/dev/null && update-mime-database "$SHARE/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database -q "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null && \
  gtk-update-icon-cache -q -t -f "$SHARE/icons/hicolor" 2>/dev/null || true

if [ "$UNINSTALL" = 1 ]; then
  echo "Removed Briefing Builder's desktop entry, icons, MIME type and metainfo from $SHARE"
else
  echo "Installed Briefing Builder's desktop entry, icons, MIME type and metainfo into $SHARE"
  echo "(Exec=$EXEC)"
fi
