#!/bin/sh
# Installs Debian's PostgreSQL server, for the tests and benchmarks of the
# PostgreSQL store (scripts/pg-server starts a throwaway one). Idempotent.
set -eu

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if ! dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q "install ok installed"; then
    echo "installing: postgresql"
    if ! $SUDO apt-get install -y postgresql >/dev/null 2>&1; then
        $SUDO apt-get update
        $SUDO apt-get install -y postgresql
    fi
fi
ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1
