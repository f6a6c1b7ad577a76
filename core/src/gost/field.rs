//! Arithmetic modulo an odd prime: the coordinate field `GF(p)` and the
//! scalars modulo the group order `q`.
//!
//! Two representations share one interface. For a pseudo-Mersenne prime
//! `m = 2^(64 N) - c` with a small `c` (CryptoPro-A = TC26-256-B and TC26-256-A
//! share `p = 2^256 - 617`; TC26-512-A and -C use `p = 2^512 - 569`), elements
//! are kept as plain residues and a product is reduced by folding its high half
//! multiplied by `c` into its low half. Every other modulus uses Montgomery
//! residues (`x R mod m`, `R = 2^(64 N)`) with word-by-word (CIOS) reduction.
//! Callers convert with [`Modulus::encode`] / [`Modulus::decode`] and
//! never look inside; every operation returns a fully reduced value, so zero
//! and equality are plain limb comparisons.
//!
//! Indexing: loops run over `0..N` on arrays of length `N` (the product buffer
//! holds `2 N <= 16` limbs, checked at compile time), so no index can be out
//! of bounds.
#![allow(clippy::indexing_slicing)]

use core::cmp::Ordering;

use super::limbs::{self, adc, mac};

/// An odd prime modulus with its precomputed reduction constants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Modulus<const N: usize> {
    /// The modulus.
    pub m: [u64; N],
    /// `-m^-1 mod 2^64` (Montgomery).
    pub n0: u64,
    /// `R^2 mod m` (Montgomery).
    pub r2: [u64; N],
    /// `c` when `m = 2^(64 N) - c` with `c < 2^32`, else 0.
    pub c: u64,
}

impl<const N: usize> Modulus<N> {
    /// Derives the constants of a modulus given in hexadecimal (compile time).
    pub(crate) const fn from_hex(hex: &str) -> Self {
        assert!(N <= 8, "at most 512-bit moduli");
        let m = limbs::from_hex::<N>(hex);
        Self {
            m,
            n0: limbs::const_n0(m[0]),
            r2: limbs::const_r2(&m),
            c: limbs::const_pseudo_mersenne_c(&m),
        }
    }

    /// Whether products are reduced by the pseudo-Mersenne fold.
    #[inline(always)]
    fn is_pseudo_mersenne(&self) -> bool {
        self.c != 0
    }

    /// Subtracts `m` once when `(hi, x) >= m`, where `hi` is a carry word (0 or 1).
    #[inline(always)]
    fn reduce_once(&self, x: [u64; N], hi: u64) -> [u64; N] {
        let (d, borrow) = limbs::sub(&x, &self.m);
        if hi != 0 || borrow == 0 {
            d
        } else {
            x
        }
    }

    /// `a + b`.
    #[inline(always)]
    pub(crate) fn add(&self, a: &[u64; N], b: &[u64; N]) -> [u64; N] {
        let (s, carry) = limbs::add(a, b);
        // As in `fold`: below m when nothing carried and the top limb is not all ones.
        if self.is_pseudo_mersenne() && carry == 0 && s[N - 1] != u64::MAX {
            return s;
        }
        self.reduce_once(s, carry)
    }

    /// `a - b`.
    #[inline(always)]
    pub(crate) fn sub(&self, a: &[u64; N], b: &[u64; N]) -> [u64; N] {
        let (d, borrow) = limbs::sub(a, b);
        if borrow == 0 {
            d
        } else {
            limbs::add(&d, &self.m).0
        }
    }

    /// `-a`.
    #[inline(always)]
    pub(crate) fn neg(&self, a: &[u64; N]) -> [u64; N] {
        self.sub(&[0u64; N], a)
    }

    /// `2 a`.
    #[inline(always)]
    pub(crate) fn dbl(&self, a: &[u64; N]) -> [u64; N] {
        self.add(a, a)
    }

    /// The product of two elements.
    #[inline(always)]
    pub(crate) fn mul(&self, a: &[u64; N], b: &[u64; N]) -> [u64; N] {
        if self.is_pseudo_mersenne() {
            self.mul_pseudo_mersenne(a, b)
        } else {
            self.mul_montgomery(a, b)
        }
    }

