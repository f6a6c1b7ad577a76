//! Multi-precision integers as little-endian arrays of 64-bit limbs.
//!
//! The field, scalar and curve code of the GOST verifier works on `[u64; N]`
//! with `N = 4` (256-bit parameter sets) or `N = 8` (512-bit ones). This file
//! holds the carry-propagating primitives and the byte conversions; the
//! `const fn` helpers run at compile time only, to turn the hexadecimal
//! constants of the parameter sets into limbs and to derive the Montgomery
//! constants from them.
//!
//! Indexing: every index in this file is bounded by a loop over `0..N` on
//! arrays of the const length `N` (or by the length of the slice it reads),
//! so it cannot go out of bounds; the compile-time helpers fail the build, not
//! a run, if a constant is malformed.
#![allow(clippy::indexing_slicing)]

use core::cmp::Ordering;

/// `a + b + carry`, returning (sum, carry out).
#[inline(always)]
pub(crate) const fn adc(a: u64, b: u64, carry: u64) -> (u64, u64) {
    let t = (a as u128) + (b as u128) + (carry as u128);
    (t as u64, (t >> 64) as u64)
}

/// `a - b - borrow`, returning (difference, borrow out as 0 or 1).
#[inline(always)]
pub(crate) const fn sbb(a: u64, b: u64, borrow: u64) -> (u64, u64) {
    let t = (a as u128).wrapping_sub((b as u128) + (borrow as u128));
    (t as u64, ((t >> 64) as u64) & 1)
}

/// `acc + a * b + carry`, returning (low word, high word).
#[inline(always)]
pub(crate) const fn mac(acc: u64, a: u64, b: u64, carry: u64) -> (u64, u64) {
    let t = (acc as u128) + (a as u128) * (b as u128) + (carry as u128);
    (t as u64, (t >> 64) as u64)
}

/// `a + b`, returning the sum and the carry out (0 or 1).
#[inline(always)]
pub(crate) fn add<const N: usize>(a: &[u64; N], b: &[u64; N]) -> ([u64; N], u64) {
    let mut r = [0u64; N];
    let mut carry = 0;
    for i in 0..N {
        (r[i], carry) = adc(a[i], b[i], carry);
    }
    (r, carry)
}

/// `a - b`, returning the difference and the borrow out (0 or 1).
#[inline(always)]
pub(crate) const fn sub<const N: usize>(a: &[u64; N], b: &[u64; N]) -> ([u64; N], u64) {
    let mut r = [0u64; N];
    let mut borrow = 0;
    let mut i = 0;
    while i < N {
        (r[i], borrow) = sbb(a[i], b[i], borrow);
        i += 1;
    }
    (r, borrow)
}

/// Shifts right by one bit, shifting `top` (0 or 1) into the most significant bit.
#[inline(always)]
pub(crate) fn shr1<const N: usize>(a: &mut [u64; N], top: u64) {
    for i in 0..N {
        let next = if i + 1 < N { a[i + 1] } else { top };
        a[i] = (a[i] >> 1) | (next << 63);
    }
}

/// The full product `a b` (`2 N` limbs in a 16-limb buffer, `N <= 8`),
/// schoolbook by rows.
#[inline(always)]
pub(crate) fn mul_wide<const N: usize>(a: &[u64; N], b: &[u64; N]) -> [u64; 16] {
    let mut t = [0u64; 16];
    for i in 0..N {
        let mut carry = 0;
        for j in 0..N {
            (t[i + j], carry) = mac(t[i + j], a[i], b[j], carry);
        }
        t[i + N] = carry;
    }
    t
}

/// The full square `a^2` (`2 N` limbs in a 16-limb buffer): the cross
/// products `a_i a_j` (`i < j`) once by rows, doubled by a shift, then the
/// diagonal squares added: `N (N + 1) / 2` multiplications instead of `N^2`.
#[inline(always)]
pub(crate) fn sqr_wide<const N: usize>(a: &[u64; N]) -> [u64; 16] {
    let mut t = [0u64; 16];
    for i in 0..N {
        let mut carry = 0;
        for j in (i + 1)..N {
            (t[i + j], carry) = mac(t[i + j], a[i], a[j], carry);
        }
        t[i + N] = carry;
    }
    // Double the cross products.
    let mut top = 0;
    for limb in t.iter_mut().take(2 * N) {
        let next = *limb >> 63;
        *limb = (*limb << 1) | top;
        top = next;
    }
    // Add the squares on the diagonal.
    let mut carry = 0;
    for i in 0..N {
        let sq = (a[i] as u128) * (a[i] as u128);
        (t[2 * i], carry) = adc(t[2 * i], sq as u64, carry);
        (t[2 * i + 1], carry) = adc(t[2 * i + 1], (sq >> 64) as u64, carry);
    }
    t
}

