#!/bin/bash
# Several verifiers of one certificate, run in turn for many rounds so that
# a change of the machine's load falls on all of them alike; prints each
# one's minimum and median µs per verification (the "X us per
# verification" line both `gost_verify_loop` and `target/gost_verify` print).
#
#   benches/openssl/alternate.sh CERT N ROUNDS 'PROGRAM [ARGS]'...
#   benches/openssl/alternate.sh target/gost-paramsets/cert_256_TCA.pem 1000 31 \
#       'target/release/examples/gost_verify_loop' target/gost_verify
#
# Each program is called as `PROGRAM CERT CERT N [ARGS]` (self-signed
# certificates, as `paramsets.sh` makes them).
set -eu
cert=$1 n=$2 rounds=$3
shift 3
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
for ((round = 0; round < rounds; round++)); do
    k=0
    for spec in "$@"; do
        read -r -a words <<<"$spec"
        "${words[0]}" "$cert" "$cert" "$n" "${words[@]:1}" |
            sed -n 's/^\([0-9.]*\) us per verification.*/\1/p' >>"$results/$k"
        k=$((k + 1))
    done
done
k=0
for spec in "$@"; do
    sort -g "$results/$k" |
        awk -v name="$spec" '{ v[NR] = $1 } END { printf "%s: min %s median %s\n", name, v[1], v[int((NR + 1) / 2)] }'
    k=$((k + 1))
done
