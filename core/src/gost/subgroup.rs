//! Whether a point of a cofactor-4 curve lies in the subgroup of prime order,
//! decided by 2-descent instead of a scalar multiplication.
//!
//! The two twisted-Edwards sets (TC26-256-A, TC26-512-C) are used here in
//! their Weierstrass form `y^2 = x^3 + a x + b` with `#E = 4 q`. Their cubic
//! has exactly one root `e` in `GF(p)`, so the only rational point of order 2
//! is `T = (e, 0)` and the 2-part of the group is cyclic of order 4: `E =
//! Z/4 x Z/q`, and the subgroup of order `q` is `4E`. Membership in `4E` is
//! read from quadratic characters (Jacobi symbols) and one square root (both
//! primes are `3 mod 4`, so it is one exponentiation), a fraction of the
//! scalar multiplication by `q` it replaces.
//!
//! With `X = x - e` the curve is `y^2 = X (X^2 + alpha X + beta)`, `alpha =
//! 3e`, `beta = 3e^2 + a`. Let `phi: E -> E'` be the 2-isogeny with kernel
//! `{O, T}`, onto `E': Y^2 = X (X^2 - 2 alpha X + alpha^2 - 4 beta)`, and
//! `phi'` its dual, so that `phi' phi = 2`:
//! - `beta` is a square on both curves (checked by the tests), so the cubic
//!   of `E'` has three rational roots, `0` and `r = alpha +- 2 sqrt(beta)`
//!   and its 2-part is `Z/2 x Z/2`: `2E'` is its subgroup of order `q`, and
//!   `4E = phi'(phi(2E)) = phi'(2E')` (`phi(E)` has index 2 in `E'`, so
//!   `2 phi(E)` is the subgroup of order `q` too);
//! - the points `Q'` with `phi'(Q') = P` have `X(Q')` the roots of
//!   `Z^2 - 2 (alpha + 2X) Z + alpha^2 - 4 beta`, i.e. `alpha + 2X +- 2s`
//!   with `s^2 = X^2 + alpha X + beta = y^2 / X`: `s` exists exactly when `P` is in
//!   `phi'(E') = 2E` (the 2-descent of `E`: the other factor of its descent
//!   algebra is `GF(p^2)`, where being a square is read from the norm);
//! - `Q'` is in `2E'` exactly when `X(Q')` and `X(Q') - r` are non-zero
//!   squares (the full 2-descent of `E'`, the third factor being their
//!   product with a square).
//!
//! So `P` is in the subgroup exactly when `s` exists and, for one of the two
//! preimages `X'_1, X'_2 = alpha + 2X +- 2s`, both characters are 1. Their
//! characters are tied: `X'_1 X'_2 = alpha^2 - 4 beta`, and `(X'_1 - r)
//! (X'_2 - r) = -4 X r`. On both curves `alpha^2 - 4 beta` is not a square
//! and the `r` kept is not one either (the tests check both, with `p = 3
//! mod 4`, where `-1` is not a square), so exactly one of `X'_1, X'_2` is a
//! square and `X'_1 - r`, `X'_2 - r` are squares together: the condition is
//! that `X'_1 - r` is a non-zero square. One square root and one Jacobi
//! symbol.
//!
//! The tests compare the answer with `q P == O` on random curve points of
//! both curves and on subgroup points moved by each point of order dividing
//! 4.

use core::cmp::Ordering;

use super::field::Modulus;
use super::limbs;
use super::params::CurveDef;

/// The constants of the test, as plain integers: the x-coordinate `e` of the
/// rational point of order 2, and a non-zero root `r` of `Z^2 - 2 alpha Z +
/// alpha^2 - 4 beta` (a point of order 2 of the isogenous curve).
#[derive(Debug, Clone, Copy)]
pub(crate) struct TwoTorsion<const N: usize> {
    /// `e`, with `e^3 + a e + b = 0`.
    pub e: [u64; N],
    /// `r = alpha + 2 sqrt(beta)`, in the shifted coordinate `X`.
    pub r: [u64; N],
}

/// Whether the on-curve affine point with plain x-coordinate `x` (`< p`)
/// lies in the subgroup of order `q` of a cofactor-4 curve with the
/// constants `t`.
pub(crate) fn in_prime_subgroup<const N: usize>(
    def: &CurveDef<N>,
    t: &TwoTorsion<N>,
    x: &[u64; N],
) -> bool {
    let fp = &def.p;
    let e = fp.encode(&t.e);
    let big_x = fp.sub(&fp.encode(x), &e);
    if limbs::is_zero(&big_x) {
        return false; // the point of order 2
    }
    let alpha = fp.add(&fp.dbl(&e), &e);
    let beta = fp.add(&fp.mul(&alpha, &e), &fp.encode(&def.a));
    let norm = fp.add(&fp.mul(&fp.add(&big_x, &alpha), &big_x), &beta);
    let Some(s) = sqrt(fp, &norm) else {
        return false; // X is not a square: P is outside 2E
    };
    // X'_1 - r = alpha + 2X + 2s - r.
    let preimage = fp.add(&fp.add(&alpha, &fp.dbl(&big_x)), &fp.dbl(&s));
    is_nonzero_square(fp, &fp.sub(&preimage, &fp.encode(&t.r)))
}

/// The least significant limb.
fn low<const N: usize>(a: &[u64; N]) -> u64 {
    a.first().copied().unwrap_or(0)
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
        let t = def.two_torsion.expect("a cofactor-4 curve");
        let reference = curve.mul(&def.q.m, &curve.point(x, y)).is_infinity();
        (in_prime_subgroup(def, &t, x), reference)
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
        let t = def.two_torsion.expect("the 2-torsion constants");
        let e = fp.encode(&t.e);
        let a = fp.encode(&def.a);
        // e is a root of x^3 + a x + b ...
        let cubic = fp.add(&fp.mul(&fp.add(&fp.sqr(&e), &a), &e), &fp.encode(&def.b));
        assert!(limbs::is_zero(&cubic));
        // ... and the only one: x^2 + e x + e^2 + a has a non-square discriminant.
        let c0 = fp.add(&fp.sqr(&e), &a);
        let disc = fp.sub(&fp.sqr(&e), &fp.dbl(&fp.dbl(&c0)));
        assert!(!is_nonzero_square(fp, &disc));
        // beta is a square, so the isogenous curve's cubic splits, and r is
        // a non-zero root of Z^2 - 2 alpha Z + alpha^2 - 4 beta.
        let alpha = fp.add(&fp.dbl(&e), &e);
        let beta = fp.add(&fp.mul(&alpha, &e), &a);
        assert!(is_nonzero_square(fp, &beta));
        let r = fp.encode(&t.r);
        let four_beta = fp.dbl(&fp.dbl(&beta));
        let quadratic = fp.sub(
            &fp.add(
                &fp.sub(&fp.sqr(&r), &fp.dbl(&fp.mul(&alpha, &r))),
                &fp.sqr(&alpha),
            ),
            &four_beta,
        );
        assert!(limbs::is_zero(&quadratic) && !limbs::is_zero(&r));
        // The characters the test relies on: alpha^2 - 4 beta and r are not squares.
        assert!(!is_nonzero_square(fp, &fp.sub(&fp.sqr(&alpha), &four_beta)));
        assert!(!is_nonzero_square(fp, &r));
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
                CurveRef::W256(d) => (d.cofactor, d.two_torsion.is_some()),
                CurveRef::W512(d) => (d.cofactor, d.two_torsion.is_some()),
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