/// Compares two integers.
#[inline(always)]
pub(crate) fn cmp<const N: usize>(a: &[u64; N], b: &[u64; N]) -> Ordering {
    for i in (0..N).rev() {
        match a[i].cmp(&b[i]) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    Ordering::Equal
}

/// Whether the integer is zero.
#[inline(always)]
pub(crate) fn is_zero<const N: usize>(a: &[u64; N]) -> bool {
    a.iter().all(|&l| l == 0)
}

/// The integer 1.
pub(crate) const fn one<const N: usize>() -> [u64; N] {
    let mut r = [0u64; N];
    r[0] = 1;
    r
}

/// Bit `i` of `a` (0 = least significant); bits past the end read as zero.
#[cfg(test)]
pub(crate) fn bit<const N: usize>(a: &[u64; N], i: usize) -> bool {
    a.get(i / 64).is_some_and(|l| (l >> (i % 64)) & 1 == 1)
}

/// Reads a big-endian byte string of exactly `8 * N` bytes; `None` otherwise.
pub(crate) fn from_be_bytes<const N: usize>(bytes: &[u8]) -> Option<[u64; N]> {
    if bytes.len() != 8 * N {
        return None;
    }
    let mut r = [0u64; N];
    for (limb, chunk) in r.iter_mut().zip(bytes.rchunks_exact(8)) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        *limb = u64::from_be_bytes(w);
    }
    Some(r)
}

/// Reads a little-endian byte string of exactly `8 * N` bytes; `None` otherwise.
pub(crate) fn from_le_bytes<const N: usize>(bytes: &[u8]) -> Option<[u64; N]> {
    if bytes.len() != 8 * N {
        return None;
    }
    let mut r = [0u64; N];
    for (limb, chunk) in r.iter_mut().zip(bytes.chunks_exact(8)) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        *limb = u64::from_le_bytes(w);
    }
    Some(r)
}

/// Writes the integer as `8 * N` big-endian bytes.
pub(crate) fn to_be_bytes<const N: usize>(a: &[u64; N]) -> Vec<u8> {
    a.iter().rev().flat_map(|l| l.to_be_bytes()).collect()
}

/// Parses a hexadecimal constant at compile time (most significant digit
/// first, at most `16 * N` digits).
pub(crate) const fn from_hex<const N: usize>(hex: &str) -> [u64; N] {
    let s = hex.as_bytes();
    assert!(
        !s.is_empty() && s.len() <= 16 * N,
        "hex constant of the wrong length"
    );
    let mut r = [0u64; N];
    let mut i = 0;
    while i < s.len() {
        let c = s[s.len() - 1 - i];
        let v = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => 255,
        };
        assert!(v < 16, "not a hex digit");
        r[i / 16] |= (v as u64) << (4 * (i % 16));
        i += 1;
    }
    r
}

/// `(a + b) mod m` for `a, b < m`, at compile time.
const fn const_add_mod<const N: usize>(a: &[u64; N], b: &[u64; N], m: &[u64; N]) -> [u64; N] {
    let mut r = [0u64; N];
    let mut carry = 0;
    let mut i = 0;
    while i < N {
        (r[i], carry) = adc(a[i], b[i], carry);
        i += 1;
    }
    let (d, borrow) = sub(&r, m);
    if carry == 1 || borrow == 0 {
        d
    } else {
        r
    }
}

/// `R^2 mod m` with `R = 2^(64 N)`, by doubling 1 modulo `m`, at compile time.
pub(crate) const fn const_r2<const N: usize>(m: &[u64; N]) -> [u64; N] {
    let mut x = one::<N>();
    let mut i = 0;
    while i < 128 * N {
        x = const_add_mod(&x, &x, m);
        i += 1;
    }
    x
}

/// `-m^-1 mod 2^64` for odd `m` (Newton's iteration), at compile time.
pub(crate) const fn const_n0(m0: u64) -> u64 {
    assert!(m0 & 1 == 1, "modulus must be odd");
    let mut inv: u64 = 1;
    let mut i = 0;
    while i < 7 {
        inv = inv.wrapping_mul(2u64.wrapping_sub(m0.wrapping_mul(inv)));
        i += 1;
    }
    inv.wrapping_neg()
}

/// `c` when `m = 2^(64 N) - c` with `c < 2^32`, else 0, at compile time.
pub(crate) const fn const_pseudo_mersenne_c<const N: usize>(m: &[u64; N]) -> u64 {
    let (neg, _) = sub(&[0u64; N], m);
    let mut i = 1;
    while i < N {
        if neg[i] != 0 {
            return 0;
        }
        i += 1;
    }
    if neg[0] < (1 << 32) {
        neg[0]
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_bytes_agree() {
        let a: [u64; 4] =
            from_hex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        let be: Vec<u8> = (1..=32).collect();
        assert_eq!(from_be_bytes::<4>(&be), Some(a));
        let le: Vec<u8> = be.iter().rev().copied().collect();
        assert_eq!(from_le_bytes::<4>(&le), Some(a));
        assert_eq!(to_be_bytes(&a), be);
        assert_eq!(from_be_bytes::<4>(&be[1..]), None);
    }

    #[test]
    fn n0_is_the_negated_inverse() {
        for m0 in [1u64, 3, 0xffff_ffff_ffff_fd97, 0x8000_0000_0000_0431] {
            assert_eq!(m0.wrapping_mul(const_n0(m0)), u64::MAX);
        }
    }

    #[test]
    fn pseudo_mersenne_detection() {
        let p: [u64; 4] =
            from_hex("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97");
        assert_eq!(const_pseudo_mersenne_c(&p), 617);
        let p: [u64; 4] =
            from_hex("8000000000000000000000000000000000000000000000000000000000000431");
        assert_eq!(const_pseudo_mersenne_c(&p), 0);
    }

    #[test]
    fn r2_small_modulus() {
        // m = 2^64 + 13 as two limbs: R = 2^128, R^2 mod m computed independently.
        let m = [13u64, 1];
        let r2 = const_r2(&m);
        // 2^64 = -13 (mod m), so 2^256 = (-13)^4 = 28561.
        assert_eq!(r2, [28561, 0]);
    }
}
