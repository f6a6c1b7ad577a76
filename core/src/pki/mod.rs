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
//! time types cannot hold) are read as 1970-01-01T00:00:00Z.
//!
//! # Under attack (x509-limbo)
//!
//! `tests/limbo.rs` runs the x509-limbo cases that fit an RFC 5280 validator
//! of signing certificates, with no wrong accept. Beyond the path rules of
//! §6.1, every certificate meets the profile of [`profile`] (duplicate
//! extensions, criticality, key identifiers, serial numbers, name syntax);
//! anchors given as certificates are checked as certificates unless the
//! caller chooses [`AnchorPolicy::NameAndKeyOnly`]; name constraints cover
//! every name form, refusing forms they do not process; the path search
//! spends one budget ([`Budget`]) on every candidate it considers, dead ends
//! included; and DER is checked for its shape (nesting, sizes of SET OF)
//! before it is decoded, so decoding stays linear in the input.
mod crl_index;
pub mod error;
pub mod extensions;
pub mod limits;
pub mod name;
mod name_constraints;
mod name_syntax;
pub mod oids;
pub mod options;
pub mod parse;
mod policy;
mod profile;
pub mod report;
mod revocation;
pub mod russian;
pub mod shape;
pub mod signature;
mod signature_cache;
pub mod store;
pub mod verify;

pub use error::{PkiError, WeakAlgorithm};
pub use options::{
    AnchorPolicy, Budget, OptionError, PolicyOptions, ProfileStrictness, RevocationPolicy,
    ValidationOptions,
};
pub use parse::{certificates_from_bytes, ParsedCertificate, ParsedCrl};
pub use report::{Notice, PathEntry, Problem, ValidationReport, Warning};
pub use russian::{Holder, SignToolClass};
pub use store::{TrustAnchor, TrustStore};
pub use verify::{validate, validate_with_intermediates, ValidationPath};
