#!/bin/sh
# Installs Debian's PostgreSQL server, for the tests and benchmarks of the
# PostgreSQL store (scripts/pg-server starts a throwaway one). Idempotent.
set -eu

"$(dirname "$0")/apt-packages.sh" postgresql
ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1
