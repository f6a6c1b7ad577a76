#!/bin/sh
# Installs OpenSSL with Debian's GOST engine (libengine-gost-openssl) and the
# OpenSSL headers, used by the differential test (tests/gost_openssl.rs) and
# the side-by-side benchmark (benches/openssl/). Idempotent: does nothing when
# everything is already installed; runs `apt-get update` only when needed.
set -eu

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

need=""
for pkg in openssl libengine-gost-openssl libssl-dev; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        need="$need $pkg"
    fi
done

if [ -n "$need" ]; then
    echo "installing:$need"
    if ! $SUDO apt-get install -y $need >/dev/null 2>&1; then
        $SUDO apt-get update
        $SUDO apt-get install -y $need
    fi
fi

engine_dir=$(openssl version -e | sed -n 's/^ENGINESDIR: "\(.*\)"/\1/p')
echo "GOST engine installed in ${engine_dir:-the OpenSSL engines directory}."
echo "Load it with the option '-engine gost', for example:"
echo "  openssl genpkey -engine gost -algorithm gost2012_256 -pkeyopt paramset:A -out key.pem"
echo "  openssl dgst -engine gost -md_gost12_256 -sign key.pem -out sig.bin message.bin"
echo "In C: ENGINE_by_id(\"gost\") after ENGINE_load_builtin_engines()."
