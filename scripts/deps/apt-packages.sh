#!/bin/sh
# Installs the Debian packages named as arguments that are not installed yet,
# saying which; `sudo` when not root; `apt-get update` only when needed.
# Idempotent: does nothing when every package is there.
set -eu

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

need=""
for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        need="$need $pkg"
    fi
done

if [ -n "$need" ]; then
    echo "installing:$need" >&2
    if ! $SUDO apt-get install -y $need >/dev/null 2>&1; then
        $SUDO apt-get update >&2
        $SUDO apt-get install -y $need >&2
    fi
fi
