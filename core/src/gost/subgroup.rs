//! Whether a point of a cofactor-4 curve lies in the subgroup of prime order,
//! decided by 2-descent instead of a scalar multiplication.
//!
//! The two twisted-Edwards sets (TC26-256-A, TC26-512-C) are used here in
//! their Weierstrass form `y^2 = x^3 + a x + b` with `#E = 4 q`. Their cubic
//! has exactly one root `e` in `GF(p)`, so the only rational point of order 2
//! is `T = (e, 0)` and the 2-part of the group is cyclic of order 4: `E =
//! Z/4 x Z/q`, and the subgroup of order `q` is `4E`. Membership in `4E` is
//! read from quadratic characters (both primes are `3 mod 4`, so a square
//! root is one exponentiation), which costs a fraction of the scalar
//! multiplication by `q` it replaces.
//!
//! With `X = x - e` the curve is `y^2 = X (X^2 + alpha X + beta)`, `alpha =
//! 3e`, `beta = 3e^2 + a`, and:
//! - `P` is in `2E` exactly when `X(P)` is a non-zero square (the 2-descent
//!   map `P -> X(P)` mod squares is injective on `E/2E`: the other factor of
//!   the descent algebra is `GF(p^2)`, where being a square is read from the
//!   norm, which is `y^2 / X`);
//! - a half `R` of such a `P` (`2R = P`) has `w = X_R + beta / X_R` equal
//!   to `2X +- 2 sqrt(X^2 + alpha X + beta)` (a square root that exists
//!   exactly when `X` is a non-zero square, since it is `y^2 / X`), and
//!   `X_R` a root of `Z^2 - w Z + beta`. For one sign the roots are the
//!   x-coordinates of the two rational halves `R` and `R + T`; for the
//!   other they are those of `R + T'` with `T'` of order 2 outside `GF(p)`,
//!   which are not in `GF(p)` (Frobenius would otherwise map `R + T'` to
//!   `-(R + T')`, making `P = T`), so that sign's discriminant is not a
//!   square;
//! - `P` is in `4E` exactly when such a half is in `2E`, i.e. when `X_R` is a
//!   square (`T` is in `2E`, so either half answers alike).
//!
//! The tests compare the answer with `q P == O` on random curve points and
//! on points with each torsion component added.

use core::cmp::Ordering;

use super::field::Modulus;
use super::limbs;
use super::params::CurveDef;

/// Whether the on-curve affine point `(x, y)` (plain integers `< p`) lies in
/// the subgroup of order `q` of a cofactor-4 curve whose 2-torsion point has
/// the x-coordinate `e` (plain).
pub(crate) fn in_prime_subgroup<const N: usize>(
    def: &CurveDef<N>,
    e: &[u64; N],
    x: &[u64; N],
) -> bool {
    let fp = &def.p;
    let e = fp.encode(e);
    let big_x = fp.sub(&fp.encode(x), &e);
    if limbs::is_zero(&big_x) {
        return false; // the point of order 2
    }
    let three_e = fp.add(&fp.dbl(&e), &e);
    let alpha = three_e;
    let beta = fp.add(&fp.mul(&three_e, &e), &fp.encode(&def.a));
    let norm = fp.add(&fp.mul(&fp.add(&big_x, &alpha), &big_x), &beta);
    let Some(s) = sqrt(fp, &norm) else {
        return false; // X is not a square: P is outside 2E
    };
    let two_x = fp.dbl(&big_x);
    let four_beta = fp.dbl(&fp.dbl(&beta));
    for w in [fp.add(&two_x, &fp.dbl(&s)), fp.sub(&two_x, &fp.dbl(&s))] {
        let Some(root) = sqrt(fp, &fp.sub(&fp.sqr(&w), &four_beta)) else {
            continue;
        };
        return is_nonzero_square(fp, &halve(fp, &fp.add(&w, &root)));
    }
    false // not reached: a point of 2E has a rational half
}

/// The least significant limb.
fn low<const N: usize>(a: &[u64; N]) -> u64 {
    a.first().copied().unwrap_or(0)
}

/// `a / 2` of an element (in the modulus' own representation, which is
/// linear, so halving the residue halves the value).
fn halve<const N: usize>(fp: &Modulus<N>, a: &[u64; N]) -> [u64; N] {
    let mut h = *a;
    if low(&h) & 1 == 0 {
        limbs::shr1(&mut h, 0);
    } else {
        let (s, carry) = limbs::add(&h, &fp.m);
        h = s;
        limbs::shr1(&mut h, carry);
    }
    h
}

