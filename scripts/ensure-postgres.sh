#!/bin/sh
# The PostgreSQL tests start a throwaway cluster with Debian's server binaries
# (/usr/lib/postgresql/<major>/bin, 15 or later), and db:backup/db:restore's tests its pg_dump and
# pg_restore beside them. Install them when we can (root with apt-get, as on CI); otherwise say
# exactly how, and fail rather than skip.
set -e
for bin in /usr/lib/postgresql/*/bin; do
  major=$(basename "$(dirname "$bin")")
  case "$major" in *[!0-9]* | "") continue ;; esac
  if [ "$major" -ge 15 ] && [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && [ -x "$bin/postgres" ] \
    && [ -x "$bin/pg_dump" ] && [ -x "$bin/pg_restore" ]; then
    exit 0
  fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "PostgreSQL is missing: installing it with apt-get for the PostgreSQL tests."
  DEBIAN_FRONTEND=noninteractive apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  exit 0
fi
echo "The PostgreSQL tests need PostgreSQL 15 or later, and it is not installed." >&2
echo "Install it with:  sudo apt-get update && sudo apt-get install -y postgresql" >&2
exit 1
