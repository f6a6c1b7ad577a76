#!/usr/bin/env bash
# Runs one fuzz target for SECONDS with the input size it needs to reach the
# shapes that matter: libFuzzer's default -max_len of 4 KiB cannot hold a SET
# OF of thousands of elements, a CRL of thousands of entries or a pool of
# certificates, so each target gets its own cap.
#   usage: fuzz/run.sh TARGET [SECONDS] [more libFuzzer flags]
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?target}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
case "$target" in
    cert_parse) max_len=$((64 * 1024)) ;;            # MAX_CERTIFICATE_BYTES
    crl_parse | cms_parse) max_len=$((1024 * 1024)) ;;
    path_building) max_len=$((1024 * 1024)) ;;       # hundreds of certificates
    mchd_xml) max_len=$((64 * 1024)) ;;              # a power with its classifier codes
    xmldsig) max_len=$((64 * 1024)) ;;               # an SMEV 3 message with its signatures
    *) max_len=4096 ;;
esac
# -len_control=0: grow inputs to the cap at once instead of from the seeds' size.
RUSTC_BOOTSTRAP=${RUSTC_BOOTSTRAP:-1} cargo fuzz run "$target" -- \
    -max_len="$max_len" -len_control=0 -timeout=10 -rss_limit_mb=2048 \
    -max_total_time="$seconds" "$@"
