#!/usr/bin/env bash
# Copy Tabler outline icons (MIT) from the npm registry into kiosk/shell/icons/.
#   packaging/vendor_icons.sh NAME [NAME ...]    e.g. packaging/vendor_icons.sh bike train
# Icons are committed; this runs only when a developer needs a new one (no download at run time).
set -euo pipefail
VERSION=3.51.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@tabler/icons@$VERSION" >/dev/null && tar xzf tabler-icons-*.tgz)
cp "$work/package/LICENSE" "$ROOT/kiosk/shell/icons/LICENSE"
for name in "$@"; do
  cp "$work/package/icons/outline/$name.svg" "$ROOT/kiosk/shell/icons/$name.svg"
done
