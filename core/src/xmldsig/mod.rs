//! XML signatures (W3C XML-DSig 1.0), as the state's systems use them: GOST
//! R 34.10-2012 over Streebog in enveloped documents and in СМЭВ 3 messages,
//! besides RSA and ECDSA.
//!
//! [`verify_xml`] reads a document within bounds (no DTD, a node and nesting
//! limit, 16 MiB; 16 signatures of 16 references of 8 transforms, all of
//! whose canonicalizations share one budget of 64 MiB of output), finds every `ds:Signature`, and for each checks its
//! references ([`ReferenceReport`]: both digests), its SignatureValue over
//! the canonical SignedInfo and its signer's certificate path, returning an
//! [`XmlDsigReport`] with every problem under a stable `xmldsig.*` code.
//!
//! Canonicalization is the library's own ([`crate::xml::c14n`]: Canonical
//! XML 1.0 and exclusive C14N without comments, tested on the W3C examples)
//! over `roxmltree`, and so is the СМЭВ transform ([`crate::xml::smev`]).
//! Not supported, and reported as such: references outside the document,
//! XPointer, XSLT, XPath other than the signature filter, the WithComments
//! and C14N 1.1 variants, HMAC, and keys other than X.509 certificates.
mod algorithms;
pub mod error;
mod reference;
pub mod report;
mod verify;

/// The XML-DSig namespace.
pub const DSIG_NS: &str = "http://www.w3.org/2000/09/xmldsig#";

pub use error::{XmlDsigError, XmlSigProblem};
pub use reference::{MAX_TRANSFORMED_BYTES, MAX_TRANSFORMS};
pub use report::{ReferenceReport, XmlDsigReport, XmlProblem, XmlSignatureReport};
pub use verify::{
    verify_xml, MAX_DOCUMENT_BYTES, MAX_KEYINFO_CERTIFICATES, MAX_REFERENCES, MAX_SIGNATURES,
};
