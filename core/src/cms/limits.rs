//! Bounds on what one CMS message may ask of the verifier.
//!
//! Messages come from outside; each limit says where its number comes from.

/// Largest message accepted, attached content included: 64 MiB. Documents
/// sent through the portal are limited to tens of megabytes; the message is
/// held in memory and decoded once.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

/// Most signers in one message. A document rarely carries more than a
/// handful of signatures (director, accountant, counterparty); each signer
/// costs a signature verification and a path validation.
pub const MAX_SIGNERS: usize = 16;

/// Most certificates carried in one message: a few signers with their
/// chains of two or three certificates each; every one is parsed and
/// offered to path building.
pub const MAX_CERTIFICATES: usize = 64;

/// Most signed attributes of one signer. RFC 5652 needs two or three; the
/// CAdES profiles add a few more (signing certificate, policy, commitment type).
pub const MAX_SIGNED_ATTRIBUTES: usize = 32;