/// `a^e` by fixed 4-bit windows, most significant first.
fn pow<const N: usize>(fp: &Modulus<N>, a: &[u64; N], e: &[u64; N]) -> [u64; N] {
    let mut table = [fp.one(); 16];
    let mut prev = fp.one();
    for entry in table.iter_mut().skip(1) {
        prev = fp.mul(&prev, a);
        *entry = prev;
    }
    let mut r = fp.one();
    for limb in e.iter().rev() {
        for shift in (0..16).rev() {
            for _ in 0..4 {
                r = fp.sqr(&r);
            }
            let digit = (limb >> (4 * shift)) & 0xF;
            if digit != 0 {
                r = table.get(digit as usize).map_or(r, |t| fp.mul(&r, t));
            }
        }
    }
    r
}

/// A square root of `a` for a modulus `3 mod 4`: `a^((p + 1) / 4)`, kept
/// when its square is `a`.
pub(crate) fn sqrt<const N: usize>(fp: &Modulus<N>, a: &[u64; N]) -> Option<[u64; N]> {
    let (mut e, carry) = limbs::add(&fp.m, &limbs::one());
    limbs::shr1(&mut e, carry);
    limbs::shr1(&mut e, 0);
    let r = pow(fp, a, &e);
    (fp.sqr(&r) == *a).then_some(r)
}

