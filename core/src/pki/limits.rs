//! Limits on untrusted input: sizes and counts, each with where it comes from.
//!
//! Certificates, CRLs and bundles arrive from users and the network; these
//! bounds keep parsing and validation linear in a size we chose.

/// Largest DER certificate accepted, in bytes. Real qualified certificates are
/// 1.5–3 KiB; the largest seen in the Минцифры bundles stays under 8 KiB.
/// 64 KiB leaves room for unusual extensions while bounding the work per certificate.
pub const MAX_CERTIFICATE_BYTES: usize = 64 * 1024;

/// Largest DER CRL accepted, in bytes. CRLs of big Russian CAs reach tens of
/// MiB over years; 32 MiB accepts those while refusing absurd inputs.
pub const MAX_CRL_BYTES: usize = 32 * 1024 * 1024;

/// Largest PEM text accepted, in bytes: a bundle of [`MAX_BUNDLE_CERTIFICATES`]
/// certificates of [`MAX_CERTIFICATE_BYTES`] each, base64-inflated by 4/3.
pub const MAX_PEM_BYTES: usize = MAX_BUNDLE_CERTIFICATES * MAX_CERTIFICATE_BYTES * 4 / 3;

/// Most certificates read from one bundle. The accredited-CA list of Минцифры
/// holds a few hundred root and intermediate certificates; 4096 bounds the memory
/// of one bundle with room to spare.
pub const MAX_BUNDLE_CERTIFICATES: usize = 4096;

/// Most entries read from one CRL: about the 32 MiB of [`MAX_CRL_BYTES`] at
/// ~40 bytes per entry (serial, date, reason).
pub const MAX_CRL_ENTRIES: usize = 1_000_000;

/// Longest path accepted, anchor included. Russian qualified paths are 2–4
/// certificates (Минцифры root, accredited CA, holder); PKITS goes to 6.
/// webpki uses a similar small depth; 8 keeps the search tree small.
pub const MAX_PATH_DEPTH: usize = 8;

/// Deepest nesting of validations of CRL-signing certificates (a CRL signed by a
/// separate key whose own certificate must be validated, as in PKITS 4.4.19 and 4.5.6).
pub const MAX_CRL_SIGNER_DEPTH: usize = 2;

/// Most nodes of the valid policy tree (RFC 5280 §6.1.2 a). Crafted chains of
/// policy mappings make the tree grow exponentially (CVE-2023-0464 in
/// OpenSSL); real paths hold a handful of policies, PKITS at most a dozen nodes.
pub const MAX_POLICY_TREE_NODES: usize = 1000;
