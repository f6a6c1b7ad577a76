#!/bin/bash
# `alternate.sh` over every parameter set's certificate (the ones
# `paramsets.sh` made): the verifiers given run in turn, ROUNDS rounds of
# N256 verifications on the 256-bit sets and N512 on the 512-bit ones.
#
#   benches/openssl/alternate_sets.sh 1000 300 11 \
#       BEFORE target/release/examples/gost_verify_loop \
#       'target/release/examples/gost_verify_loop key-per-call' target/gost_verify
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
n256=$1 n512=$2 rounds=$3
shift 3
for cert in "$root"/target/gost-paramsets/cert_*.pem; do
    name=$(basename "$cert" .pem)
    case $name in cert_512_*) n=$n512 ;; *) n=$n256 ;; esac
    echo "## $name n=$n"
    "$root/benches/openssl/alternate.sh" "$cert" "$n" "$rounds" "$@"
done
