//! Points of a short Weierstrass curve in Jacobian coordinates and the
//! double-scalar multiplication `u1 P + u2 Q` that signature verification needs.
//!
//! A point `(X : Y : Z)` stands for the affine `(X / Z^2, Y / Z^3)`; `Z = 0` is
//! the point at infinity `O`. Doubling uses the `a = -3` formula when the
//! curve allows it (every CryptoPro and TC26 set but the two Edwards ones and
//! the test sets, and TC26-512-C's isomorphic image) and the general one
//! otherwise, without the multiplication by `a` when `a = 1` (TC26-256-A's
//! image); addition is the general
//! Jacobian formula with every exceptional case (`O`, `P = Q`, `P = -Q`)
//! handled, so the result is correct for all inputs, not only for the
//! "random-looking" ones. The double-scalar product uses interleaved NAF: one
//! shared chain of doublings and an addition per non-zero digit of either
//! scalar — width 5 (256 bits) or 6 (512 bits) with odd multiples computed
//! per call for the key, width 8 with the precomputed affine multiples of
//! `base_tables` (mixed additions) for the base point of the curves that
//! have them; for a kept key, the split tables of [`super::split`] (a
//! quarter of the doublings). The final comparison
//! with `r` needs no inversion: it tests `X = (r + k q) Z^2` for the few `k`
//! with `r + k q < p`.
//!
//! Verification handles no secret data, so nothing here is constant time.
// wNAF digits index tables of 2^(w-2) entries with odd |d| < 2^(w-1): (|d| - 1) / 2 < 2^(w-2).
#![allow(clippy::indexing_slicing)]

use super::base_tables::BASE_WIDTH;
use super::field::Modulus;
use super::limbs;
use super::params::CurveDef;
use super::split::SplitTable;

/// The widest NAF window of a per-call table ([`Curve::KEY_WIDTH`]).
const MAX_WIDTH: u32 = 6;
/// Room for the odd multiples of the widest window: `P, 3P, ..., 31P`.
const TABLE: usize = 1 << (MAX_WIDTH - 2);
/// Digits of a wNAF of a 512-bit scalar (one more than the bit length).
const MAX_DIGITS: usize = 513;

/// A point in Jacobian coordinates (internal field representation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Jacobian<const N: usize> {
    x: [u64; N],
    y: [u64; N],
    z: [u64; N],
}

impl<const N: usize> Jacobian<N> {
    /// The point at infinity.
    pub(crate) const INFINITY: Self = Self {
        x: [0; N],
        y: [0; N],
        z: [0; N],
    };

    /// Whether this is the point at infinity.
    pub(crate) fn is_infinity(&self) -> bool {
        limbs::is_zero(&self.z)
    }
}

/// A curve ready for arithmetic: coefficients in the field representation.
pub(crate) struct Curve<'a, const N: usize> {
    /// The constants the curve was built from.
    pub def: &'a CurveDef<N>,
    a: [u64; N],
    b: [u64; N],
    doubling: Doubling,
}

/// Which doubling formula a curve's `a` allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Doubling {
    /// `a = -3`: dbl-2001-b, 3M + 5S.
    MinusThree,
    /// `a = 1`: dbl-2007-bl without the multiplication by `a`, 1M + 8S.
    One,
    /// Any other `a`: dbl-2007-bl, 2M + 8S.
    General,
}

impl<'a, const N: usize> Curve<'a, N> {
    /// Width of the NAF windows of a point whose odd multiples are computed
    /// per call (the key's): digits are odd and `|d| < 2^(w-1)`, the table
    /// holds `2^(w-2)` points. 5 on the 256-bit curves, 6 on the 512-bit
    /// ones, where the longer scalar pays for the larger table
    /// (BENCHMARKS.md: instructions per verification, both widths on both sizes).
    const KEY_WIDTH: u32 = if N >= 8 { MAX_WIDTH } else { 5 };
    /// Odd multiples computed per call: `P, 3P, ..., (2^(w-1) - 1) P`.
    const KEY_TABLE: usize = 1 << (Self::KEY_WIDTH - 2);

    /// Prepares a curve for arithmetic.
    pub(crate) fn new(def: &'a CurveDef<N>) -> Self {
        let fp = &def.p;
        let a = fp.encode(&def.a);
        let minus_3 = fp.neg(&fp.add(&fp.one(), &fp.dbl(&fp.one())));
        Self {
            def,
            a,
            b: fp.encode(&def.b),
            doubling: if a == minus_3 {
                Doubling::MinusThree
            } else if a == fp.one() {
                Doubling::One
            } else {
                Doubling::General
            },
        }
    }

