#!/bin/sh
# Instructions per GOST verification, counted by valgrind's callgrind: a
# figure that does not move with the machine's load, for comparing two
# builds of `gost_verify_loop` where wall-clock time is too noisy to show a
# few per cent. For each parameter set (the certificates `paramsets.sh`
# made) and each program: the count for 15 verifications less the count for
# 5, over 10, so that loading and the first verification drop out.
#
#   benches/openssl/paramsets.sh 100        # makes target/gost-paramsets/*
#   benches/openssl/instructions.sh OLD_BINARY target/release/examples/gost_verify_loop
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
dir="$root/target/gost-paramsets"
count() { # program cert runs → instructions
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" "$2" "$2" "$3" 2>&1 |
        sed -n 's/.*Collected : //p'
}
printf '| certificate |'; for p in "$@"; do printf ' %s |' "$p"; done; printf '\n'
for cert in "$dir"/cert_*.pem; do
    printf '| %s |' "$(basename "$cert" .pem)"
    for p in "$@"; do
        a=$(count "$p" "$cert" 5); b=$(count "$p" "$cert" 15)
        printf ' %s |' $(((b - a) / 10))
    done
    printf '\n'
done
