//! The real signed power of attorney of `mchd/valid/` and what verifies it:
//! the file and its detached signature, and a store with the Минцифры root
//! as anchor and the FNS CA (signer) and the Tensor CA (the timestamp
//! authority) as intermediates. The set carries no CRLs of these
//! authorities: revocation is soft-failed, and reported.
#![allow(clippy::unwrap_used)]

use kabinet::cms::CmsOptions;
use kabinet::pki::{RevocationPolicy, TrustStore};

/// The file name of the signed power, without its extension.
pub const SIGNED: &str = "ON_EMCHD_20241203_c61a40df-d38f-4800-9ba4-61a2df016993";

/// The XML file and its `.sig`, byte for byte.
pub fn signed() -> (Vec<u8>, Vec<u8>) {
    let v = super::root("mchd/SOURCES.md").join("mchd/valid");
    (
        std::fs::read(v.join(format!("{SIGNED}.xml"))).unwrap(),
        std::fs::read(v.join(format!("{SIGNED}.sig"))).unwrap(),
    )
}

/// The trust store that verifies the signed power.
pub fn store() -> TrustStore {
    let certs = super::root("mchd/SOURCES.md").join("gost-ca/certs");
    let mut store = TrustStore::new();
    store
        .add_anchors_from_bytes(&std::fs::read(certs.join("0839.der")).unwrap(), true)
        .unwrap();
    for f in ["2336.der", "1013.der"] {
        store
            .add_intermediates_from_bytes(&std::fs::read(certs.join(f)).unwrap())
            .unwrap();
    }
    store
}

/// Verification options at `at`, revocation soft-failed.
pub fn options(at: &str) -> CmsOptions {
    let mut o = CmsOptions::at(at.parse().unwrap());
    o.validation.revocation = RevocationPolicy::SoftFail;
    o
}
