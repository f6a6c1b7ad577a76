//! The shape of untrusted DER, checked before it is decoded.
//!
//! The `der` 0.7 decoder sorts the elements of every SET OF it reads with an
//! insertion sort (RustCrypto/formats issue #2319): a SET OF whose elements
//! arrive in reverse order costs the square of their number, and a 340 KB
//! unsigned CRL held the CPU for half a minute before its signature was ever
//! looked at. The fix (an O(n log n) sort, PR #2345) is in `der` 0.8.3 only;
//! the 0.7 line that `x509-cert` 0.2 and `cms` 0.2 build on does not have it,
//! and `cms` for `der` 0.8 exists only as a release candidate. So every
//! certificate, CRL, extension value and CMS message is walked once, TLV by
//! TLV with the `der` crate's own reader, before it is decoded: nesting is
//! bounded ([`MAX_DEPTH`]) and so is the number of elements of every SET and
//! of every constructed context-specific value, where IMPLICIT SET OFs hide
//! ([`MAX_SET_ELEMENTS`]). The walk is linear in the input and allocates
//! nothing; what passes decodes in near-linear time.

use der::{Decode, Header, Reader, SliceReader, Tag};

/// Deepest nesting of constructed values. A CMS message with a time-stamp
/// token in an unsigned attribute and certificates inside nests about 20
/// deep; 32 leaves room while keeping the walk's recursion small.
pub const MAX_DEPTH: usize = 32;

/// Most elements of one SET (OF) or constructed context-specific value. A
/// distinguished name's RDN holds one to three attributes; a CMS message at
/// most [`crate::cms::limits::MAX_CERTIFICATES`] certificates, which is 64.
/// At 64 elements the sort costs at most about 2,000 comparisons.
pub const MAX_SET_ELEMENTS: usize = 64;

/// Why an input's shape is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ShapeError {
    /// Not a sequence of well-formed TLVs.
    Malformed,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A SET (OF) with more than [`MAX_SET_ELEMENTS`] elements.
    SetTooLarge,
}

impl ShapeError {
    /// A short English description, for the error of the caller's type.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Self::Malformed => "the encoding is not well-formed der",
            Self::TooDeep => "values are nested deeper than 32 levels",
            Self::SetTooLarge => "a set holds more than 64 elements",
        }
    }
}

/// Checks the shape of `der` (one or more TLVs).
pub(crate) fn check(der: &[u8]) -> Result<(), ShapeError> {
    walk(der, 0).map(|_| ())
}

/// Walks the TLVs of `bytes` at nesting `depth`; returns how many there are.
fn walk(bytes: &[u8], depth: usize) -> Result<usize, ShapeError> {
    let mut reader = SliceReader::new(bytes).map_err(|_| ShapeError::Malformed)?;
    let mut count = 0usize;
    while !reader.is_finished() {
        let header = Header::decode(&mut reader).map_err(|_| ShapeError::Malformed)?;
        let body = reader
            .read_slice(header.length)
            .map_err(|_| ShapeError::Malformed)?;
        count += 1;
        if header.tag.is_constructed() {
            if depth + 1 >= MAX_DEPTH {
                return Err(ShapeError::TooDeep);
            }
            let inner = walk(body, depth + 1)?;
            let sorted = header.tag == Tag::Set || header.tag.is_context_specific();
            if sorted && inner > MAX_SET_ELEMENTS {
                return Err(ShapeError::SetTooLarge);
            }
        }
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        let len = body.len();
        if len < 128 {
            out.push(len as u8);
        } else if len < 256 {
            out.extend([0x81, len as u8]);
        } else {
            out.extend([0x82, (len >> 8) as u8, len as u8]);
        }
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn sets_are_bounded() {
        let element = tlv(0x02, &[1]);
        let ok: Vec<u8> = element.repeat(MAX_SET_ELEMENTS);
        assert_eq!(check(&tlv(0x31, &ok)), Ok(()));
        let big: Vec<u8> = element.repeat(MAX_SET_ELEMENTS + 1);
        assert_eq!(check(&tlv(0x31, &big)), Err(ShapeError::SetTooLarge));
        // an IMPLICIT [0] SET OF is bounded too; a SEQUENCE OF is not
        assert_eq!(check(&tlv(0xA0, &big)), Err(ShapeError::SetTooLarge));
        assert_eq!(check(&tlv(0x30, &big)), Ok(()));
    }

    #[test]
    fn nesting_is_bounded() {
        let mut v = tlv(0x05, &[]);
        for _ in 0..MAX_DEPTH {
            v = tlv(0x30, &v);
        }
        assert_eq!(check(&v), Err(ShapeError::TooDeep));
    }

    #[test]
    fn truncated_input_is_malformed() {
        assert_eq!(check(&[0x30, 0x05, 0x02]), Err(ShapeError::Malformed));
    }
}
