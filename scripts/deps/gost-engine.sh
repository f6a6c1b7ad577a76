#!/bin/sh
# Installs OpenSSL with Debian's GOST engine (libengine-gost-openssl) and the
# OpenSSL headers, used by the differential test (tests/gost_openssl.rs) and
# the side-by-side benchmark (benches/openssl/). Idempotent: does nothing when
# everything is already installed; runs `apt-get update` only when needed.
set -eu

"$(dirname "$0")/apt-packages.sh" openssl libengine-gost-openssl libssl-dev

engine_dir=$(openssl version -e | sed -n 's/^ENGINESDIR: "\(.*\)"/\1/p')
echo "GOST engine installed in ${engine_dir:-the OpenSSL engines directory}."
echo "Load it with the option '-engine gost', for example:"
echo "  openssl genpkey -engine gost -algorithm gost2012_256 -pkeyopt paramset:A -out key.pem"
echo "  openssl dgst -engine gost -md_gost12_256 -sign key.pem -out sig.bin message.bin"
echo "In C: ENGINE_by_id(\"gost\") after ENGINE_load_builtin_engines()."
