#!/bin/sh
# GOST R 34.10-2012 verification on every parameter set, kabinet beside
# OpenSSL with Debian's GOST engine, in one run. For each set: a key made by
# the engine, a certificate self-signed with it (Streebog of its own size),
# then each program verifies that certificate N times, alternating
# kabinet, OpenSSL, kabinet, OpenSSL, kabinet, OpenSSL; the table gives the
# best of the three wall-clock figures each printed (µs per verification,
# hashing included on both sides; the issuer's key decoded once on both
# sides: OpenSSL's X509_get_pubkey before its loop, kabinet's parsed
# issuer keeping its key, as the certificate path does).
#
#   scripts/deps/gost-engine.sh && benches/openssl/build.sh
#   cargo build --release --example gost_verify_loop
#   benches/openssl/paramsets.sh [N]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-2000}
dir="$root/target/gost-paramsets"
mkdir -p "$dir"
ours="$root/target/release/examples/gost_verify_loop"
theirs="$root/target/gost_verify"
best() { # program cert → the lowest "X us per verification" of three runs
    for _ in 1 2 3; do "$1" "$2" "$2" "$n" 2>&1 | sed -n 's/^\([0-9.]*\) us per verification.*/\1/p'; done |
        sort -g | head -1
}
printf '| parameter set | engine name | kabinet µs | OpenSSL µs | OpenSSL / kabinet |\n|---|---|---|---|---|\n'
for spec in 256:A:CryptoPro-A 256:B:CryptoPro-B 256:C:CryptoPro-C 256:XA:CryptoPro-XchA \
    256:XB:CryptoPro-XchB 256:TCA:TC26-256-A 256:TCB:TC26-256-B 256:TCC:TC26-256-C \
    256:TCD:TC26-256-D 512:A:TC26-512-A 512:B:TC26-512-B 512:C:TC26-512-C; do
    bits=${spec%%:*}; rest=${spec#*:}; set_name=${rest%%:*}; label=${rest#*:}
    key="$dir/key_${bits}_$set_name.pem"; cert="$dir/cert_${bits}_$set_name.pem"
    [ -f "$key" ] || openssl genpkey -engine gost -algorithm "gost2012_$bits" \
        -pkeyopt "paramset:$set_name" -out "$key" 2>/dev/null
    [ -f "$cert" ] || openssl req -engine gost -x509 -new -key "$key" "-md_gost12_$bits" \
        -subj "/CN=bench $label" -days 3650 -out "$cert" 2>/dev/null
    a1=$(best "$ours" "$cert"); b1=$(best "$theirs" "$cert")
    ratio=$(echo "$a1 $b1" | awk '{ printf "%.2f", $2 / $1 }')
    printf '| %s | %s | %s | %s | %s |\n' "$label" "$set_name" "$a1" "$b1" "$ratio"
done
