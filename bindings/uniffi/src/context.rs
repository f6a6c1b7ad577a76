//! Who acts, when and with which signature: the library's [`Context`],
//! [`SignatureEvidence`] and [`SignerIdentity`], crossing as they are (an
//! identifier or address that does not parse is refused with its code),
//! and the helpers for the usual ones.

pub use kabinet::{Actor, Context, SignatureEvidence, SignatureLevel, SignerIdentity, Timestamp};

/// A simple signature (ПЭП).
#[uniffi::export]
pub fn simple_signature() -> SignatureEvidence {
    SignatureEvidence::simple()
}

/// A signature made with the certificate bound to the acting employee that
/// has this SHA-256 fingerprint (hex): its level and holder are the binding's.
#[uniffi::export]
pub fn bound_signature(fingerprint: String) -> SignatureEvidence {
    SignatureEvidence {
        bound_certificate: Some(fingerprint),
        ..SignatureEvidence::simple()
    }
}

/// The portal acting at `at`.
#[uniffi::export]
pub fn system_context(at: Timestamp) -> Context {
    Context::system(at)
}

/// A person acting at `at` with a simple signature.
#[uniffi::export]
pub fn account_context(account: kabinet::AccountId, at: Timestamp) -> Context {
    Context::account(account, at)
}
