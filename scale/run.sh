#!/usr/bin/env bash
# `npm run test:scale`: the ShipEngine nodes in n8n's distributed (queue) mode under load.
#
#   1. apt-get installs redis-server and postgresql when missing (apt-get update once first);
#   2. starts PostgreSQL and Redis on 127.0.0.1 (random free ports) with their data in a temp
#      folder, each as its own unprivileged system user (PostgreSQL refuses to run as root);
#   3. makes sure the cached Node 24 + n8n of the e2e suite are installed (e2e/install.sh);
#   4. runs scale/run.ts: n8n main + 2 `n8n worker` processes (EXECUTIONS_MODE=queue,
#      DB_TYPE=postgresdb), the ShipEngine mock, the webhook load and the label batch;
#   5. stops everything on exit (trap), also on Ctrl-C or failure.
#
# Knobs (env): SCALE_DELIVERIES (10000), SCALE_CONCURRENCY (20), SCALE_MAX_SECONDS (900: no new
# delivery after this; the run reports how many were sent), SCALE_WARMUP (20), SCALE_PROBE (200
# deliveries one at a time, unloaded latency), SCALE_DRAIN_SECONDS (600),
# SCALE_BATCH_EXECUTIONS (10) x SCALE_BATCH_SIZE (100) label purchases, SCALE_WORKER_CONCURRENCY
# (10), SCALE_N8N_ENV="NAME=value,..." extra n8n settings (e.g. N8N_EXPRESSION_ENGINE=legacy),
# SCALE_KEEP=1 keeps the temp folder (logs, database), SCALE_STANDIN=1 uses n8n's Webhook node
# instead of the ShipEngine Trigger (plumbing check), E2E_SKIP_BUILD=1 reuses dist/,
# SCALE_CPU_PROF=<dir> writes V8 CPU profiles of the workers, SCALE_PHASES=deliveries,batch (both;
# e.g. "batch" runs the label batch alone), SCALE_RESULTS=<file> (scale/results.json) for the results.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { echo "[scale] $*"; }

if [ "$(id -u)" -ne 0 ] && ! command -v redis-server >/dev/null; then
  log "redis-server is missing and installing it needs root (apt-get)"; exit 1
fi

# --- 1. packages -------------------------------------------------------------
pg_bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
{ [ -n "$(pg_bin_dir)" ] && [ -x "$(pg_bin_dir)/initdb" ]; } || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
PG_BIN="$(pg_bin_dir)"

# --- 2. services ---------------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/n8n-shipengine-scale-XXXXXX")"
chmod 755 "$WORK"
mkdir -p "$WORK/pg" "$WORK/redis" "$WORK/logs"
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
PG_PORT="$(free_port)"
REDIS_PORT="$(free_port)"

as_user() { # user command... (plain when not root)
  local user="$1"; shift
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}
PG_USER=postgres; REDIS_USER=redis
if [ "$(id -u)" -eq 0 ]; then
  id redis >/dev/null 2>&1 || REDIS_USER=postgres
  chown -R "$PG_USER" "$WORK/pg"
  chown -R "$REDIS_USER" "$WORK/redis"
fi

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  log "stopping services"
  if [ -f "$WORK/n8n.pids" ]; then # n8n processes scale/run.ts started (it stops them itself; this is the safety net)
    while read -r pid; do kill "$pid" 2>/dev/null || true; done <"$WORK/n8n.pids"
  fi
  if [ -f "$WORK/redis/redis.pid" ]; then kill "$(cat "$WORK/redis/redis.pid")" 2>/dev/null || true; fi
  if [ -f "$WORK/pg/data/postmaster.pid" ]; then
    as_user "$PG_USER" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ "${SCALE_KEEP:-0}" = "1" ]; then
    log "kept $WORK (logs in $WORK/logs)"
  else
    rm -rf "$WORK"
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "PostgreSQL ($PG_BIN) on 127.0.0.1:$PG_PORT, data in $WORK/pg"
as_user "$PG_USER" "$PG_BIN/initdb" -D "$WORK/pg/data" -U n8n -A trust -E UTF8 --no-instructions >"$WORK/logs/initdb.log"
as_user "$PG_USER" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/postgres.log" -w -t 60 \
  -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=256MB" start >/dev/null
as_user "$PG_USER" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U n8n n8n

log "Redis on 127.0.0.1:$REDIS_PORT"
as_user "$REDIS_USER" redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$WORK/redis" --save '' \
  --appendonly no --daemonize yes --pidfile "$WORK/redis/redis.pid" --logfile "$WORK/redis/redis.log"
for _ in $(seq 1 50); do
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break
  sleep 0.2
done

# --- 3. n8n ------------------------------------------------------------------------
bash "$REPO/e2e/install.sh"

# --- 4. the run ------------------------------------------------------------------
export SCALE_WORK="$WORK" SCALE_PG_PORT="$PG_PORT" SCALE_PG_BIN="$PG_BIN" SCALE_REDIS_PORT="$REDIS_PORT"
cd "$REPO"
node -r ./scripts/register-ts.js scale/run.ts
