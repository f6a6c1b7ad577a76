#!/bin/sh
# Builds the OpenSSL reference benchmark next to this script's output dir:
# target/gost_verify (needs gcc, libssl-dev and libengine-gost-openssl; see
# scripts/deps/gost-engine.sh). Usage afterwards:
#   target/gost_verify ../shared/testdata/gost-ca/certs/2402.der ../shared/testdata/gost-ca/certs/0837.der 5000
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$root/target"
gcc -O2 -Wall -Wno-deprecated-declarations -o "$root/target/gost_verify" \
    "$root/benches/openssl/gost_verify.c" -lcrypto
echo "built $root/target/gost_verify"
# A 512-bit certificate to measure (self-signed with the TC26 reference key).
data=${KABINET_TESTDATA:-$root/../shared/testdata}
openssl req -engine gost -x509 -new -key "$data/tc26/sender512_key.pem" -md_gost12_512 \
    -subj "/CN=bench 512" -days 3650 -out "$root/target/gost512_selfsigned.pem" 2>/dev/null
echo "made $root/target/gost512_selfsigned.pem"