/// Whether `a` is a non-zero square: its Jacobi symbol modulo the prime,
/// by the binary algorithm on plain integers (no exponentiation).
fn is_nonzero_square<const N: usize>(fp: &Modulus<N>, a: &[u64; N]) -> bool {
    let mut a = fp.decode(a);
    let mut n = fp.m;
    let mut positive = true;
    loop {
        if limbs::is_zero(&a) {
            return n == limbs::one() && positive;
        }
        while low(&a) & 1 == 0 {
            limbs::shr1(&mut a, 0);
            if matches!(low(&n) & 7, 3 | 5) {
                positive = !positive;
            }
        }
        if limbs::cmp(&a, &n) == Ordering::Less {
            core::mem::swap(&mut a, &mut n);
            if low(&a) & 3 == 3 && low(&n) & 3 == 3 {
                positive = !positive;
            }
        }
        a = limbs::sub(&a, &n).0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gost::curve::{Curve, Jacobian};
    use crate::gost::params::{CurveRef, ParamSet};
    use proptest::prelude::*;

    /// The curve point of plain x-coordinate `x`, when `x^3 + a x + b` is a square.
    fn point_at<const N: usize>(def: &CurveDef<N>, x: &[u64; N]) -> Option<[u64; N]> {
        let fp = &def.p;
        let xr = fp.encode(x);
        let rhs = fp.add(
            &fp.mul(&fp.add(&fp.sqr(&xr), &fp.encode(&def.a)), &xr),
            &fp.encode(&def.b),
        );
        sqrt(fp, &rhs).map(|y| fp.decode(&y))
    }

    /// The answer of the descent, beside the reference `q P == O`.
    fn both<const N: usize>(def: &CurveDef<N>, x: &[u64; N], y: &[u64; N]) -> (bool, bool) {
        let curve = Curve::new(def);
        assert!(curve.is_on_curve(x, y));
        let e = def.two_torsion_x.expect("a cofactor-4 curve");
        let reference = curve.mul(&def.q.m, &curve.point(x, y)).is_infinity();
        (in_prime_subgroup(def, &e, x), reference)
    }

    /// A point of order 4: `q R` for curve points `R` until one is.
    fn order_four<const N: usize>(def: &CurveDef<N>) -> Jacobian<N> {
        let curve = Curve::new(def);
        for i in 1u64..200 {
            let mut x = [0u64; N];
            x[0] = i;
            let Some(y) = point_at(def, &x) else { continue };
            let t = curve.mul(&def.q.m, &curve.point(&x, &y));
            if !curve.double(&t).is_infinity() {
                return t;
            }
        }
        panic!("no point of order 4 among the first x")
    }

    /// The two curves with cofactor 4.
    fn cofactor_four() -> (&'static CurveDef<4>, &'static CurveDef<8>) {
        let (CurveRef::W256(a), CurveRef::W512(c)) = (
            ParamSet::Tc26Gost256A.curve(),
            ParamSet::Tc26Gost512C.curve(),
        ) else {
            panic!("TC26-256-A is a 256-bit curve, TC26-512-C a 512-bit one")
        };
        (a, c)
    }

    fn constants_hold<const N: usize>(def: &CurveDef<N>) {
        let fp = &def.p;
        let e = fp.encode(&def.two_torsion_x.expect("the 2-torsion point"));
        let a = fp.encode(&def.a);
        // e is a root of x^3 + a x + b ...
        let cubic = fp.add(&fp.mul(&fp.add(&fp.sqr(&e), &a), &e), &fp.encode(&def.b));
        assert!(limbs::is_zero(&cubic));
        // ... and the only one: x^2 + e x + e^2 + a has a non-square discriminant.
        let c0 = fp.add(&fp.sqr(&e), &a);
        let disc = fp.sub(&fp.sqr(&e), &fp.dbl(&fp.dbl(&c0)));
        assert!(!is_nonzero_square(fp, &disc));
        // p = 3 mod 4, which the square root needs.
        assert_eq!(low(&fp.m) & 3, 3);
        // The base point is in the subgroup, a point of order 4 and its double are not.
        assert_eq!(both(def, &def.x, &def.y), (true, true));
        let curve = Curve::new(def);
        let t4 = order_four(def);
        for t in [t4, curve.double(&t4)] {
            let (x, y) = curve.affine(&t).expect("a finite point");
            assert_eq!(both(def, &x, &y), (false, false));
        }
    }

    #[test]
    fn the_two_torsion_points_are_the_only_rational_ones() {
        let (a, c) = cofactor_four();
        constants_hold(a);
        constants_hold(c);
        for set in ParamSet::ALL {
            let has = match set.curve() {
                CurveRef::W256(d) => (d.cofactor, d.two_torsion_x.is_some()),
                CurveRef::W512(d) => (d.cofactor, d.two_torsion_x.is_some()),
            };
            assert!(matches!(has, (1, false) | (4, true)), "{set:?}: {has:?}");
        }
    }

    #[test]
    fn jacobi_symbols_of_small_numbers() {
        let (a, _) = cofactor_four();
        let fp = &a.p;
        let sq = |v: u64| is_nonzero_square(fp, &fp.encode(&[v, 0, 0, 0]));
        assert!(!sq(0));
        assert!(sq(1) && sq(4) && sq(9));
        // p = 3 mod 4: -1 is not a square, so exactly one of v, -v is.
        for v in 1..50u64 {
            let e = fp.encode(&[v, 0, 0, 0]);
            assert_ne!(
                is_nonzero_square(fp, &e),
                is_nonzero_square(fp, &fp.neg(&e)),
                "{v}"
            );
            assert_eq!(is_nonzero_square(fp, &e), sqrt(fp, &e).is_some(), "{v}");
        }
    }

    /// Each point of the subgroup, moved by each point of order dividing 4,
    /// is answered as `q P == O` answers.
    fn torsion_shifts<const N: usize>(def: &CurveDef<N>, k: &[u64; N]) {
        let curve = Curve::new(def);
        let t4 = order_four(def);
        let mut p = curve.mul(k, &curve.generator());
        for j in 0..4 {
            if let Some((x, y)) = curve.affine(&p) {
                assert_eq!(both(def, &x, &y), (j == 0, j == 0), "shift {j}");
            }
            p = curve.add(&p, &t4);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn random_points_answer_as_the_scalar_multiplication(
            x256 in any::<[u64; 4]>(),
            x512 in any::<[u64; 8]>(),
        ) {
            let (a, c) = cofactor_four();
            let x = a.p.reduce_slow(&x256);
            if let Some(y) = point_at(a, &x) {
                let (got, want) = both(a, &x, &y);
                prop_assert_eq!(got, want);
            }
            let x = c.p.reduce_slow(&x512);
            if let Some(y) = point_at(c, &x) {
                let (got, want) = both(c, &x, &y);
                prop_assert_eq!(got, want);
            }
        }

        #[test]
        fn subgroup_points_with_torsion_added(k256 in any::<[u64; 4]>(), k512 in any::<[u64; 8]>()) {
            let (a, c) = cofactor_four();
            torsion_shifts(a, &k256);
            torsion_shifts(c, &k512);
        }
    }
}
