//! Inline storage for short ASCII identifiers: no heap allocation, `Copy`.
//!
//! A directory holds millions of ИНН, СНИЛС and the like; keeping each in a
//! fixed array beside its owner instead of a heap string saves two words and
//! an allocation per value (DOMAIN's scale target: 100,000 organizations,
//! 1,000,000 memberships).

use super::{IdentifierError, IdentifierKind};
use core::fmt;
use core::hash::{Hash, Hasher};

/// Up to `N` ASCII bytes stored inline.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Ascii<const N: usize> {
    bytes: [u8; N],
    len: u8,
}

impl<const N: usize> Ascii<N> {
    /// Stores a validated canonical value.
    ///
    /// # Errors
    /// `TooLong` when the value is longer than `N` bytes or not ASCII (the
    /// parsers never produce one; the check keeps the type honest).
    pub(crate) fn new(kind: IdentifierKind, value: &str) -> Result<Self, IdentifierError> {
        let too_long = || IdentifierError::TooLong {
            kind,
            max: N,
            found: value.len(),
        };
        if !value.is_ascii() {
            return Err(too_long());
        }
        let mut bytes = [0u8; N];
        bytes
            .get_mut(..value.len())
            .ok_or_else(too_long)?
            .copy_from_slice(value.as_bytes());
        let len = u8::try_from(value.len()).map_err(|_| too_long())?;
        Ok(Self { bytes, len })
    }

    /// The stored text.
    pub(crate) fn as_str(&self) -> &str {
        self.bytes
            .get(..usize::from(self.len))
            .and_then(|b| core::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

impl<const N: usize> core::ops::Deref for Ascii<N> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl<const N: usize> Hash for Ascii<N> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl<const N: usize> fmt::Debug for Ascii<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_up_to_its_capacity() {
        let a = Ascii::<4>::new(IdentifierKind::Inn, "0123").unwrap();
        assert_eq!(a.as_str(), "0123");
        assert_eq!(&*a, "0123");
        assert!(Ascii::<4>::new(IdentifierKind::Inn, "01234").is_err());
        assert!(Ascii::<4>::new(IdentifierKind::Inn, "ё").is_err());
        assert_eq!(format!("{a:?}"), "\"0123\"");
        assert_eq!(
            Ascii::<4>::new(IdentifierKind::Inn, "").unwrap().as_str(),
            ""
        );
    }
}
