#!/usr/bin/env bash
# Installs what `npm run test:ui` drives: Debian's chromium package (playwright-core is a dev
# dependency and needs no download). Idempotent; as root it runs apt-get itself, otherwise it
# uses sudo when that needs no password. UI_CHROMIUM names another binary and skips the install.
set -Eeuo pipefail

CHROMIUM="${UI_CHROMIUM:-/usr/bin/chromium}"
log() { echo "[ui:install] $*"; }
trap 'echo "[ui:install] FAILED (exit $?) at line $LINENO: $BASH_COMMAND" >&2; echo "ui: 0 passed, 1 failed (chromium install)"' ERR

if [ -x "$CHROMIUM" ]; then
  log "chromium present: $("$CHROMIUM" --version 2>/dev/null | head -1)"
  exit 0
fi
if [ -n "${UI_CHROMIUM:-}" ]; then
  log "UI_CHROMIUM=$UI_CHROMIUM is not an executable"; false
fi
if [ "$(id -u)" -eq 0 ]; then SUDO=(); elif sudo -n true 2>/dev/null; then SUDO=(sudo -n); else
  log "chromium is missing and apt-get needs root: run 'apt-get install -y chromium' as root"; false
fi
# Another apt run (the machine's own or a parallel job) holds the dpkg lock: wait up to 10 min.
APT=(-o DPkg::Lock::Timeout=600)
log "installing Debian's chromium (apt-get)"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT[@]}" update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT[@]}" install -y -qq chromium >/dev/null
log "installed: $("$CHROMIUM" --version 2>/dev/null | head -1)"
