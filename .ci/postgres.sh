#!/usr/bin/env bash
# A PostgreSQL for the central server's tests (DESIGN: a real PostgreSQL for the server):
# Debian's packaged cluster, listening on loopback only, a role that may create databases
# (each test run makes its own and drops it). Prints the URL for BRANCHDESK_TEST_PG.
# Needs root and the `postgresql` package (.ci/run installs it).
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  pg_createcluster "$version" main >&2
fi
# Loopback only, whatever the cluster's own configuration says (conf.d is read last).
dropin=/etc/postgresql/$version/main/conf.d/branchdesk-tests.conf
if [ ! -f "$dropin" ]; then
  echo "listen_addresses = '127.0.0.1'" > "$dropin"
  pg_ctlcluster "$version" main stop >/dev/null 2>&1 || true
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  # Its chatter ("Removed stale pid file.") goes to stderr: stdout carries only the URL.
  pg_ctlcluster "$version" main start >&2
fi
port=$(pg_conftool -s "$version" main show port)
su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1" >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'branchdesk') THEN
    CREATE ROLE branchdesk LOGIN CREATEDB PASSWORD 'branchdesk-test';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE branchdesk_test OWNER branchdesk'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'branchdesk_test') \gexec
SQL
echo "postgresql://branchdesk:branchdesk-test@127.0.0.1:$port/branchdesk_test"