    /// `a^2`.
    #[inline(always)]
    pub(crate) fn sqr(&self, a: &[u64; N]) -> [u64; N] {
        if self.is_pseudo_mersenne() {
            self.fold(&limbs::sqr_wide(a))
        } else {
            self.mul_montgomery(a, a)
        }
    }

    /// Schoolbook product, then the pseudo-Mersenne fold.
    #[inline(always)]
    fn mul_pseudo_mersenne(&self, a: &[u64; N], b: &[u64; N]) -> [u64; N] {
        self.fold(&limbs::mul_wide(a, b))
    }

    /// Reduces a double-width `t < m^2` for `m = 2^(64 N) - c`:
    /// `hi * 2^(64 N) = hi * c (mod m)`, folded twice.
    #[inline(always)]
    fn fold(&self, t: &[u64; 16]) -> [u64; N] {
        let c = self.c;
        let mut r = [0u64; N];
        let mut carry = 0;
        for i in 0..N {
            (r[i], carry) = mac(t[i], t[i + N], c, carry);
        }
        // carry <= c: fold carry * c into the low limbs.
        let (lo, hi) = mac(0, carry, c, 0);
        let mut k;
        (r[0], k) = adc(r[0], lo, 0);
        (r[1], k) = adc(r[1], hi, k);
        for limb in r.iter_mut().skip(2) {
            (*limb, k) = adc(*limb, 0, k);
        }
        // A carry out means the value wrapped past 2^(64 N): add c once more
        // (the low part is then tiny, so this cannot carry again).
        if k != 0 {
            (r[0], k) = adc(r[0], c, 0);
            for limb in r.iter_mut().skip(1) {
                (*limb, k) = adc(*limb, 0, k);
            }
        }
        // The top limb of m = 2^(64 N) - c (c < 2^32) is all ones, so a value
        // whose top limb is not is below m: one comparison settles almost
        // every product, and the subtraction runs only in the rest.
        if r[N - 1] != u64::MAX {
            return r;
        }
        self.reduce_once(r, 0)
    }

    /// Montgomery product `a b R^-1 mod m` (CIOS). Correct for any `a < R`
    /// when `b < m`, which [`Self::encode`] relies on.
    #[inline(always)]
    fn mul_montgomery(&self, a: &[u64; N], b: &[u64; N]) -> [u64; N] {
        let mut t = [0u64; N];
        let mut t_hi = 0u64;
        for &bi in b {
            let mut carry = 0;
            for j in 0..N {
                (t[j], carry) = mac(t[j], a[j], bi, carry);
            }
            let (s, c1) = adc(t_hi, carry, 0);
            let mq = t[0].wrapping_mul(self.n0);
            let (_, mut carry) = mac(t[0], mq, self.m[0], 0);
            for j in 1..N {
                (t[j - 1], carry) = mac(t[j], mq, self.m[j], carry);
            }
            let (s2, c2) = adc(s, carry, 0);
            t[N - 1] = s2;
            t_hi = c1 + c2;
        }
        self.reduce_once(t, t_hi)
    }

    /// Converts an integer below `2^(64 N)` into the internal representation,
    /// reducing it modulo `m`.
    pub(crate) fn encode(&self, x: &[u64; N]) -> [u64; N] {
        if self.is_pseudo_mersenne() {
            // x < 2^(64 N) < 2 m.
            self.reduce_once(*x, 0)
        } else {
            self.mul_montgomery(x, &self.r2)
        }
    }

    /// Converts back from the internal representation to the residue in `[0, m)`.
    pub(crate) fn decode(&self, x: &[u64; N]) -> [u64; N] {
        if self.is_pseudo_mersenne() {
            *x
        } else {
            self.mul_montgomery(x, &limbs::one())
        }
    }

    /// The element 1.
    pub(crate) fn one(&self) -> [u64; N] {
        self.encode(&limbs::one())
    }

