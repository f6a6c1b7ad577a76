//! The SHA-256 chain that links journal entries.
//!
//! Entry `n` carries the digest of entry `n − 1` (`prev`) and its own digest
//! over a canonical encoding:
//!
//! ```text
//! hash(n) = SHA-256( "kabinet-journal-v1" ‖ 0x00
//!                    ‖ seq as 8 bytes big-endian
//!                    ‖ prev (32 bytes)
//!                    ‖ length of body as 8 bytes big-endian
//!                    ‖ body )
//! ```
//!
//! where `body` is the entry's [`Record`](super::Record) serialized as
//! compact JSON with fields in declaration order (serde's derive) — the same
//! bytes the stores keep. The first entry's `prev` is [`Digest::ZERO`].
//! Because the sequence number and the previous digest are hashed, a
//! changed, removed, inserted or reordered entry breaks the chain at the
//! first entry it touches.

use ring::digest::{Context, SHA256};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The domain-separation prefix of every entry hash.
const DOMAIN: &[u8] = b"kabinet-journal-v1\0";

/// A SHA-256 digest, shown and serialized as 64 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Digest(pub [u8; 32]);

impl Digest {
    /// The `prev` of the first entry.
    pub const ZERO: Digest = Digest([0; 32]);

    /// The digest of entry `seq` whose predecessor's digest is `prev`.
    pub fn of_entry(seq: u64, prev: &Digest, body: &[u8]) -> Digest {
        let mut ctx = Context::new(&SHA256);
        ctx.update(DOMAIN);
        ctx.update(&seq.to_be_bytes());
        ctx.update(&prev.0);
        ctx.update(&(body.len() as u64).to_be_bytes());
        ctx.update(body);
        let mut out = [0u8; 32];
        out.copy_from_slice(ctx.finish().as_ref());
        Digest(out)
    }

    /// The plain SHA-256 of `bytes` (a stored snapshot's digest).
    pub fn sha256(bytes: &[u8]) -> Digest {
        let mut out = [0u8; 32];
        out.copy_from_slice(ring::digest::digest(&SHA256, bytes).as_ref());
        Digest(out)
    }

    /// Reads 32 raw bytes; `None` for any other length.
    pub fn from_slice(bytes: &[u8]) -> Option<Digest> {
        <[u8; 32]>::try_from(bytes).ok().map(Digest)
    }

    /// Parses 64 hex digits.
    pub fn from_hex(s: &str) -> Option<Digest> {
        let bytes = s.as_bytes();
        if bytes.len() != 64 {
            return None;
        }
        let mut out = [0u8; 32];
        for (o, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
            let hi = hex_value(*pair.first()?)?;
            let lo = hex_value(*pair.get(1)?)?;
            *o = hi << 4 | lo;
        }
        Some(Digest(out))
    }
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Digest({self})")
    }
}

impl Serialize for Digest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Digest {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Digest::from_hex(&s).ok_or_else(|| serde::de::Error::custom("expected 64 hex digits"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_sha256_is_standard() {
        // SHA-256("abc") from FIPS 180-2, appendix B.1.
        let mut ctx = Context::new(&SHA256);
        ctx.update(b"abc");
        let d = Digest::from_slice(ctx.finish().as_ref()).unwrap();
        assert_eq!(
            d.to_string(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(Digest::from_hex(&d.to_string()), Some(d));
        assert_eq!(Digest::from_hex("zz"), None);
    }

    #[test]
    fn every_input_changes_the_entry_digest() {
        let a = Digest::of_entry(1, &Digest::ZERO, b"{}");
        assert_ne!(a, Digest::of_entry(2, &Digest::ZERO, b"{}"));
        assert_ne!(a, Digest::of_entry(1, &a, b"{}"));
        assert_ne!(a, Digest::of_entry(1, &Digest::ZERO, b"{ }"));
    }
}
