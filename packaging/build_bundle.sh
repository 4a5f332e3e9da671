#!/usr/bin/env bash
# Build the one-folder bundle dist/briefing-app/ with PyInstaller, then print its size and
# the build time. Usage: packaging/build_bundle.sh   (from anywhere; PYTHON=python3.12 to pick)
#
# A separate build venv (build/bundle-venv) holds the app installed as a user would get it
# (pip install ., not editable) plus PyInstaller, so the bundle never picks up test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-python3}
VENV=${BUNDLE_VENV:-build/bundle-venv}
DIST=${BUNDLE_DIST:-dist}
WORK=build/pyinstaller
PYINSTALLER_SPEC=${PYINSTALLER_SPEC:-"pyinstaller>=6.10,<7"}

start=$(date +%s)
if [ ! -x "$VENV/bin/python" ]; then
  echo "== creating the build venv $VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
fi
echo "== installing the app and PyInstaller into $VENV"
"$VENV/bin/python" -m pip install --quiet "$PYINSTALLER_SPEC"
# Non-editable, re-installed every time so the bundle holds the current sources.
# lxml_html_clean: trafilatura/jusText need lxml.html.clean, which recent lxml wheels
# no longer ship (harmless once pyproject.toml lists it).
"$VENV/bin/python" -m pip install --quiet --force-reinstall --no-deps .
"$VENV/bin/python" -m pip install --quiet . lxml_html_clean

if command -v git >/dev/null 2>&1 && [ -n "$(git status --porcelain -- briefing_app resources 2>/dev/null)" ]; then
  echo "== note: briefing_app/ or resources/ has uncommitted changes; they go into this bundle"
fi

echo "== running PyInstaller"
pyi_start=$(date +%s)
rm -rf "$DIST/briefing-app"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" packaging/briefing-app.spec
BUNDLE="$ROOT/$DIST/briefing-app"
# Linux desktop integration travels with the bundle: ./install_desktop.sh registers it.
cp packaging/org.briefingbuilder.BriefingBuilder.desktop \
   packaging/org.briefingbuilder.BriefingBuilder.metainfo.xml \
   packaging/org.briefingbuilder.BriefingBuilder.mime.xml packaging/install_desktop.sh "$BUNDLE/"
# spaCy, thinc, blis & co. ship Linux extension modules with DWARF debug info; drop it
# (only from files that have it: the auditwheel-patched libraries break when stripped).
if [ "$(uname -s)" = "Linux" ] && command -v strip >/dev/null && command -v readelf >/dev/null; then
  before=$(du -sm "$BUNDLE" | cut -f1)
  find "$BUNDLE" -type f -name '*.so*' | while read -r lib; do
    # (grep without -q: with pipefail, -q would SIGPIPE readelf and fail the test)
    if readelf -S "$lib" 2>/dev/null | grep '\.debug_info' >/dev/null; then
      strip --strip-debug "$lib"
    fi
  done
  echo "== stripped debug info: ${before} MB -> $(du -sm "$BUNDLE" | cut -f1) MB"
fi
end=$(date +%s)

echo "== bundle: $BUNDLE"
echo "   size on disk:      $(du -sh "$BUNDLE" | cut -f1)"
echo "   files:             $(find "$BUNDLE" -type f | wc -l)"
if command -v tar >/dev/null 2>&1; then
  archive=$(mktemp)
  tar -C "$ROOT/$DIST" -czf "$archive" briefing-app
  echo "   tar.gz (download): $(du -h "$archive" | cut -f1)"
  rm -f "$archive"
fi
echo "   PyInstaller time:  $((end - pyi_start)) s"
echo "   total time:        $((end - start)) s (venv set-up included)"
echo "== smoke test: packaging/smoke_bundle.sh $DIST/briefing-app"