    /// `a^-1`; zero maps to zero, which callers exclude beforehand.
    ///
    /// Binary extended Euclid on the plain residue (HAC 14.61 for an odd
    /// modulus): variable time, which verification allows, and several times
    /// faster than Fermat's `a^(m-2)`.
    pub(crate) fn inv(&self, a: &[u64; N]) -> [u64; N] {
        let plain = self.decode(a);
        if limbs::is_zero(&plain) {
            return plain;
        }
        let one = limbs::one::<N>();
        let (mut u, mut v) = (plain, self.m);
        let (mut x1, mut x2) = (one, [0u64; N]);
        while u != one && v != one {
            while u[0] & 1 == 0 {
                limbs::shr1(&mut u, 0);
                self.halve(&mut x1);
            }
            while v[0] & 1 == 0 {
                limbs::shr1(&mut v, 0);
                self.halve(&mut x2);
            }
            if limbs::cmp(&u, &v) != Ordering::Less {
                u = limbs::sub(&u, &v).0;
                x1 = self.sub(&x1, &x2);
            } else {
                v = limbs::sub(&v, &u).0;
                x2 = self.sub(&x2, &x1);
            }
        }
        self.encode(if u == one { &x1 } else { &x2 })
    }

    /// `x / 2 mod m` for a plain residue.
    #[inline(always)]
    fn halve(&self, x: &mut [u64; N]) {
        if x[0] & 1 == 0 {
            limbs::shr1(x, 0);
        } else {
            let (s, carry) = limbs::add(x, &self.m);
            *x = s;
            limbs::shr1(x, carry);
        }
    }

    /// Whether `x < m` (a canonical residue).
    pub(crate) fn is_canonical(&self, x: &[u64; N]) -> bool {
        limbs::cmp(x, &self.m) == Ordering::Less
    }