    fn fp(&self) -> &Modulus<N> {
        &self.def.p
    }

    /// Whether the affine point `(x, y)` (plain integers) has canonical
    /// coordinates (`< p`) and satisfies `y^2 = x^3 + a x + b`.
    pub(crate) fn is_on_curve(&self, x: &[u64; N], y: &[u64; N]) -> bool {
        let fp = self.fp();
        if !fp.is_canonical(x) || !fp.is_canonical(y) {
            return false;
        }
        let (x, y) = (fp.encode(x), fp.encode(y));
        let rhs = fp.add(&fp.mul(&fp.add(&fp.sqr(&x), &self.a), &x), &self.b);
        fp.sqr(&y) == rhs
    }

    /// The Jacobian form of an affine point given as plain integers `< p`.
    pub(crate) fn point(&self, x: &[u64; N], y: &[u64; N]) -> Jacobian<N> {
        let fp = self.fp();
        Jacobian {
            x: fp.encode(x),
            y: fp.encode(y),
            z: fp.one(),
        }
    }

    /// The base point `P` of the parameter set.
    pub(crate) fn generator(&self) -> Jacobian<N> {
        self.point(&self.def.x, &self.def.y)
    }

    /// Whether the affine x-coordinate of `p`, reduced modulo `q`, equals
    /// `r` (plain, `0 < r < q`), without inverting `Z`: the candidates are
    /// `x = r + k q < p`, each checked as `x Z^2 = X` (one candidate on the
    /// curves with cofactor 1 and `q > p / 2`, up to `h + 1` otherwise).
    /// With a `scale` (plain, non-zero) the x-coordinate is first divided
    /// by it, `scale (r + k q) Z^2 = X`: verification on an isomorphic
    /// curve compares `x' / u^2` ([`super::params::Isomorphism`]).
    pub(crate) fn x_mod_q_equals(
        &self,
        p: &Jacobian<N>,
        r: &[u64; N],
        scale: Option<&[u64; N]>,
    ) -> bool {
        if p.is_infinity() {
            return false;
        }
        let fp = self.fp();
        let mut zz = fp.sqr(&p.z);
        if let Some(scale) = scale {
            zz = fp.mul(&zz, &fp.encode(scale));
        }
        let mut candidate = *r;
        while fp.is_canonical(&candidate) {
            if fp.mul(&fp.encode(&candidate), &zz) == p.x {
                return true;
            }
            let (next, carry) = limbs::add(&candidate, &self.def.q.m);
            if carry != 0 {
                break;
            }
            candidate = next;
        }
        false
    }

    /// The affine x-coordinate as a plain integer, `None` for infinity.
    #[cfg(test)]
    pub(crate) fn affine_x(&self, p: &Jacobian<N>) -> Option<[u64; N]> {
        if p.is_infinity() {
            return None;
        }
        let fp = self.fp();
        let zi = fp.inv(&p.z);
        Some(fp.decode(&fp.mul(&p.x, &fp.sqr(&zi))))
    }

    /// The affine coordinates as plain integers, `None` for infinity.
    #[cfg(test)]
    pub(crate) fn affine(&self, p: &Jacobian<N>) -> Option<([u64; N], [u64; N])> {
        if p.is_infinity() {
            return None;
        }
        let fp = self.fp();
        let zi = fp.inv(&p.z);
        let zi2 = fp.sqr(&zi);
        let x = fp.mul(&p.x, &zi2);
        let y = fp.mul(&p.y, &fp.mul(&zi2, &zi));
        Some((fp.decode(&x), fp.decode(&y)))
    }

    /// `-P`.
    pub(crate) fn neg(&self, p: &Jacobian<N>) -> Jacobian<N> {
        Jacobian {
            x: p.x,
            y: self.fp().neg(&p.y),
            z: p.z,
        }
    }

