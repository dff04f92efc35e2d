#!/bin/sh
# Installs the PostgreSQL server binaries the database tests start (test/support/postgres.ts).
# Idempotent: does nothing when /usr/lib/postgresql/*/bin/initdb is already there.
set -eu
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "PostgreSQL already installed: $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y postgresql
# The tests run their own server on a free port; the distribution's cluster is not needed.
$SUDO service postgresql stop >/dev/null 2>&1 || true
ls -d /usr/lib/postgresql/*/bin