    /// `x mod m` for any `x < 2^(64 N)` by repeated subtraction (tests only:
    /// verification compares x-coordinates without reducing them).
    #[cfg(test)]
    pub(crate) fn reduce_slow(&self, x: &[u64; N]) -> [u64; N] {
        let mut r = *x;
        while !self.is_canonical(&r) {
            let (d, _) = limbs::sub(&r, &self.m);
            r = d;
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const P_CPA: Modulus<4> =
        Modulus::from_hex("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97");
    const P_TEST: Modulus<4> =
        Modulus::from_hex("8000000000000000000000000000000000000000000000000000000000000431");

    /// Reference product via u128 schoolbook and bit-serial reduction.
    fn reference_mul(m: &[u64; 4], a: &[u64; 4], b: &[u64; 4]) -> [u64; 4] {
        // Double-and-add over the bits of b: r = sum b_i 2^i a (mod m).
        let madd = |x: &[u64; 4], y: &[u64; 4]| {
            let (s, c) = limbs::add(x, y);
            let (d, borrow) = limbs::sub(&s, m);
            if c == 1 || borrow == 0 {
                d
            } else {
                s
            }
        };
        let mut r = [0u64; 4];
        for i in (0..256).rev() {
            r = madd(&r, &r);
            if limbs::bit(b, i) {
                r = madd(&r, a);
            }
        }
        r
    }

    fn residue(m: &Modulus<4>, raw: [u64; 4]) -> [u64; 4] {
        m.reduce_slow(&raw)
    }

    proptest! {
        #[test]
        fn mul_matches_reference(a in any::<[u64; 4]>(), b in any::<[u64; 4]>()) {
            for m in [&P_CPA, &P_TEST] {
                let (a, b) = (residue(m, a), residue(m, b));
                let got = m.decode(&m.mul(&m.encode(&a), &m.encode(&b)));
                prop_assert_eq!(got, reference_mul(&m.m, &a, &b));
            }
        }

        #[test]
        fn square_matches_product(a in any::<[u64; 4]>(), b in any::<[u64; 8]>()) {
            for m in [&P_CPA, &P_TEST] {
                let x = m.encode(&residue(m, a));
                prop_assert_eq!(m.sqr(&x), m.mul(&x, &x));
            }
            prop_assert_eq!(&limbs::sqr_wide(&b)[..], &limbs::mul_wide(&b, &b)[..]);
            prop_assert_eq!(&limbs::sqr_wide(&a)[..], &limbs::mul_wide(&a, &a)[..]);
        }

        #[test]
        fn inverse_inverts(a in any::<[u64; 4]>()) {
            for m in [&P_CPA, &P_TEST] {
                let a = residue(m, a);
                prop_assume!(!limbs::is_zero(&a));
                let x = m.encode(&a);
                prop_assert_eq!(m.mul(&x, &m.inv(&x)), m.one());
            }
        }

        #[test]
        fn add_sub_roundtrip(a in any::<[u64; 4]>(), b in any::<[u64; 4]>()) {
            for m in [&P_CPA, &P_TEST] {
                let (a, b) = (residue(m, a), residue(m, b));
                prop_assert_eq!(m.sub(&m.add(&a, &b), &b), a);
                prop_assert_eq!(m.add(&m.neg(&a), &a), [0u64; 4]);
            }
        }
    }

    proptest! {
        /// Values just below the modulus, whose top limb is all ones, take
        /// the full reduction in `add` and after the fold; the sums and
        /// products around `m` must still be exact.
        #[test]
        fn near_the_modulus(x in 1u64..1 << 40, y in 1u64..1 << 40, b in any::<[u64; 4]>()) {
            for m in [&P_CPA, &P_TEST] {
                let a = limbs::sub(&m.m, &[x, 0, 0, 0]).0;
                let c = limbs::sub(&m.m, &[y, 0, 0, 0]).0;
                let b = residue(m, b);
                for (u, v) in [(a, c), (a, b), (b, c)] {
                    let sum = m.decode(&m.add(&m.encode(&u), &m.encode(&v)));
                    let (wide, carry) = limbs::add(&u, &v);
                    let expected = if carry == 1 || limbs::cmp(&wide, &m.m) != Ordering::Less {
                        limbs::sub(&wide, &m.m).0
                    } else {
                        wide
                    };
                    prop_assert_eq!(sum, expected);
                    let got = m.decode(&m.mul(&m.encode(&u), &m.encode(&v)));
                    prop_assert_eq!(got, reference_mul(&m.m, &u, &v));
                    let sq = m.decode(&m.sqr(&m.encode(&u)));
                    prop_assert_eq!(sq, reference_mul(&m.m, &u, &u));
                }
                // Sums and products that land in [m, 2^256) before the last
                // reduction: (m - x) + (x + d) = m + d, and 2 (m + k) / 2 = m + k.
                let d = y % 600;
                let v = [x + d, 0, 0, 0];
                let sum = m.decode(&m.add(&m.encode(&a), &m.encode(&v)));
                prop_assert_eq!(sum, [d, 0, 0, 0]);
                let k = 2 * (y % 300) + 1;
                let half = limbs::add(&m.m, &[k, 0, 0, 0]).0;
                let mut half_of = half;
                limbs::shr1(&mut half_of, 0);
                let got = m.decode(&m.mul(&m.encode(&[2, 0, 0, 0]), &m.encode(&half_of)));
                prop_assert_eq!(got, [k, 0, 0, 0]);
                // -x * -y = x y: a product far below m from operands just under it.
                let got = m.decode(&m.mul(&m.encode(&a), &m.encode(&c)));
                prop_assert_eq!(got, reference_mul(&m.m, &[x, 0, 0, 0], &[y, 0, 0, 0]));
            }
        }
    }

    #[test]
    fn extreme_squares() {
        let max8 = [u64::MAX; 8];
        assert_eq!(limbs::sqr_wide(&max8), limbs::mul_wide(&max8, &max8));
        let max4 = [u64::MAX; 4];
        assert_eq!(limbs::sqr_wide(&max4), limbs::mul_wide(&max4, &max4));
        let top = limbs::sub(&P_CPA.m, &limbs::one()).0;
        assert_eq!(P_CPA.sqr(&top), limbs::one());
    }

    #[test]
    fn extremes_reduce() {
        for m in [&P_CPA, &P_TEST] {
            let top = limbs::sub(&m.m, &limbs::one()).0; // m - 1 = -1
            let x = m.encode(&top);
            assert_eq!(m.decode(&m.mul(&x, &x)), limbs::one());
            // encode reduces values at or above m.
            assert_eq!(
                m.decode(&m.encode(&[u64::MAX; 4])),
                m.reduce_slow(&[u64::MAX; 4])
            );
        }
    }
}