    /// `2 P`; infinity and points of order two give infinity.
    pub(crate) fn double(&self, p: &Jacobian<N>) -> Jacobian<N> {
        let fp = self.fp();
        if self.doubling == Doubling::MinusThree {
            // dbl-2001-b: 3M + 5S.
            let delta = fp.sqr(&p.z);
            let gamma = fp.sqr(&p.y);
            let beta = fp.mul(&p.x, &gamma);
            let t = fp.mul(&fp.sub(&p.x, &delta), &fp.add(&p.x, &delta));
            let alpha = fp.add(&fp.dbl(&t), &t);
            let beta4 = fp.dbl(&fp.dbl(&beta));
            let x3 = fp.sub(&fp.sqr(&alpha), &fp.dbl(&beta4));
            let z3 = fp.sub(&fp.sub(&fp.sqr(&fp.add(&p.y, &p.z)), &gamma), &delta);
            let gamma2 = fp.sqr(&gamma);
            let gamma2_8 = fp.dbl(&fp.dbl(&fp.dbl(&gamma2)));
            let y3 = fp.sub(&fp.mul(&alpha, &fp.sub(&beta4, &x3)), &gamma2_8);
            Jacobian {
                x: x3,
                y: y3,
                z: z3,
            }
        } else {
            // dbl-2007-bl: 1M + 8S + 1*a (no multiplication when a = 1).
            let xx = fp.sqr(&p.x);
            let yy = fp.sqr(&p.y);
            let yyyy = fp.sqr(&yy);
            let zz = fp.sqr(&p.z);
            let s = fp.dbl(&fp.sub(&fp.sub(&fp.sqr(&fp.add(&p.x, &yy)), &xx), &yyyy));
            let zzzz = fp.sqr(&zz);
            let a_zzzz = if self.doubling == Doubling::One {
                zzzz
            } else {
                fp.mul(&self.a, &zzzz)
            };
            let m = fp.add(&fp.add(&fp.dbl(&xx), &xx), &a_zzzz);
            let x3 = fp.sub(&fp.sqr(&m), &fp.dbl(&s));
            let yyyy8 = fp.dbl(&fp.dbl(&fp.dbl(&yyyy)));
            let y3 = fp.sub(&fp.mul(&m, &fp.sub(&s, &x3)), &yyyy8);
            let z3 = fp.sub(&fp.sub(&fp.sqr(&fp.add(&p.y, &p.z)), &yy), &zz);
            Jacobian {
                x: x3,
                y: y3,
                z: z3,
            }
        }
    }

    /// `P + Q` for any two points (add-2007-bl with the exceptional cases).
    pub(crate) fn add(&self, p: &Jacobian<N>, q: &Jacobian<N>) -> Jacobian<N> {
        if p.is_infinity() {
            return *q;
        }
        if q.is_infinity() {
            return *p;
        }
        let fp = self.fp();
        let z1z1 = fp.sqr(&p.z);
        let z2z2 = fp.sqr(&q.z);
        let u1 = fp.mul(&p.x, &z2z2);
        let u2 = fp.mul(&q.x, &z1z1);
        let s1 = fp.mul(&p.y, &fp.mul(&q.z, &z2z2));
        let s2 = fp.mul(&q.y, &fp.mul(&p.z, &z1z1));
        let h = fp.sub(&u2, &u1);
        let rr = fp.sub(&s2, &s1);
        if limbs::is_zero(&h) {
            return if limbs::is_zero(&rr) {
                self.double(p)
            } else {
                Jacobian::INFINITY
            };
        }
        let i = fp.sqr(&fp.dbl(&h));
        let j = fp.mul(&h, &i);
        let r = fp.dbl(&rr);
        let v = fp.mul(&u1, &i);
        let x3 = fp.sub(&fp.sub(&fp.sqr(&r), &j), &fp.dbl(&v));
        let y3 = fp.sub(&fp.mul(&r, &fp.sub(&v, &x3)), &fp.dbl(&fp.mul(&s1, &j)));
        let z3 = fp.mul(
            &fp.sub(&fp.sub(&fp.sqr(&fp.add(&p.z, &q.z)), &z1z1), &z2z2),
            &h,
        );
        Jacobian {
            x: x3,
            y: y3,
            z: z3,
        }
    }

