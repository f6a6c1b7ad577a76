//! CMS SignedData verification (RFC 5652), with RSA, ECDSA and GOST R 34.10-2012 signers.
//!
//! [`verify_cms`] reads a message (DER or PEM; attached content or detached
//! content supplied separately), checks every signer — signed attributes,
//! digest, signature, certificate path — and returns a [`CmsReport`]: who
//! signed (the holder of the Russian profile), when, with which algorithms,
//! the validation report of each signer's certificate, and every problem
//! with a stable `cms.*` code. The message is valid only when every signer is.
//!
//! GOST follows RFC 9215 and RFC 4490: the digest is Streebog-256/512, the
//! SignerInfo's signature algorithm may be the key algorithm
//! (1.2.643.7.1.1.1.1 / .1.2) or the X.509 signature algorithm.
//!
//! Signature timestamps (CAdES-T) are verified and reported beside each
//! signer ([`TimestampReport`]). Not supported: counter-signatures and other
//! unsigned attributes (ignored), CRLs carried in the message (supply them
//! in the [`crate::pki::TrustStore`]), attribute certificates.
mod algorithms;
pub mod error;
pub mod limits;
pub mod report;
mod timestamp;
mod verify;

pub use algorithms::name as algorithm_name;
pub use error::{CmsError, SignerProblem};
pub use report::{CertificateTime, CmsProblem, CmsReport, SignerReport};
pub use timestamp::{TimestampReport, MAX_TIMESTAMPS};
pub use verify::{verify_cms, CmsOptions};
