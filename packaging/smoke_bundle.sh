#!/usr/bin/env bash
# Run a built bundle headless and check that it really works without Python:
#   --version, analyze on the bundled sample (.txt), a saved web page (.html) and a PDF,
#   export to .docx and read that .docx back, a bad file gets exit status 2, and the
#   window starts on the offscreen platform and keeps running.
# Usage: packaging/smoke_bundle.sh [BUNDLE_DIR]   (default dist/briefing-app)
#        SMOKE_SKIP_WINDOW=1 to skip the window check.
# Works in Git Bash on Windows too (briefing-app.exe).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
BUNDLE="$(cd "${1:-$ROOT/dist/briefing-app}" && pwd)"
EXE="$BUNDLE/briefing-app"
[ -x "$EXE" ] || EXE="$BUNDLE/briefing-app.exe"
[ -x "$EXE" ] || { echo "smoke: no briefing-app executable in $BUNDLE" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen
export BRIEFING_APP_HOME="$WORK/home"  # settings, autosave and caches stay in the temp dir
cd "$WORK"  # nothing may depend on the current directory being the repository

failures=0
pass() { echo "ok    $1"; }
fail() { echo "FAIL  $1" >&2; failures=$((failures + 1)); }
now() {  # seconds, with fractions where date has %N (not BSD date on macOS)
  local t; t=$(date +%s.%N 2>/dev/null || true)
  case "$t" in *N*|"") date +%s ;; *) echo "$t" ;; esac
}
timed() {  # timed NAME CMD...: run, keep stdout in $WORK/out, stderr in $WORK/err
  local name=$1; shift
  local t0 t1 elapsed; t0=$(now)
  set +e; "$@" >"$WORK/out" 2>"$WORK/err"; status=$?; set -e
  t1=$(now)
  elapsed=$(echo "scale=1; ($t1 - $t0) / 1" | bc 2>/dev/null || true)  # no bc: no timing
  printf '      %-28s %5s s  (exit %d)\n' "$name" "${elapsed:--}" "$status"
}

# 1. --version matches the sources the bundle was built from.
expected="Briefing Builder $(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/briefing_app/__init__.py")"
timed "--version" "$EXE" --version
if [ "$status" -eq 0 ] && [ "$(cat "$WORK/out")" = "$expected" ]; then
  pass "--version: $(cat "$WORK/out")"
else
  fail "--version printed '$(cat "$WORK/out" "$WORK/err")', expected '$expected'"
fi

# 2. The sample ships inside the bundle; analyze it with the bundled spaCy pipeline.
SAMPLE="$(find "$BUNDLE" -path '*briefing_app/resources/samples/wire_report.txt' | head -n 1)"
if [ -z "$SAMPLE" ]; then
  fail "resources: briefing_app/resources/samples/wire_report.txt is not in the bundle"
  SAMPLE="$ROOT/resources/samples/wire_report.txt"
fi
timed "analyze sample (.txt)" "$EXE" analyze "$SAMPLE"
if [ "$status" -eq 0 ] && grep -q '^Actors ([1-9]' "$WORK/out" && grep -q '^Claims ([1-9]' "$WORK/out"; then
  pass "analyze sample: $(grep -E '^(Actors|Claims) \(' "$WORK/out" | tr '\n' ' ')"
else
  fail "analyze sample: exit $status; $(head -c 600 "$WORK/err")"
fi

# 3. A saved web page: trafilatura (with its data files and jusText) must find the article.
timed "analyze --json (.html)" "$EXE" analyze --json "$HERE/smoke/article.html"
if [ "$status" -eq 0 ] && grep -q '"Ministers meet on port strike"' "$WORK/out" \
   && ! grep -q -e 'Subscribe to our newsletter' -e 'no article found' "$WORK/out"; then
  pass "analyze .html: article body extracted, page furniture dropped"
else
  fail "analyze .html: exit $status; $(head -c 600 "$WORK/err") $(grep -o '"warnings": \[[^]]*' "$WORK/out" | head -n 1)"
fi

# 4. A PDF through the bundled PDFium.
timed "analyze (.pdf)" "$EXE" analyze "$HERE/smoke/article.pdf"
if [ "$status" -eq 0 ] && grep -q '^Claims ([1-9]' "$WORK/out"; then
  pass "analyze .pdf: $(head -n 1 "$WORK/out")"
else
  fail "analyze .pdf: exit $status; $(head -c 600 "$WORK/err")"
fi

# 5. Export a Word briefing with the bundled default template, then read it back.
timed "export -> .docx" "$EXE" export "$SAMPLE" -o "$WORK/briefing.docx" --mark "TLP:AMBER"
if [ "$status" -eq 0 ] && [ -s "$WORK/briefing.docx" ] && [ "$(head -c 2 "$WORK/briefing.docx")" = "PK" ]; then
  pass "export: briefing.docx, $(wc -c <"$WORK/briefing.docx" | tr -d ' ') bytes"
else
  fail "export: exit $status; $(head -c 600 "$WORK/err")"
fi
timed "analyze exported (.docx)" "$EXE" analyze "$WORK/briefing.docx"
if [ "$status" -eq 0 ] && grep -q '^Actors (' "$WORK/out"; then
  pass "the exported .docx reads back: $(head -n 1 "$WORK/out")"
else
  fail "reading the exported .docx: exit $status; $(head -c 600 "$WORK/err")"
fi

# 6. A bad file: one line on stderr, exit status 2, no traceback.
printf 'PK\003\004 this is not really a zip' >"$WORK/broken.docx"
timed "analyze broken (.docx)" "$EXE" analyze "$WORK/broken.docx"
if [ "$status" -eq 2 ] && [ "$(wc -l <"$WORK/err")" -eq 1 ] && ! grep -q Traceback "$WORK/err"; then
  pass "bad input: exit 2, $(cat "$WORK/err")"
else
  fail "bad input: exit $status; $(head -c 600 "$WORK/err")"
fi

# 7. The window: Qt's platform plugins and the UI modules are in the bundle. It must still
#    be running after a few seconds (it would exit at once on a missing module or plugin).
if [ "${SMOKE_SKIP_WINDOW:-0}" != "1" ]; then
  "$EXE" "$SAMPLE" >"$WORK/win.out" 2>"$WORK/win.err" &
  pid=$!
  sleep "${SMOKE_WINDOW_SECONDS:-8}"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pass "window: still running after ${SMOKE_WINDOW_SECONDS:-8} s on the offscreen platform"
  else
    wait "$pid" && code=0 || code=$?
    fail "window: exited with status $code; $(tail -c 800 "$WORK/win.err")"
  fi
fi

echo "bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"
if [ "$failures" -ne 0 ]; then
  echo "smoke: $failures check(s) failed" >&2
  exit 1
fi
echo "smoke: all checks passed"