    /// `P + (x2, ±y2)` for an affine point in the field representation
    /// (madd-2007-bl, 7M + 4S, with the exceptional cases).
    pub(crate) fn add_affine(
        &self,
        p: &Jacobian<N>,
        x2: &[u64; N],
        y2: &[u64; N],
        negate: bool,
    ) -> Jacobian<N> {
        let fp = self.fp();
        let (x2, y2) = (*x2, if negate { fp.neg(y2) } else { *y2 });
        if p.is_infinity() {
            return Jacobian {
                x: x2,
                y: y2,
                z: fp.one(),
            };
        }
        let z1z1 = fp.sqr(&p.z);
        let u2 = fp.mul(&x2, &z1z1);
        let s2 = fp.mul(&y2, &fp.mul(&p.z, &z1z1));
        let h = fp.sub(&u2, &p.x);
        let rr = fp.sub(&s2, &p.y);
        if limbs::is_zero(&h) {
            return if limbs::is_zero(&rr) {
                self.double(p)
            } else {
                Jacobian::INFINITY
            };
        }
        let hh = fp.sqr(&h);
        let i = fp.dbl(&fp.dbl(&hh));
        let j = fp.mul(&h, &i);
        let r = fp.dbl(&rr);
        let v = fp.mul(&p.x, &i);
        let x3 = fp.sub(&fp.sub(&fp.sqr(&r), &j), &fp.dbl(&v));
        let y3 = fp.sub(&fp.mul(&r, &fp.sub(&v, &x3)), &fp.dbl(&fp.mul(&p.y, &j)));
        let z3 = fp.sub(&fp.sub(&fp.sqr(&fp.add(&p.z, &h)), &z1z1), &hh);
        Jacobian {
            x: x3,
            y: y3,
            z: z3,
        }
    }

    /// `k1 P + k2 Q` for the base point `P`: with the precomputed table of
    /// the curve when it has one (width-8 digits, mixed additions), else
    /// through [`Self::double_mul`].
    pub(crate) fn base_double_mul(
        &self,
        k1: &[u64; N],
        k2: &[u64; N],
        q: &Jacobian<N>,
    ) -> Jacobian<N> {
        let Some(table) = self.def.base_table else {
            return self.double_mul(k1, &self.generator(), k2, q);
        };
        let (d1, len1) = wnaf(k1, BASE_WIDTH);
        let (d2, len2) = wnaf(k2, Self::KEY_WIDTH);
        let t2 = self.odd_multiples(q);
        let mut acc = Jacobian::INFINITY;
        for i in (0..len1.max(len2)).rev() {
            acc = self.double(&acc);
            let digit = d1[i];
            if digit != 0 {
                let (x, y) = &table[(digit.unsigned_abs() as usize - 1) / 2];
                let fp = self.fp();
                acc = self.add_affine(&acc, &fp.encode(x), &fp.encode(y), digit < 0);
            }
            let digit = d2[i];
            if digit > 0 {
                acc = self.add(&acc, &t2[(digit as usize - 1) / 2]);
            } else if digit < 0 {
                acc = self.add(&acc, &self.neg(&t2[(-digit as usize - 1) / 2]));
            }
        }
        acc
    }

    /// `k1 P + k2 Q` with the split tables of `P` and `Q`
    /// ([`super::split`]): one chain of 64 doublings shared by the limbs
    /// of both scalars, mixed additions only.
    pub(crate) fn split_double_mul(
        &self,
        k1: &[u64; N],
        p: &SplitTable<N>,
        k2: &[u64; N],
        q: &SplitTable<N>,
    ) -> Jacobian<N> {
        // Two scalars of at most eight limbs: at most 16 parts.
        let mut digits = [[0i8; LIMB_DIGITS]; 16];
        let parts = SplitTable::<N>::PARTS;
        for (slot, (k, table)) in digits.chunks_exact_mut(parts).zip([(k1, p), (k2, q)]) {
            for (d, limb) in slot.iter_mut().zip(k) {
                *d = limb_wnaf(*limb, table.width());
            }
        }
        let tables = [p, q];
        let mut acc = Jacobian::INFINITY;
        for i in (0..LIMB_DIGITS).rev() {
            if !acc.is_infinity() {
                acc = self.double(&acc);
            }
            for (index, d) in digits.iter().take(2 * parts).enumerate() {
                let digit = d[i];
                if digit != 0 {
                    let table = tables[index / parts];
                    if let Some((x, y)) = table.entry(index % parts, digit) {
                        acc = self.add_affine(&acc, x, y, digit < 0);
                    }
                }
            }
        }
        acc
    }

