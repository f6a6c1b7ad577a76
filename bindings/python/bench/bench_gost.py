"""GOST R 34.10-2012 certificate signatures verified from Python.

Two real certificates under their issuers: the TC26 sender's 256-bit
certificate (TC26-256-A key, the twisted-Edwards curve) and a CryptoPro-A
certificate of the `gost-ca` collection (2402 under 0837). Each is verified
N times with `gost_verify` (the issuer's key read from its
SubjectPublicKeyInfo on every call) and with one `GostPublicKey` (read once;
from its second signature on it verifies with the table it keeps). Prints
microseconds per call; the Rust counterpart of the same pairs is
`target/release/examples/gost_verify_loop CERT ISSUER N [key-per-call]`,
and BENCHMARKS.md records both.

Run: target/venv/bin/python bindings/python/bench/bench_gost.py [N]
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path
from typing import Callable, List, Tuple

import kabinet

# The tests' locator of the shared conformance data (missing data fails loudly).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from shared import shared_data  # noqa: E402

SIGNATURE_256 = "1.2.643.7.1.1.3.2"


def data(*parts: str) -> bytes:
    return shared_data(*parts).read_bytes()


def pairs() -> List[Tuple[str, kabinet.Certificate, kabinet.Certificate]]:
    return [
        (
            "TC26-256-A (tc26 sender256 under root256)",
            kabinet.Certificate.from_bytes(data("tc26", "sender256_cert.pem")),
            kabinet.Certificate.from_bytes(data("tc26", "root256_cert.pem")),
        ),
        (
            "CryptoPro-A (gost-ca 2402 under 0837)",
            kabinet.Certificate.from_bytes(data("gost-ca", "certs", "2402.der")),
            kabinet.Certificate.from_bytes(data("gost-ca", "certs", "0837.der")),
        ),
    ]


def per_call_us(call: Callable[[], None], n: int) -> float:
    call()
    return min(timeit.repeat(call, number=n, repeat=5)) / n * 1e6


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    for name, leaf, issuer in pairs():
        # A 256-bit GOST signature is the certificate's last 64 bytes (the
        # content of its final BIT STRING); a wrong slice fails to verify.
        signature = leaf.der[-64:]
        spki, tbs = issuer.spki_der, leaf.tbs_der
        key = kabinet.GostPublicKey.from_spki_der(spki)

        def read_per_call() -> None:
            kabinet.gost_verify(spki, SIGNATURE_256, tbs, signature)

        def kept() -> None:
            key.verify(SIGNATURE_256, tbs, signature)

        print(f"{name}: key read per call {per_call_us(read_per_call, n):.1f} us, "
              f"key kept {per_call_us(kept, n):.1f} us")


if __name__ == "__main__":
    main()
