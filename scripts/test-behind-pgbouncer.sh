#!/usr/bin/env bash
# Runs the test suite against a real PostgreSQL behind PgBouncer in transaction mode, as the
# service runs on Neon's "-pooler" endpoints. Installs pgbouncer and PostgreSQL 15 if missing,
# runs both as an unprivileged user (neither runs as root), and cleans up afterwards.
#
#   scripts/test-behind-pgbouncer.sh [extra Maven arguments, e.g. -Dtest='LedgerTests']
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=${PG_PORT:-55432}
BOUNCER_PORT=${BOUNCER_PORT:-56432}
RUN_USER=${RUN_USER:-questline-ci}
WORK=$(mktemp -d /tmp/questline-pooler.XXXXXX)
chmod 755 "$WORK"

as_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$RUN_USER" -- "$@"; else "$@"; fi
}

need_install=()
command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ] || need_install+=(pgbouncer)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/postgres" ] || need_install+=(postgresql)
if [ ${#need_install[@]} -gt 0 ]; then
  echo "Installing ${need_install[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_install[@]}" >/dev/null
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
# Debian's package starts a cluster and a pgbouncer service of its own; we use ours only.
BOUNCER=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)

if [ "$(id -u)" = 0 ] && ! id "$RUN_USER" >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_USER"
fi
[ "$(id -u)" = 0 ] && chown "$RUN_USER" "$WORK"

cleanup() {
  [ -f "$WORK/pgbouncer.pid" ] && kill "$(cat "$WORK/pgbouncer.pid")" 2>/dev/null || true
  as_user "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "questline" > "$WORK/pwfile"
[ "$(id -u)" = 0 ] && chown "$RUN_USER" "$WORK/pwfile"
as_user "$PG_BIN/initdb" -D "$WORK/pg" -U questline --pwfile="$WORK/pwfile" -A scram-sha-256 >/dev/null
as_user "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
as_user "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U questline -d postgres -qc "CREATE DATABASE questline" \
  <<<"" >/dev/null 2>&1 || PGPASSWORD=questline as_user "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U questline \
  -d postgres -qc "CREATE DATABASE questline"

cat > "$WORK/pgbouncer.ini" <<INI
[databases]
questline = host=127.0.0.1 port=$PG_PORT dbname=questline

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $WORK/userlist.txt
pool_mode = transaction
max_client_conn = 400
default_pool_size = 20
ignore_startup_parameters = extra_float_digits
pidfile = $WORK/pgbouncer.pid
logfile = $WORK/pgbouncer.log
INI
echo '"questline" "questline"' > "$WORK/userlist.txt"
[ "$(id -u)" = 0 ] && chown "$RUN_USER" "$WORK/pgbouncer.ini" "$WORK/userlist.txt"
as_user "$BOUNCER" -d "$WORK/pgbouncer.ini"
for _ in $(seq 1 50); do
  (echo > /dev/tcp/127.0.0.1/$BOUNCER_PORT) 2>/dev/null && break
  sleep 0.1
done
echo "PostgreSQL on $PG_PORT, PgBouncer (transaction mode) on $BOUNCER_PORT"

export DATABASE_URL="postgresql://questline:questline@127.0.0.1:$BOUNCER_PORT/questline"
export DATABASE_MIGRATION_URL="postgresql://questline:questline@127.0.0.1:$PG_PORT/questline"
export DATABASE_POOLER=transaction
./mvnw -B verify -Dspring-javaformat.skip=true "$@"
