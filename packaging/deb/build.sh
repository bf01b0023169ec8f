#!/usr/bin/env bash
# Build the kiosk's Debian package: dist/seoul-kiosk_<version>_amd64.deb
#
#   packaging/deb/build.sh              the full package (the app, its pinned Python
#                                       environment and model files; ~10 min the first time)
#   packaging/deb/build.sh --app-only   the same package without the Python environment:
#                                       seconds, for checking the layout (CI does this)
#
# The Python environment is built with Debian 12's own /usr/bin/python3 (what the package
# depends on) at its final path, /opt/seoul-kiosk/venv, from the pins in pyproject.toml.
# Downloaded wheels are kept in $KIOSK_WHEELHOUSE (default /var/tmp/seoul-kiosk-wheels),
# so a rebuild needs no network.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/packaging/deb"
APP_ONLY=0
OUT="$ROOT/dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --app-only) APP_ONLY=1 ;;
    --out) OUT="$2"; shift ;;
    *) echo "usage: $0 [--app-only] [--out DIR]" >&2; exit 2 ;;
  esac
  shift
done
say() { printf '\033[1m[deb]\033[0m %s\n' "$*" >&2; }

PYTHON=/usr/bin/python3
VERSION="$("$PYTHON" -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' "$ROOT/pyproject.toml")"
ARCH="$(dpkg --print-architecture)"
NAME="seoul-kiosk_${VERSION}_${ARCH}"
STAGE="$ROOT/build/deb/$NAME"
PREFIX=/opt/seoul-kiosk
WHEELHOUSE="${KIOSK_WHEELHOUSE:-/var/tmp/seoul-kiosk-wheels}"

rm -rf "$STAGE"
mkdir -p "$STAGE$PREFIX/app" "$STAGE/DEBIAN" "$OUT"

say "app files (tracked in git) into $PREFIX/app"
(cd "$ROOT" && git ls-files -z -- main.py pyproject.toml README.md DEVELOPERS.md \
    kiosk widgets offline_cache voice gestures) |
  (cd "$ROOT" && tar --null -T - -cf -) | tar -xf - -C "$STAGE$PREFIX/app"

if [ "$APP_ONLY" -eq 0 ]; then
  say "model files"
  "$ROOT/.venv/bin/python" "$ROOT/packaging/models.py"
fi
if [ -d "$ROOT/models" ]; then
  cp -r "$ROOT/models" "$STAGE$PREFIX/app/models"
fi

if [ "$APP_ONLY" -eq 0 ]; then
  say "Python environment in $PREFIX/venv (Debian's $("$PYTHON" --version))"
  REQUIREMENTS="$STAGE.requirements.txt"
  "$PYTHON" -c 'import tomllib,sys; print("\n".join(tomllib.load(open(sys.argv[1],"rb"))["project"]["dependencies"]))' \
    "$ROOT/pyproject.toml" > "$REQUIREMENTS"
  mkdir -p "$WHEELHOUSE"
  "$PYTHON" -m pip download -q -d "$WHEELHOUSE" -r "$REQUIREMENTS"
  "$PYTHON" -m venv "$STAGE$PREFIX/venv"
  "$STAGE$PREFIX/venv/bin/python" -m pip install -q --no-compile --no-index \
    --find-links "$WHEELHOUSE" -r "$REQUIREMENTS"
  # The environment was made in the staging tree: point its scripts at the installed path.
  grep -rlI "$STAGE" "$STAGE$PREFIX/venv/bin" "$STAGE$PREFIX/venv/pyvenv.cfg" |
    xargs -r sed -i "s|$STAGE||g"
  # python3.11 is the dependency; /usr/bin/python3 belongs to another package
  ln -sfn /usr/bin/python3.11 "$STAGE$PREFIX/venv/bin/python3"
  rm -f "$REQUIREMENTS"
fi

say "services, session, command, config"
install -D -m 0755 "$HERE/seoul-kiosk" "$STAGE/usr/bin/seoul-kiosk"
for unit in seoul-kiosk.service seoul-kiosk-display.service; do
  install -D -m 0644 "$ROOT/packaging/systemd/$unit" "$STAGE/lib/systemd/system/$unit"
done
for script in xserver wait-for-display after-exit; do
  install -D -m 0755 "$ROOT/packaging/session/$script" "$STAGE/usr/lib/seoul-kiosk/$script"
done
install -D -m 0644 "$ROOT/packaging/session/10-seoul-kiosk.conf" \
  "$STAGE/etc/X11/xorg.conf.d/10-seoul-kiosk.conf"
install -D -m 0644 "$ROOT/packaging/kiosk.example.toml" "$STAGE/etc/seoul-kiosk/kiosk.toml"
install -D -m 0644 "$ROOT/packaging/kiosk.example.toml" \
  "$STAGE/usr/share/doc/seoul-kiosk/kiosk.example.toml"

for script in postinst prerm postrm; do
  install -m 0755 "$HERE/$script" "$STAGE/DEBIAN/$script"
done
printf '%s\n' /etc/seoul-kiosk/kiosk.toml /etc/X11/xorg.conf.d/10-seoul-kiosk.conf \
  > "$STAGE/DEBIAN/conffiles"
INSTALLED_KB="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$INSTALLED_KB/" \
  "$HERE/control.in" > "$STAGE/DEBIAN/control"
if [ "$APP_ONLY" -eq 1 ]; then
  echo " This build has no Python environment (--app-only): for layout checks only." \
    >> "$STAGE/DEBIAN/control"
fi

say "packing $OUT/$NAME.deb ($((INSTALLED_KB / 1024)) MiB installed)"
dpkg-deb --root-owner-group -Zzstd -z3 --build "$STAGE" "$OUT/$NAME.deb" >/dev/null
rm -rf "$STAGE"
echo "$OUT/$NAME.deb"
