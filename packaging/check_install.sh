#!/usr/bin/env bash
# Prove the package installs, starts and uninstalls on a fresh Debian 12 root (as root).
#
#   packaging/check_install.sh [PACKAGE.deb]     (default: build the full package first)
#
# 1. a minimal Debian 12 root from debootstrap (kept as a tarball in $KIOSK_CHECK_DIR, so
#    later runs start from a fresh copy in seconds)
# 2. `apt-get install ./seoul-kiosk_*.deb` there, plus Xvfb to stand in for the screen
# 3. the kiosk user, data directory, config and enabled services are in place, and
#    `systemd-analyze verify` accepts the units
# 4. the display and the kiosk start exactly as the units say (same scripts, user,
#    environment), systemd's notify socket played by a listener: READY=1 and WATCHDOG=1
#    arrive, the screen saver and DPMS are off, `seoul-kiosk status` says running
# 5. a screenshot of the running kiosk: $KIOSK_CHECK_DIR/installed-kiosk.png
# 6. SIGTERM stops it cleanly; reinstall (upgrade path), remove and purge leave nothing
# systemd itself cannot run in a chroot, so step 4 runs the units' commands directly.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHECK_DIR="${KIOSK_CHECK_DIR:-/var/tmp/seoul-kiosk-check}"
MIRROR="${KIOSK_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
BASE="$CHECK_DIR/bookworm-minbase.tar"
TARGET="$CHECK_DIR/root"
say() { printf '\033[1m[check]\033[0m %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
BACKGROUND=()  # processes started in the chroot, stopped on exit

[ "$(id -u)" -eq 0 ] || fail "run as root (debootstrap and chroot need it)"
command -v debootstrap >/dev/null || {
  say "installing debootstrap"
  apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
}
DEB="${1:-}"
if [ -z "$DEB" ]; then
  DEB="$("$ROOT/packaging/deb/build.sh" --out "$CHECK_DIR/dist" | tail -1)"
fi
[ -f "$DEB" ] || fail "no package at $DEB"
mkdir -p "$CHECK_DIR"

if [ ! -f "$BASE" ]; then
  say "debootstrap: a minimal Debian 12 (bookworm) from $MIRROR"
  rm -rf "$CHECK_DIR/base"
  debootstrap --variant=minbase bookworm "$CHECK_DIR/base" "$MIRROR" >"$CHECK_DIR/debootstrap.log"
  tar -C "$CHECK_DIR/base" -cf "$BASE" .
  rm -rf "$CHECK_DIR/base"
fi

unmount_all() {
  for pid in "${BACKGROUND[@]}"; do kill "$pid" 2>/dev/null || true; done
  for mount in dev/pts dev/shm dev sys proc; do
    mountpoint -q "$TARGET/$mount" && umount -l "$TARGET/$mount"
  done
  return 0
}
trap unmount_all EXIT
unmount_all
rm -rf "$TARGET"
mkdir -p "$TARGET"
tar -C "$TARGET" -xf "$BASE"
mount -t proc proc "$TARGET/proc"
mount -t sysfs sys "$TARGET/sys"
mount --bind /dev "$TARGET/dev"
mount --bind /dev/pts "$TARGET/dev/pts"
mount -t tmpfs -o mode=1777 shm "$TARGET/dev/shm"
cp /etc/resolv.conf "$TARGET/etc/resolv.conf"
in_root() { chroot "$TARGET" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
# In the background: `(in_root_exec ...) &` so that $! is the process itself, not a subshell.
in_root_exec() { exec chroot "$TARGET" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

say "installing $(basename "$DEB") and its dependencies"
cp "$DEB" "$TARGET/tmp/seoul-kiosk.deb"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  /tmp/seoul-kiosk.deb xvfb >"$CHECK_DIR/apt.log" 2>&1 || { tail -30 "$CHECK_DIR/apt.log"; fail "apt-get install"; }

say "installed layout"
in_root getent passwd kiosk >/dev/null || fail "no kiosk user"
[ "$(in_root stat -c %U "/var/lib/seoul-kiosk")" = kiosk ] || fail "/var/lib/seoul-kiosk is not the kiosk's"
[ "$(in_root stat -c %a "/etc/seoul-kiosk/kiosk.toml")" = 640 ] || fail "kiosk.toml is readable by all"
for unit in seoul-kiosk.service seoul-kiosk-display.service; do
  [ -L "$TARGET/etc/systemd/system/graphical.target.wants/$unit" ] || fail "$unit is not enabled"
done
in_root systemd-analyze verify /lib/systemd/system/seoul-kiosk.service \
  /lib/systemd/system/seoul-kiosk-display.service 2>&1 | grep -v "^$" | tee "$CHECK_DIR/verify.log" >&2 || true
if grep -Ei "seoul-kiosk.*(error|invalid|unknown|not executable)" "$CHECK_DIR/verify.log"; then
  fail "systemd-analyze verify"
fi
in_root seoul-kiosk --version

unit_value() { sed -n "s/^$2=//p" "$TARGET/lib/systemd/system/$1" | tr '\n' ' ' | sed 's/ *$//'; }
say "starting the display as seoul-kiosk-display.service does (Xvfb for the screen)"
(in_root_exec env KIOSK_X_SERVER=/usr/bin/Xvfb KIOSK_X_ARGS="-screen 0 1920x1080x24" \
  "$(unit_value seoul-kiosk-display.service ExecStart)") >"$CHECK_DIR/display.log" 2>&1 &
BACKGROUND+=($!)

say "starting the kiosk as seoul-kiosk.service does, with a notify socket"
NOTIFY_LOG="$TARGET/run/notify.log"
rm -f "$TARGET/run/notify" "$NOTIFY_LOG"
(in_root_exec /opt/seoul-kiosk/venv/bin/python -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("/run/notify")
import os; os.chmod("/run/notify", 0o777)
with open("/run/notify.log", "a") as log:
    while True:
        log.write(s.recv(4096).decode().replace("\n", " ") + "\n")
        log.flush()
') &
BACKGROUND+=($!)
sleep 1
# shellcheck disable=SC2046  # the unit's Environment= lines are plain NAME=value words
ENVIRONMENT=$(unit_value seoul-kiosk.service Environment)
USER_NAME=$(unit_value seoul-kiosk.service User | tr -d ' ')
(in_root_exec setpriv --reuid="$USER_NAME" --regid="$USER_NAME" --init-groups env -i \
  PATH=/usr/bin:/bin HOME=/var/lib/seoul-kiosk $ENVIRONMENT \
  NOTIFY_SOCKET=/run/notify WATCHDOG_USEC=2000000 sh -c \
  "$(unit_value seoul-kiosk.service ExecStartPre) && exec $(unit_value seoul-kiosk.service ExecStart)") \
  >"$CHECK_DIR/kiosk.log" 2>&1 &
KIOSK_PID=$!
BACKGROUND+=($!)

for _ in $(seq 1 120); do
  grep -q "READY=1" "$NOTIFY_LOG" 2>/dev/null && break
  kill -0 "$KIOSK_PID" 2>/dev/null || { tail -40 "$CHECK_DIR/kiosk.log"; fail "the kiosk exited"; }
  sleep 0.5
done
grep -q "READY=1" "$NOTIFY_LOG" || { tail -40 "$CHECK_DIR/kiosk.log"; fail "no READY=1 within 60 s"; }
say "kiosk ready: $(grep READY=1 "$NOTIFY_LOG" | head -1)"
sleep 3

XENV="DISPLAY=:0 XAUTHORITY=/run/seoul-kiosk/xauthority"
# shellcheck disable=SC2086
in_root env $XENV xset q >"$CHECK_DIR/xset.log"
grep -q "timeout:  0" "$CHECK_DIR/xset.log" || fail "the screen saver is on: $(cat "$CHECK_DIR/xset.log")"
grep -Eq "DPMS is Disabled|not have the DPMS Extension" "$CHECK_DIR/xset.log" || fail "DPMS is on"
# shellcheck disable=SC2086
in_root env $XENV QT_QPA_PLATFORM=xcb /opt/seoul-kiosk/venv/bin/python -c '
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv)
sys.exit(0 if app.primaryScreen().grabWindow(0).save("/tmp/installed-kiosk.png") else 1)
' || fail "screenshot"
cp "$TARGET/tmp/installed-kiosk.png" "$CHECK_DIR/installed-kiosk.png"
say "screenshot: $CHECK_DIR/installed-kiosk.png"

in_root setpriv --reuid=kiosk --regid=kiosk --init-groups env -i PATH=/usr/bin:/bin \
  KIOSK_CONFIG=/etc/seoul-kiosk/kiosk.toml seoul-kiosk status --json >"$CHECK_DIR/status.json" || true
grep -q '"running": true' "$CHECK_DIR/status.json" || fail "status does not see the running kiosk"
say "status: the kiosk is running ($(grep -c '"dataset"' "$CHECK_DIR/status.json") datasets listed)"

grep -q "^WATCHDOG=1" "$NOTIFY_LOG" || fail "no watchdog pings (WATCHDOG_USEC=2 s)"
say "watchdog pings: $(grep -c "^WATCHDOG=1" "$NOTIFY_LOG")"
kill -TERM "$KIOSK_PID"  # what `systemctl stop` does
wait "$KIOSK_PID" && code=0 || code=$?
[ "$code" -eq 0 ] || { tail -20 "$CHECK_DIR/kiosk.log"; fail "SIGTERM: exit status $code"; }
grep -q "kiosk stopped (exit status 0)" "$CHECK_DIR/kiosk.log" || { tail -20 "$CHECK_DIR/kiosk.log"; fail "SIGTERM: no clean exit"; }
grep -q "STOPPING=1" "$NOTIFY_LOG" || fail "no STOPPING=1"
say "SIGTERM: clean exit"
for pid in "${BACKGROUND[@]}"; do kill "$pid" 2>/dev/null || true; done
wait 2>/dev/null || true
BACKGROUND=()

say "reinstall (the upgrade path), remove, purge"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall /tmp/seoul-kiosk.deb >>"$CHECK_DIR/apt.log" 2>&1 || fail "reinstall"
in_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq seoul-kiosk >>"$CHECK_DIR/apt.log" 2>&1 || fail "remove"
[ ! -e "$TARGET/opt/seoul-kiosk/app" ] && [ ! -e "$TARGET/opt/seoul-kiosk/venv" ] || fail "files left after remove: $(ls "$TARGET/opt/seoul-kiosk")"
[ ! -e "$TARGET/lib/systemd/system/seoul-kiosk.service" ] || fail "unit left after remove"
[ -d "$TARGET/var/lib/seoul-kiosk" ] || fail "remove must keep the data (purge deletes it)"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq seoul-kiosk >>"$CHECK_DIR/apt.log" 2>&1 || fail "purge"
for path in /var/lib/seoul-kiosk /etc/seoul-kiosk /opt/seoul-kiosk /etc/systemd/system/graphical.target.wants/seoul-kiosk.service; do
  [ ! -e "$TARGET$path" ] || fail "$path left after purge"
done
say "OK: installed, started, stopped, reinstalled, removed and purged on a fresh Debian 12"
