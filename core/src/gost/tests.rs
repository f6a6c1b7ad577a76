//! Unit tests of the GOST verifier: the constants of every parameter set, the
//! standard's worked examples, and signatures made by a test-only signer.
#![allow(clippy::needless_range_loop)]

use proptest::prelude::*;

use super::curve::Curve;
use super::field::Modulus;
use super::limbs;
use super::params::{CurveDef, CurveRef, ParamSet};
use super::*;
use crate::coded::Coded;

fn hex_be(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// `h q` compared with `p + 1`: the Hasse bound `|p + 1 - h q| <= 2 sqrt(p)`.
fn hasse_holds<const N: usize>(def: &CurveDef<N>) -> bool {
    let mut hq = [0u64; 9];
    let mut carry = 0;
    for i in 0..N {
        (hq[i], carry) = limbs::mac(0, def.q.m[i], def.cofactor, carry);
    }
    hq[N] = carry;
    let mut p1 = [0u64; 9];
    p1[..N].copy_from_slice(&def.p.m);
    let (p1, _) = limbs::add(&p1, &limbs::one());
    let (d1, b1) = limbs::sub(&p1, &hq);
    let diff = if b1 == 0 { d1 } else { limbs::sub(&hq, &p1).0 };
    // 2 sqrt(p) < 2^(32 N + 1): everything above bit 32 N + 1 must be zero.
    diff.iter().enumerate().all(|(i, &l)| match i {
        i if i < N / 2 => true,
        i if i == N / 2 => l <= 3,
        _ => l == 0,
    })
}

/// Fermat test `a^(m-1) = 1` for small bases, through the field's own inverse.
fn fermat_probable_prime<const N: usize>(m: &Modulus<N>) -> bool {
    [2u64, 3, 5, 7, 11, 13].iter().all(|&a| {
        let mut x = [0u64; N];
        x[0] = a;
        let x = m.encode(&x);
        m.mul(&x, &m.inv(&x)) == m.one()
    })
}

fn check_constants<const N: usize>(set: ParamSet, def: &CurveDef<N>) {
    let curve = Curve::new(def);
    assert!(
        curve.is_on_curve(&def.x, &def.y),
        "{set}: base point off the curve"
    );
    let g = curve.generator();
    assert!(curve.mul(&def.q.m, &g).is_infinity(), "{set}: q P != O");
    let q_minus_1 = limbs::sub(&def.q.m, &limbs::one()).0;
    assert!(
        curve.eq(&curve.mul(&q_minus_1, &g), &curve.neg(&g)),
        "{set}: (q-1) P != -P"
    );
    assert!(!curve
        .mul(
            &[def.cofactor; 1].iter().fold([0u64; N], |mut a, &h| {
                a[0] = h;
                a
            }),
            &g
        )
        .is_infinity());
    assert!(hasse_holds(def), "{set}: h q outside the Hasse interval");
    assert!(fermat_probable_prime(&def.p), "{set}: p composite");
    assert!(fermat_probable_prime(&def.q), "{set}: q composite");
    assert!(def.q.m[N - 1] != 0 || N == 4, "{set}: q too small");
}

#[test]
fn every_parameter_set_is_consistent() {
    for set in ParamSet::ALL {
        match set.curve() {
            CurveRef::W256(def) => check_constants(set, def),
            CurveRef::W512(def) => check_constants(set, def),
        }
        assert_eq!(ParamSet::from_oid(&set.oid()), Some(set));
    }
    let oids: std::collections::HashSet<_> = ParamSet::ALL.iter().map(|s| s.oid()).collect();
    assert_eq!(oids.len(), ParamSet::ALL.len());
}

#[test]
fn edwards_sets_have_cofactor_four_and_pseudo_mersenne_primes_are_detected() {
    for set in [ParamSet::Tc26Gost256A, ParamSet::Tc26Gost512C] {
        let h = match set.curve() {
            CurveRef::W256(d) => d.cofactor,
            CurveRef::W512(d) => d.cofactor,
        };
        assert_eq!(h, 4, "{set}");
    }
    let CurveRef::W256(cpa) = ParamSet::CryptoProA.curve() else {
        panic!()
    };
    assert_eq!(cpa.p.c, 617);
    let CurveRef::W512(a512) = ParamSet::Tc26Gost512A.curve() else {
        panic!()
    };
    assert_eq!(a512.p.c, 569);
    let CurveRef::W256(b) = ParamSet::CryptoProB.curve() else {
        panic!()
    };
    assert_eq!(b.p.c, 0);
}

/// An isomorphic curve is the image of its parameter set's curve under
/// `(x, y) → (u^2 x, u^3 y)`: its constants, its base point and multiples of
/// it; `false` when the set's curve has none.
fn check_isomorphism<const N: usize>(set: ParamSet, def: &CurveDef<N>) -> bool {
    let Some(iso) = def.isomorphism else {
        return false;
    };
    let image = &iso.image;
    check_constants(set, image);
    assert_eq!(
        (image.p.m, image.q.m, image.cofactor),
        (def.p.m, def.q.m, def.cofactor)
    );
    let fp = &def.p;
    let (u2, u3) = (fp.encode(&iso.u2), fp.encode(&iso.u3));
    // (u^2)^3 = (u^3)^2 = u^6, so both constants are powers of one u.
    assert_eq!(fp.mul(&fp.sqr(&u2), &u2), fp.sqr(&u3), "{set}");
    // a' = u^4 a, which is -3 or 1, and b' = u^6 b.
    let minus_3 = fp.neg(&fp.add(&fp.one(), &fp.dbl(&fp.one())));
    let a = fp.encode(&image.a);
    assert!(a == minus_3 || a == fp.one(), "{set}");
    assert_eq!(fp.mul(&fp.sqr(&u2), &fp.encode(&def.a)), a, "{set}");
    assert_eq!(
        fp.mul(&fp.sqr(&u3), &fp.encode(&def.b)),
        fp.encode(&image.b),
        "{set}"
    );
    // The base point and its multiples map to the image's.
    assert_eq!(iso.map(&def.x, &def.y), (image.x, image.y), "{set}");
    let (curve, on_image) = (Curve::new(def), Curve::new(image));
    for k in [2u64, 3, 0x1234_5678_9abc_def1, u64::MAX] {
        let k = scalar_below(&def.q, {
            let mut raw = [k; N];
            raw[N - 1] >>= 3;
            raw
        });
        let (x, y) = curve.affine(&curve.mul(&k, &curve.generator())).unwrap();
        let image_point = on_image.mul(&k, &on_image.generator());
        assert_eq!(
            Some(iso.map(&x, &y)),
            on_image.affine(&image_point),
            "{set}"
        );
    }
    true
}

#[test]
fn isomorphic_curves_are_images_of_their_parameter_sets() {
    let with_image: Vec<ParamSet> = ParamSet::ALL
        .into_iter()
        .filter(|&set| match set.curve() {
            CurveRef::W256(def) => check_isomorphism(set, def),
            CurveRef::W512(def) => check_isomorphism(set, def),
        })
        .collect();
    // TC26-512-C: over 2^512 - 569, -3 / a is a square (image a = -3).
    // TC26-256-A: over 2^256 - 617, -3 / a is not, 1 / a is (image a = 1).
    assert_eq!(with_image, [ParamSet::Tc26Gost256A, ParamSet::Tc26Gost512C]);
}

/// Test-only signer (GOST R 34.10-2012 §6.1) with a caller-chosen nonce `k`.
/// Returns `None` in the negligible cases the standard restarts on.
fn sign<const N: usize>(
    def: &CurveDef<N>,
    d: &[u64; N],
    k: &[u64; N],
    digest_le: &[u8],
) -> Option<([u64; N], [u64; N])> {
    let q = &def.q;
    let curve = Curve::new(def);
    let mut e = q.encode(&limbs::from_le_bytes::<N>(digest_le).unwrap());
    if limbs::is_zero(&e) {
        e = q.one();
    }
    let (x, _) = curve.affine(&curve.mul(k, &curve.generator()))?;
    let r = q.reduce_slow(&x);
    if limbs::is_zero(&r) {
        return None;
    }
    let rd = q.mul(&q.encode(&r), &q.encode(d));
    let ke = q.mul(&q.encode(k), &e);
    let s = q.decode(&q.add(&rd, &ke));
    if limbs::is_zero(&s) {
        return None;
    }
    Some((r, s))
}

fn public_key<const N: usize>(set: ParamSet, def: &CurveDef<N>, d: &[u64; N]) -> PublicKey {
    let curve = Curve::new(def);
    let (x, y) = curve.affine(&curve.mul(d, &curve.generator())).unwrap();
    PublicKey::from_affine(set, &limbs::to_be_bytes(&x), &limbs::to_be_bytes(&y)).unwrap()
}

fn le(x: &[u64]) -> Vec<u8> {
    x.iter().flat_map(|l| l.to_le_bytes()).collect()
}

/// The worked examples of GOST R 34.10-2012 Appendix A (= RFC 7091 §7).
struct Example {
    set: ParamSet,
    d: &'static str,
    qx: &'static str,
    qy: &'static str,
    e: &'static str,
    r: &'static str,
    s: &'static str,
}

const EXAMPLES: [Example; 2] = [
    Example {
        set: ParamSet::CryptoProTest,
        d: "7a929ade789bb9be10ed359dd39a72c11b60961f49397eee1d19ce9891ec3b28",
        qx: "7f2b49e270db6d90d8595bec458b50c58585ba1d4e9b788f6689dbd8e56fd80b",
        qy: "26f1b489d6701dd185c8413a977b3cbbaf64d1c593d26627dffb101a87ff77da",
        e: "2dfbc1b372d89a1188c09c52e0eec61fce52032ab1022e8e67ece6672b043ee5",
        r: "41aa28d2f1ab148280cd9ed56feda41974053554a42767b83ad043fd39dc0493",
        s: "01456c64ba4642a1653c235a98a60249bcd6d3f746b631df928014f6c5bf9c40",
    },
    Example {
        set: ParamSet::Tc26Gost512Test,
        d: "0ba6048aadae241ba40936d47756d7c93091a0e8514669700ee7508e508b102072e8123b2200a0563322dad2827e2714a2636b7bfd18aadfc62967821fa18dd4",
        qx: "115dc5bc96760c7b48598d8ab9e740d4c4a85a65be33c1815b5c320c854621dd5a515856d13314af69bc5b924c8b4ddff75c45415c1d9dd9dd33612cd530efe1",
        qy: "37c7c90cd40b0f5621dc3ac1b751cfa0e2634fa0503b3d52639f5d7fb72afd61ea199441d943ffe7f0c70a2759a3cdb84c114e1f9339fdf27f35eca93677beec",
        e: "3754f3cfacc9e0615c4f4a7c4d8dab531b09b6f9c170c533a71d147035b0c5917184ee536593f4414339976c647c5d5a407adedb1d560c4fc6777d2972075b8c",
        r: "2f86fa60a081091a23dd795e1e3c689ee512a3c82ee0dcc2643c78eea8fcacd35492558486b20f1c9ec197c90699850260c93bcbcd9c5c3317e19344e173ae36",
        s: "1081b394696ffe8e6585e7a9362d26b6325f56778aadbc081c0bfbe933d52ff5823ce288e8c4f362526080df7f70ce406a6eeb1f56919cb92a9853bde73e5b4a",
    },
];

#[test]
fn standard_examples_verify_and_off_by_one_fails() {
    for ex in &EXAMPLES {
        let key = PublicKey::from_affine(ex.set, &hex_be(ex.qx), &hex_be(ex.qy)).unwrap();
        let digest: Vec<u8> = hex_be(ex.e).into_iter().rev().collect();
        let sig = Signature::from_rs(&hex_be(ex.r), &hex_be(ex.s)).unwrap();
        verify_digest(&key, &digest, &sig).unwrap();
        // Changing e, r or s by one must fail.
        let mut bad = digest.clone();
        bad[0] ^= 1;
        assert_eq!(
            verify_digest(&key, &bad, &sig),
            Err(GostError::BadSignature)
        );
        let mut r = hex_be(ex.r);
        *r.last_mut().unwrap() ^= 1;
        let bad_sig = Signature::from_rs(&r, &hex_be(ex.s)).unwrap();
        assert_eq!(
            verify_digest(&key, &digest, &bad_sig),
            Err(GostError::BadSignature)
        );
        let mut s = hex_be(ex.s);
        *s.last_mut().unwrap() ^= 1;
        let bad_sig = Signature::from_rs(&hex_be(ex.r), &s).unwrap();
        assert_eq!(
            verify_digest(&key, &digest, &bad_sig),
            Err(GostError::BadSignature)
        );
    }
}

#[test]
fn standard_examples_public_keys_derive_from_private_keys() {
    for ex in &EXAMPLES {
        let d = hex_be(ex.d);
        let expected = PublicKey::from_affine(ex.set, &hex_be(ex.qx), &hex_be(ex.qy)).unwrap();
        let derived = match ex.set.curve() {
            CurveRef::W256(def) => public_key(ex.set, def, &limbs::from_be_bytes::<4>(&d).unwrap()),
            CurveRef::W512(def) => public_key(ex.set, def, &limbs::from_be_bytes::<8>(&d).unwrap()),
        };
        assert_eq!(derived, expected);
    }
}

#[test]
fn scalars_out_of_range_are_refused() {
    let ex = &EXAMPLES[0];
    let key = PublicKey::from_affine(ex.set, &hex_be(ex.qx), &hex_be(ex.qy)).unwrap();
    let digest = vec![1u8; 32];
    let q = hex_be("8000000000000000000000000000000150fe8a1892976154c59cfc193accf5b3");
    for (r, s, component) in [
        (vec![0u8; 32], hex_be(ex.s), "r"),
        (q.clone(), hex_be(ex.s), "r"),
        (vec![0xff; 32], hex_be(ex.s), "r"),
        (hex_be(ex.r), vec![0u8; 32], "s"),
        (hex_be(ex.r), q.clone(), "s"),
    ] {
        let sig = Signature::from_rs(&r, &s).unwrap();
        let err = verify_digest(&key, &digest, &sig).unwrap_err();
        assert_eq!(err, GostError::ScalarOutOfRange { component });
        assert_eq!(err.code(), "gost.scalar_out_of_range");
    }
}

#[test]
fn keys_off_the_curve_or_too_long_are_refused() {
    let ex = &EXAMPLES[0];
    let mut qy = hex_be(ex.qy);
    qy[31] ^= 1;
    let err = PublicKey::from_affine(ex.set, &hex_be(ex.qx), &qy).unwrap_err();
    assert_eq!(err.code(), "gost.point_not_on_curve");
    // A coordinate equal to p (not canonical) is refused even if p ≡ 0 would fit.
    let p = hex_be("8000000000000000000000000000000000000000000000000000000000000431");
    let err = PublicKey::from_affine(ex.set, &p, &hex_be(ex.qy)).unwrap_err();
    assert_eq!(err.code(), "gost.point_not_on_curve");
    let err = PublicKey::from_affine(ex.set, &[1; 33], &hex_be(ex.qy)).unwrap_err();
    assert_eq!(err.code(), "gost.bad_key_encoding");
}

#[test]
fn points_outside_the_prime_subgroup_are_refused() {
    // On TC26-256-A (cofactor 4), find a curve point whose order is not q:
    // any point R with q R != O. Search x = 1, 2, ... for a square x^3 + a x + b.
    let set = ParamSet::Tc26Gost256A;
    let CurveRef::W256(def) = set.curve() else {
        panic!()
    };
    let fp = &def.p;
    let curve = Curve::new(def);
    let mut refused = 0;
    for xi in 1u64..40 {
        let x = [xi, 0, 0, 0];
        let xr = fp.encode(&x);
        let rhs = fp.add(
            &fp.mul(&fp.add(&fp.sqr(&xr), &fp.encode(&def.a)), &xr),
            &fp.encode(&def.b),
        );
        let Some(y) = super::subgroup::sqrt(fp, &rhs) else {
            continue;
        };
        let y = fp.decode(&y);
        assert!(curve.is_on_curve(&x, &y));
        let in_subgroup = curve.mul(&def.q.m, &curve.point(&x, &y)).is_infinity();
        let result = PublicKey::from_affine(set, &limbs::to_be_bytes(&x), &limbs::to_be_bytes(&y));
        if in_subgroup {
            assert!(result.is_ok());
        } else {
            assert_eq!(result.unwrap_err().code(), "gost.point_not_in_subgroup");
            refused += 1;
        }
    }
    assert!(refused > 0, "no point outside the subgroup was tried");
}

#[test]
fn digest_and_signature_lengths_must_fit_the_key() {
    let ex = &EXAMPLES[0];
    let key = PublicKey::from_affine(ex.set, &hex_be(ex.qx), &hex_be(ex.qy)).unwrap();
    let sig = Signature::from_rs(&hex_be(ex.r), &hex_be(ex.s)).unwrap();
    assert_eq!(
        verify_digest(&key, &[0u8; 64], &sig).unwrap_err().code(),
        "gost.bad_digest_length"
    );
    let sig512 = Signature::from_x509_bytes(&[1u8; 128]).unwrap();
    assert_eq!(
        verify_digest(&key, &[0u8; 32], &sig512).unwrap_err().code(),
        "gost.bad_signature_encoding"
    );
    assert_eq!(
        Signature::from_x509_bytes(&[0u8; 63]).unwrap_err().code(),
        "gost.bad_signature_encoding"
    );
    let s = Signature::from_x509_bytes(&[[1u8; 32], [2u8; 32]].concat()).unwrap();
    assert_eq!(s.s(), &[1u8; 32]);
    assert_eq!(s.r(), &[2u8; 32]);
    assert_eq!(s.to_x509_bytes(), [[1u8; 32], [2u8; 32]].concat());
}

#[test]
fn errors_have_codes_and_both_messages() {
    let errors = [
        GostError::BadSignature,
        GostError::UnknownParameterSet {
            oid: "1.2.3".into(),
        },
        GostError::PointNotOnCurve { param_set: "x" },
        GostError::PointNotInSubgroup { param_set: "x" },
        GostError::ScalarOutOfRange { component: "r" },
        GostError::BadKeyEncoding { reason: "x".into() },
        GostError::BadSignatureEncoding {
            expected: 64,
            actual: 3,
        },
        GostError::BadDigestLength {
            expected: 32,
            actual: 3,
        },
        GostError::Legacy2001Refused {
            oid: "1.2.643.2.2.3".into(),
        },
        GostError::DigestMismatchParameters {
            digest_oid: "1.2".into(),
            key_bits: 256,
        },
        GostError::AlgorithmKeyMismatch {
            signature_bits: 512,
            key_bits: 256,
        },
        GostError::UnsupportedAlgorithm { oid: "1.2".into() },
    ];
    let codes: std::collections::HashSet<_> = errors.iter().map(|e| e.code()).collect();
    assert_eq!(codes.len(), errors.len());
    for e in &errors {
        assert!(e.code().starts_with("gost."));
        assert!(!e.message_ru().is_empty() && !e.message_ru().ends_with('.'));
        assert_eq!(e.message_en(), e.to_string());
        assert_eq!(e.message_en().to_lowercase(), e.message_en());
    }
}

fn scalar_below<const N: usize>(q: &Modulus<N>, raw: [u64; N]) -> [u64; N] {
    let mut k = q.reduce_slow(&raw);
    if limbs::is_zero(&k) {
        k = limbs::one();
    }
    k
}

fn roundtrip<const N: usize>(
    set: ParamSet,
    def: &CurveDef<N>,
    d: [u64; N],
    k: [u64; N],
    digest: &[u8],
    flip: usize,
) -> Result<(), TestCaseError> {
    let (d, k) = (scalar_below(&def.q, d), scalar_below(&def.q, k));
    let curve = Curve::new(def);
    // Random multiples land on the curve.
    let (x, y) = curve.affine(&curve.mul(&k, &curve.generator())).unwrap();
    prop_assert!(curve.is_on_curve(&x, &y));
    let key = public_key(set, def, &d);
    let Some((r, s)) = sign(def, &d, &k, digest) else {
        return Ok(());
    };
    let sig = Signature::from_rs(&limbs::to_be_bytes(&r), &limbs::to_be_bytes(&s)).unwrap();
    // The first verification by a key runs without tables, the second builds
    // the key's split table and every later one runs on it: both paths accept.
    prop_assert!(!key.prepared().is_built());
    prop_assert_eq!(verify_digest(&key, digest, &sig), Ok(()));
    prop_assert!(!key.prepared().is_built());
    prop_assert_eq!(verify_digest(&key, digest, &sig), Ok(()));
    prop_assert!(key.prepared().is_built());
    // Any single-bit change of the digest, r or s, and another key, are
    // refused, with the table (`key`) and without it (a fresh copy).
    let bits = 8 * digest.len();
    let mut bad = digest.to_vec();
    bad[(flip % bits) / 8] ^= 1 << (flip % 8);
    let mut bytes = sig.to_x509_bytes();
    let i = flip % (8 * bytes.len());
    bytes[i / 8] ^= 1 << (i % 8);
    let bad_sig = Signature::from_x509_bytes(&bytes).unwrap();
    for key in [&key, &key.clone()] {
        prop_assert!(verify_digest(key, &bad, &sig).is_err());
        prop_assert!(verify_digest(key, digest, &bad_sig).is_err());
    }
    let other = public_key(
        set,
        def,
        &scalar_below(&def.q, limbs::add(&d, &limbs::one()).0),
    );
    prop_assert_eq!(
        verify_digest(&other, digest, &sig),
        Err(GostError::BadSignature)
    );
    let _ = le(&r);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Every 256-bit parameter set, each case.
    #[test]
    fn signatures_of_the_test_signer_verify_256(
        d in any::<[u64; 4]>(), k in any::<[u64; 4]>(),
        digest in proptest::collection::vec(any::<u8>(), 32), flip in any::<usize>(),
    ) {
        for set in ParamSet::ALL {
            if let CurveRef::W256(def) = set.curve() {
                roundtrip(set, def, d, k, &digest, flip)?;
            }
        }
    }

    /// Every 512-bit parameter set, each case.
    #[test]
    fn signatures_of_the_test_signer_verify_512(
        d in any::<[u64; 8]>(), k in any::<[u64; 8]>(),
        digest in proptest::collection::vec(any::<u8>(), 64), flip in any::<usize>(),
    ) {
        for set in ParamSet::ALL {
            if let CurveRef::W512(def) = set.curve() {
                roundtrip(set, def, d, k, &digest, flip)?;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// The inversion-free comparison agrees with reducing the affine x, on
    /// every 256-bit curve (cofactor 4 included, where several `r + k q` fit).
    #[test]
    fn x_mod_q_comparison_matches_the_affine_reduction(k in any::<[u64; 4]>(), delta in 0u64..3) {
        for set in ParamSet::ALL {
            if let CurveRef::W256(def) = set.curve() {
                let curve = Curve::new(def);
                let point = curve.mul(&scalar_below(&def.q, k), &curve.generator());
                let x = curve.affine_x(&point).unwrap();
                let r = def.q.reduce_slow(&x);
                prop_assert!(curve.x_mod_q_equals(&point, &r, None));
                let other = def.q.reduce_slow(&limbs::add(&r, &[delta + 1, 0, 0, 0]).0);
                prop_assert!(!curve.x_mod_q_equals(&point, &other, None));
                // The same point on the isomorphic image, when there is one:
                // its x is u^2 times this one's, and only the scaled
                // comparison finds r.
                if let Some(iso) = def.isomorphism {
                    let image = Curve::new(&iso.image);
                    let moved = image.mul(&scalar_below(&def.q, k), &image.generator());
                    prop_assert!(image.x_mod_q_equals(&moved, &r, Some(&iso.u2)));
                    prop_assert!(!image.x_mod_q_equals(&moved, &other, Some(&iso.u2)));
                    prop_assert!(!image.x_mod_q_equals(&moved, &r, None));
                }
            }
        }
    }
}

#[test]
fn a_zero_digest_is_treated_as_one() {
    let set = ParamSet::CryptoProA;
    let CurveRef::W256(def) = set.curve() else {
        panic!()
    };
    let d = [7u64, 1, 2, 3];
    let key = public_key(set, def, &d);
    let one_le = le(&limbs::one::<4>());
    let (r, s) = sign(def, &d, &[99, 5, 6, 7], &one_le).unwrap();
    let sig = Signature::from_rs(&limbs::to_be_bytes(&r), &limbs::to_be_bytes(&s)).unwrap();
    // alpha = q (≡ 0) must be read as e = 1.
    let q_le = le(&def.q.m);
    assert_eq!(verify_digest(&key, &q_le, &sig), Ok(()));
    assert_eq!(verify_digest(&key, &[0u8; 32], &sig), Ok(()));
}

#[test]
fn sets_sharing_a_curve_share_its_constants() {
    for a in ParamSet::ALL {
        for b in ParamSet::ALL {
            let same = match (a.curve(), b.curve()) {
                (CurveRef::W256(x), CurveRef::W256(y)) => x.p == y.p && x.q == y.q && x.y == y.y,
                (CurveRef::W512(x), CurveRef::W512(y)) => x.p == y.p && x.q == y.q && x.y == y.y,
                _ => false,
            };
            assert_eq!(same, a.curve_name() == b.curve_name(), "{a} / {b}");
        }
    }
}