    /// The affine forms, in the field representation, of points none of
    /// which is infinity (one inversion for all: Montgomery's trick);
    /// `None` if one is.
    pub(crate) fn to_affine_batch(
        &self,
        points: &[Jacobian<N>],
    ) -> Option<Vec<([u64; N], [u64; N])>> {
        let fp = self.fp();
        // prefix[i] = z_0 ... z_i
        let mut prefix = Vec::with_capacity(points.len());
        let mut product = fp.one();
        for point in points {
            if point.is_infinity() {
                return None;
            }
            product = fp.mul(&product, &point.z);
            prefix.push(product);
        }
        let mut inverse = fp.inv(&product);
        let mut affine = vec![([0u64; N], [0u64; N]); points.len()];
        for i in (0..points.len()).rev() {
            // inverse = (z_0 ... z_i)^-1 here.
            let z_inv = if i == 0 {
                inverse
            } else {
                fp.mul(&inverse, &prefix[i - 1])
            };
            inverse = fp.mul(&inverse, &points[i].z);
            let z_inv2 = fp.sqr(&z_inv);
            affine[i] = (
                fp.mul(&points[i].x, &z_inv2),
                fp.mul(&points[i].y, &fp.mul(&z_inv2, &z_inv)),
            );
        }
        Some(affine)
    }

    /// Whether two points are equal (compares `X1 Z2^2 = X2 Z1^2`, `Y1 Z2^3 = Y2 Z1^3`).
    #[cfg(test)]
    pub(crate) fn eq(&self, p: &Jacobian<N>, q: &Jacobian<N>) -> bool {
        match (p.is_infinity(), q.is_infinity()) {
            (true, true) => return true,
            (false, false) => {}
            _ => return false,
        }
        let fp = self.fp();
        let z1z1 = fp.sqr(&p.z);
        let z2z2 = fp.sqr(&q.z);
        fp.mul(&p.x, &z2z2) == fp.mul(&q.x, &z1z1)
            && fp.mul(&p.y, &fp.mul(&q.z, &z2z2)) == fp.mul(&q.y, &fp.mul(&p.z, &z1z1))
    }

    /// The odd multiples `P, 3P, ..., (2^(w-1) - 1) P` of the key's width
    /// (the rest of the array is unused).
    fn odd_multiples(&self, p: &Jacobian<N>) -> [Jacobian<N>; TABLE] {
        let mut t = [*p; TABLE];
        self.fill_odd_multiples(p, &mut t[..Self::KEY_TABLE]);
        t
    }

    /// Fills `out` with `P, 3P, 5P, ...`, as many as it holds.
    pub(crate) fn fill_odd_multiples(&self, p: &Jacobian<N>, out: &mut [Jacobian<N>]) {
        let Some((first, rest)) = out.split_first_mut() else {
            return;
        };
        *first = *p;
        let p2 = self.double(p);
        let mut multiple = *p;
        for slot in rest {
            multiple = self.add(&multiple, &p2);
            *slot = multiple;
        }
    }

    /// `k1 P1 + k2 P2` for scalars below `2^(64 N)` (interleaved wNAF).
    pub(crate) fn double_mul(
        &self,
        k1: &[u64; N],
        p1: &Jacobian<N>,
        k2: &[u64; N],
        p2: &Jacobian<N>,
    ) -> Jacobian<N> {
        let (d1, len1) = wnaf(k1, Self::KEY_WIDTH);
        let (d2, len2) = wnaf(k2, Self::KEY_WIDTH);
        let t1 = self.odd_multiples(p1);
        let t2 = self.odd_multiples(p2);
        let mut acc = Jacobian::INFINITY;
        for i in (0..len1.max(len2)).rev() {
            acc = self.double(&acc);
            for (digit, table) in [(d1[i], &t1), (d2[i], &t2)] {
                if digit > 0 {
                    acc = self.add(&acc, &table[(digit as usize - 1) / 2]);
                } else if digit < 0 {
                    acc = self.add(&acc, &self.neg(&table[(-digit as usize - 1) / 2]));
                }
            }
        }
        acc
    }

    /// `k P`.
    pub(crate) fn mul(&self, k: &[u64; N], p: &Jacobian<N>) -> Jacobian<N> {
        self.double_mul(k, p, &[0; N], &Jacobian::INFINITY)
    }
}

/// Digits of the wNAF of one limb: a 64-bit value has at most 65.
const LIMB_DIGITS: usize = 65;

