#!/usr/bin/env bash
# Starts (once) a throwaway PostgreSQL on loopback for the tests and prints its URL. It needs
# Debian's postgresql package; .ci/run installs it. Data lives in /tmp and is not kept.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server not installed (apt-get install postgresql)" >&2; exit 1; }
dir=${TEST_PGDATA:-/tmp/eduschoolpay-test-pg}
port=${TEST_PGPORT:-54329}
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  rm -rf "$dir" && mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_postgres "'$bin/initdb' -D '$dir' -A trust -U postgres -E UTF8 --no-locale" >/dev/null
  # fsync off: a test database that dies with the machine loses nothing anyone needs.
  as_postgres "'$bin/pg_ctl' -D '$dir' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
