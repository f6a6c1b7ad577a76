//! Certificate validation: parsing, trust store, path building, revocation, the Russian profile.
//!
//! Pure: bytes in, reports out, the time of validation as a parameter.
//!
//! - [`parse`]: certificates and CRLs from DER or PEM (bundles too), with the
//!   limits of [`limits`].
//! - [`store`]: the [`TrustStore`] of anchors (marked accredited or not),
//!   untrusted intermediates and CRLs.
//! - [`verify`]: [`validate`] builds and checks paths (RFC 5280 §6.1) and
//!   returns a [`ValidationReport`] with every problem found.
//! - [`signature`]: the one dispatch from algorithm identifiers to verifiers.
//! - [`russian`]: the qualified profile — holder, markers, classification, matching.
//!
//! ```no_run
//! use kabinet_core::pki::{validate, ParsedCertificate, TrustStore, ValidationOptions};
//! # fn run(root: &[u8], leaf: &[u8], crl: &[u8], at: kabinet_core::Timestamp) -> Result<(), kabinet_core::pki::PkiError> {
//! let mut store = TrustStore::new();
//! store.add_anchors_from_bytes(root, true)?;
//! store.add_crls_from_bytes(crl)?;
//! let report = validate(&ParsedCertificate::from_der_or_pem(leaf)?, &store, &ValidationOptions::at(at));
//! println!("{} {:?}", report.valid, report.signature_level());
//! # Ok(()) }
//! ```
//!
//! # Conformance (NIST PKITS 1.0.1) and what is not supported
//!
//! Every section (4.1–4.16: signatures, validity, name chaining, CRLs,
//! self-issued certificates, basic constraints, key usage, certificate
//! policies, policy constraints and mappings, inhibitAnyPolicy, name
//! constraints, distribution points and indirect CRLs, delta CRLs, unknown
//! extensions) agrees with NIST, except that DSA is refused as a weak
//! algorithm (`pki.weak_dsa`): the valid DSA paths 4.1.4 and 4.1.5 are
//! reported invalid. `tests/pkits.rs` keeps an explicit list of expected
//! disagreements (empty besides DSA) so that any change is seen.
//!
//! Limits of the implementation: revocation is checked by CRL only (no
//! OCSP, no fetching); policy qualifiers are not kept; a CRL-signing
//! certificate covered only by the indirect CRL it signs itself is accepted
//! with its own key (PKITS 4.14.30). Validity dates before 1970 (which the DER
//! time types cannot hold) are read as 1970-01-01T00:00:00Z. Anchors are
//! inputs (RFC 5280 §6.1.1): their validity and basicConstraints are not checked.
mod crl_cache;
mod crl_index;
pub mod error;
pub mod extensions;
pub mod limits;
pub mod name;
mod name_constraints;
pub mod oids;
pub mod options;
pub mod parse;
mod policy;
pub mod report;
mod revocation;
pub mod russian;
pub mod signature;
pub mod store;
pub mod verify;

pub use error::{PkiError, WeakAlgorithm};
pub use options::{Budget, PolicyOptions, RevocationPolicy, ValidationOptions};
pub use parse::{certificates_from_bytes, ParsedCertificate, ParsedCrl};
pub use report::{Notice, PathEntry, Problem, ValidationReport, Warning};
pub use russian::{Holder, SignToolClass};
pub use store::{TrustAnchor, TrustStore};
pub use verify::{validate, ValidationPath};