/// The width-`w` non-adjacent form of one 64-bit limb (`w <= 8`), least
/// significant digit first, as [`wnaf`] gives it for a whole scalar.
fn limb_wnaf(k: u64, w: u32) -> [i8; LIMB_DIGITS] {
    let mut digits = [0i8; LIMB_DIGITS];
    let (half, full) = (1i128 << (w - 1), 1i128 << w);
    let mut v = i128::from(k);
    let mut i = 0;
    while v != 0 {
        // Skip the zeros at once.
        let zeros = v.trailing_zeros();
        v >>= zeros;
        i += zeros as usize;
        let window = v & (full - 1);
        let d = if window >= half {
            window - full
        } else {
            window
        };
        if let Some(slot) = digits.get_mut(i) {
            *slot = d as i8;
        }
        v -= d;
    }
    digits
}

/// The width-`w` non-adjacent form of `k` (`w <= 8`), least significant digit first,
/// with its length: every non-zero digit is odd, `|d| < 2^(w-1)`, and any
/// `w` consecutive digits hold at most one non-zero one.
fn wnaf<const N: usize>(k: &[u64; N], w: u32) -> ([i8; MAX_DIGITS], usize) {
    let mut digits = [0i8; MAX_DIGITS];
    // One spare limb absorbs the carry when a negative digit is subtracted.
    let mut v = [0u64; 9];
    v[..N].copy_from_slice(k);
    let mut len = 0;
    let mut i = 0;
    while v.iter().any(|&l| l != 0) && i < MAX_DIGITS {
        if v[0] & 1 == 1 {
            let window = (v[0] & ((1 << w) - 1)) as i64;
            let d = if window >= 1 << (w - 1) {
                window - (1 << w)
            } else {
                window
            };
            digits[i] = d as i8;
            // v -= d
            if d > 0 {
                let mut borrow;
                (v[0], borrow) = limbs::sbb(v[0], d as u64, 0);
                for limb in v.iter_mut().skip(1) {
                    (*limb, borrow) = limbs::sbb(*limb, 0, borrow);
                }
            } else {
                let mut carry;
                (v[0], carry) = limbs::adc(v[0], (-d) as u64, 0);
                for limb in v.iter_mut().skip(1) {
                    (*limb, carry) = limbs::adc(*limb, 0, carry);
                }
            }
            len = i + 1;
        }
        // v >>= 1
        for j in 0..8 {
            v[j] = (v[j] >> 1) | (v[j + 1] << 63);
        }
        v[8] >>= 1;
        i += 1;
    }
    (digits, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limb_s_wnaf_is_the_scalar_s() {
        for k in [
            0,
            1,
            2,
            0x7f,
            0x80,
            0xff,
            u64::MAX,
            1 << 63,
            0xdead_beef_0123_4567,
            0xaaaa_aaaa_aaaa_aaab,
        ] {
            for w in 3..=8 {
                let (whole, len) = wnaf(&[k, 0, 0, 0], w);
                let limb = limb_wnaf(k, w);
                assert!(len <= LIMB_DIGITS);
                assert_eq!(&limb[..], &whole[..LIMB_DIGITS], "{k:#x} width {w}");
            }
        }
    }

    #[test]
    fn wnaf_reconstructs_the_scalar() {
        let k: [u64; 4] = [
            0xdead_beef_0123_4567,
            u64::MAX,
            0x8000_0000_0000_0001,
            u64::MAX,
        ];
        for w in [5, MAX_WIDTH, BASE_WIDTH] {
            let (d, len) = wnaf(&k, w);
            // Horner evaluation in 5-limb two's complement.
            let mut acc = [0u64; 5];
            for i in (0..len).rev() {
                let mut carry = 0;
                for l in acc.iter_mut() {
                    let n = (*l << 1) | carry;
                    carry = *l >> 63;
                    *l = n;
                }
                let dv = d[i] as i64;
                let add = if dv >= 0 {
                    [dv as u64, 0, 0, 0, 0]
                } else {
                    [dv as u64, u64::MAX, u64::MAX, u64::MAX, u64::MAX]
                };
                let mut c = 0;
                for (a, b) in acc.iter_mut().zip(add) {
                    (*a, c) = limbs::adc(*a, b, c);
                }
            }
            assert_eq!(&acc[..4], &k[..]);
            assert_eq!(acc[4], 0);
            for i in 0..len {
                if d[i] != 0 {
                    assert!(d[i] % 2 != 0 && i32::from(d[i]).abs() < 1 << (w - 1));
                    for j in 1..(w as usize).min(len - i) {
                        assert_eq!(d[i + j], 0, "digits too close at {i}");
                    }
                }
            }
        }
    }
}
