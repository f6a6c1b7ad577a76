//! The elliptic-curve parameter sets of GOST R 34.10-2012 and their OIDs.
//!
//! Each set is a short Weierstrass curve `y^2 = x^3 + a x + b` over `GF(p)`
//! with a base point `P = (x, y)` of prime order `q` and a cofactor `h`
//! (`#E = h q`). The twisted-Edwards sets of TC26 (256-A and 512-C, RFC 7836
//! §A) are given here in their Weierstrass form, which is what signatures are
//! defined over.
//!
//! Sources: RFC 4357 §11.4 (CryptoPro sets, the 2001 test set), RFC 7836 §A
//! and the TC26 recommendations R 1323565.1.024-2019 (TC26 sets; TC26-256-B,
//! -C, -D reuse CryptoPro-A, -B, -C), GOST R 34.10-2012 Appendix A (the
//! 512-bit test set). Every constant is checked by the unit tests below: the
//! base point lies on the curve, `q P = O`, `p` and `q` pass a probabilistic
//! primality test and `h q` lies in the Hasse interval around `p + 1`.

use const_oid::ObjectIdentifier;
use std::sync::OnceLock;

use super::base_tables::{self, BASE_COUNT};
use super::field::Modulus;
use super::split::SplitTable;
use super::subgroup::TwoTorsion;

/// A named GOST R 34.10 elliptic-curve parameter set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamSet {
    /// id-tc26-gost-3410-12-256-paramSetA (1.2.643.7.1.2.1.1.1), twisted Edwards, cofactor 4.
    Tc26Gost256A,
    /// id-tc26-gost-3410-12-256-paramSetB (1.2.643.7.1.2.1.1.2), the curve of CryptoPro-A.
    Tc26Gost256B,
    /// id-tc26-gost-3410-12-256-paramSetC (1.2.643.7.1.2.1.1.3), the curve of CryptoPro-B.
    Tc26Gost256C,
    /// id-tc26-gost-3410-12-256-paramSetD (1.2.643.7.1.2.1.1.4), the curve of CryptoPro-C.
    Tc26Gost256D,
    /// id-tc26-gost-3410-12-512-paramSetTest (1.2.643.7.1.2.1.2.0), the standard's example curve.
    Tc26Gost512Test,
    /// id-tc26-gost-3410-12-512-paramSetA (1.2.643.7.1.2.1.2.1).
    Tc26Gost512A,
    /// id-tc26-gost-3410-12-512-paramSetB (1.2.643.7.1.2.1.2.2).
    Tc26Gost512B,
    /// id-tc26-gost-3410-12-512-paramSetC (1.2.643.7.1.2.1.2.3), twisted Edwards, cofactor 4.
    Tc26Gost512C,
    /// id-GostR3410-2001-TestParamSet (1.2.643.2.2.35.0), the 2001 standard's example curve.
    CryptoProTest,
    /// id-GostR3410-2001-CryptoPro-A-ParamSet (1.2.643.2.2.35.1).
    CryptoProA,
    /// id-GostR3410-2001-CryptoPro-B-ParamSet (1.2.643.2.2.35.2).
    CryptoProB,
    /// id-GostR3410-2001-CryptoPro-C-ParamSet (1.2.643.2.2.35.3).
    CryptoProC,
    /// id-GostR3410-2001-CryptoPro-XchA-ParamSet (1.2.643.2.2.36.0), the curve of CryptoPro-A.
    CryptoProXchA,
    /// id-GostR3410-2001-CryptoPro-XchB-ParamSet (1.2.643.2.2.36.1), the curve of CryptoPro-C.
    CryptoProXchB,
}

/// The curve of a parameter set, sized for its limb count.
#[derive(Debug, Clone, Copy)]
pub(crate) enum CurveRef {
    /// A 256-bit curve (four limbs).
    W256(&'static CurveDef<4>),
    /// A 512-bit curve (eight limbs).
    W512(&'static CurveDef<8>),
}

/// The constants of one curve (plain integers, not internal representations).
#[derive(Debug)]
pub(crate) struct CurveDef<const N: usize> {
    /// The field modulus `p`.
    pub p: Modulus<N>,
    /// The order `q` of the base point.
    pub q: Modulus<N>,
    /// The coefficient `a`.
    pub a: [u64; N],
    /// The coefficient `b`.
    pub b: [u64; N],
    /// The base point's x.
    pub x: [u64; N],
    /// The base point's y.
    pub y: [u64; N],
    /// The cofactor `h`.
    pub cofactor: u64,
    /// The points of order 2 the subgroup test of the cofactor-4 curves
    /// reads ([`super::subgroup`]).
    pub two_torsion: Option<TwoTorsion<N>>,
    /// Precomputed odd multiples of the base point (affine, plain), if any.
    pub base_table: Option<&'static [([u64; N], [u64; N]); BASE_COUNT]>,
    /// An isomorphic curve with cheaper arithmetic that verification runs
    /// on instead, if the curve has one.
    pub isomorphism: Option<&'static Isomorphism<N>>,
    /// The base point's split table ([`super::split`]), built when a kept
    /// key first needs it and kept for the process.
    pub split_base: OnceLock<Option<SplitTable<N>>>,
}

/// A curve isomorphic to a parameter set's curve over its field, on which
/// the arithmetic is cheaper. `(x, y) → (u^2 x, u^3 y)` maps
/// `y^2 = x^3 + a x + b` onto `y^2 = x^3 + u^4 a x + u^6 b`; when `-3 / a` is
/// a square it is a fourth power too (`p ≡ 3 mod 4`: of its two square
/// roots one is a square), so some `u` gives `u^4 a = -3` and the image
/// curve doubles with the `a = -3` formula (3M + 5S instead of 2M + 8S);
/// failing that, when `1 / a` is a square, `u^4 a = 1` saves the
/// multiplication by `a` of every doubling. Signatures are defined over the
/// parameter set's curve: verification maps the key onto the image,
/// computes `z1 P' + z2 Q'` there and compares `x' / u^2` with `r`; the key
/// checks (on the curve, in the subgroup) stay on the parameter set's curve.
#[derive(Debug)]
pub(crate) struct Isomorphism<const N: usize> {
    /// The image curve: the same `p`, `q` and cofactor, `a = -3` or `1`,
    /// `b = u^6 b`, and the image of the base point as its base point.
    pub image: CurveDef<N>,
    /// `u^2` (plain).
    pub u2: [u64; N],
    /// `u^3` (plain).
    pub u3: [u64; N],
}

impl<const N: usize> Isomorphism<N> {
    /// The image `(u^2 x, u^3 y)` of an affine point (plain integers `< p`).
    pub(crate) fn map(&self, x: &[u64; N], y: &[u64; N]) -> ([u64; N], [u64; N]) {
        let fp = &self.image.p;
        let scaled = |c: &[u64; N], v: &[u64; N]| fp.decode(&fp.mul(&fp.encode(c), &fp.encode(v)));
        (scaled(&self.u2, x), scaled(&self.u3, y))
    }
}

impl<const N: usize> CurveDef<N> {
    #[allow(clippy::too_many_arguments)]
    const fn new(p: &str, q: &str, a: &str, b: &str, x: &str, y: &str, cofactor: u64) -> Self {
        use super::limbs::from_hex;
        Self {
            p: Modulus::from_hex(p),
            q: Modulus::from_hex(q),
            a: from_hex(a),
            b: from_hex(b),
            x: from_hex(x),
            y: from_hex(y),
            cofactor,
            two_torsion: None,
            base_table: None,
            isomorphism: None,
            split_base: OnceLock::new(),
        }
    }

    const fn with_two_torsion(mut self, e: &str, r: &str) -> Self {
        use super::limbs::from_hex;
        self.two_torsion = Some(TwoTorsion {
            e: from_hex(e),
            r: from_hex(r),
        });
        self
    }

    const fn with_base_table(mut self, table: &'static [([u64; N], [u64; N]); BASE_COUNT]) -> Self {
        self.base_table = Some(table);
        self
    }

    const fn with_isomorphism(mut self, isomorphism: &'static Isomorphism<N>) -> Self {
        self.isomorphism = Some(isomorphism);
        self
    }
}

static CRYPTO_PRO_TEST: CurveDef<4> = CurveDef::new(
    "8000000000000000000000000000000000000000000000000000000000000431",
    "8000000000000000000000000000000150FE8A1892976154C59CFC193ACCF5B3",
    "7",
    "5FBFF498AA938CE739B8E022FBAFEF40563F6E6A3472FC2A514C0CE9DAE23B7E",
    "2",
    "08E2A8A0E65147D4BD6316030E16D19C85C97F0A9CA267122B96ABBCEA7E8FC8",
    1,
);

static CRYPTO_PRO_A: CurveDef<4> = CurveDef::new(
    "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97",
    "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF6C611070995AD10045841B09B761B893",
    "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD94",
    "A6",
    "1",
    "8D91E471E0989CDA27DF505A453F2B7635294F2DDF23E3B122ACC99C9E9F1E14",
    1,
)
.with_base_table(&base_tables::CRYPTO_PRO_A);

static CRYPTO_PRO_B: CurveDef<4> = CurveDef::new(
    "8000000000000000000000000000000000000000000000000000000000000C99",
    "800000000000000000000000000000015F700CFFF1A624E5E497161BCC8A198F",
    "8000000000000000000000000000000000000000000000000000000000000C96",
    "3E1AF419A269A5F866A7D3C25C3DF80AE979259373FF2B182F49D4CE7E1BBC8B",
    "1",
    "3FA8124359F96680B83D1C3EB2C070E5C545C9858D03ECFB744BF8D717717EFC",
    1,
);

static CRYPTO_PRO_C: CurveDef<4> = CurveDef::new(
    "9B9F605F5A858107AB1EC85E6B41C8AACF846E86789051D37998F7B9022D759B",
    "9B9F605F5A858107AB1EC85E6B41C8AA582CA3511EDDFB74F02F3A6598980BB9",
    "9B9F605F5A858107AB1EC85E6B41C8AACF846E86789051D37998F7B9022D7598",
    "805A",
    "0",
    "41ECE55743711A8C3CBF3783CD08C0EE4D4DC440D4641A8F366E550DFDB3BB67",
    1,
);

static TC26_256_A: CurveDef<4> = CurveDef::new(
    "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97",
    "400000000000000000000000000000000FD8CDDFC87B6635C115AF556C360C67",
    "C2173F1513981673AF4892C23035A27CE25E2013BF95AA33B22C656F277E7335",
    "295F9BAE7428ED9CCC20E7C359A9D41A22FCCD9108E17BF7BA9337A6F8AE9513",
    "91E38443A5E82C0D880923425712B2BB658B9196932E02C78B2582FE742DAA28",
    "32879423AB1A0375895786C4BB46E9565FDE0B5344766740AF268ADB32322E5C",
    4,
)
.with_two_torsion(
    "0100FE73F595FF158E974B44D478D9588744FE5C192AC47EA63075DCE7A14AAA",
    "0605F6B7C183FA81578BC39CFAD518132B9DF62897009AF7E522C32D6DC7BFFB",
)
.with_isomorphism(&TC26_256_A_ONE);

/// TC26-256-A's curve with `a = 1` (`1 / a` is a square over `2^256 - 617`;
/// `-3 / a` is not).
static TC26_256_A_ONE: Isomorphism<4> = Isomorphism {
    image: CurveDef::new(
        "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97",
        "400000000000000000000000000000000FD8CDDFC87B6635C115AF556C360C67",
        "1",
        "49AFB45DA3085BF832181144B2D9B17D355EA05203943FF4A2E3105DE29F9C6D",
        "5EC51A40926473B3DDA3E13E5395B37C7847EF6B2DB4659825AA9CB0C2EFF422",
        "36FE6AEEC857FB9BB75CE296D91A1C991AB80A3746473A8D5406EC3D885BAAC4",
        4,
    )
    .with_base_table(&base_tables::TC26_256_A_ONE),
    u2: super::limbs::from_hex("1CFFA7D8CEC2A985884ECD4BF9CB2D8609CFED1FC90173087BB180A9F9537D39"),
    u3: super::limbs::from_hex("304A6B4AB8CFA4CDBDE842741CECA329AA97FDFC54721059D49EE0F2A774AA59"),
};

static TC26_512_TEST: CurveDef<8> = CurveDef::new(
    "4531ACD1FE0023C7550D267B6B2FEE80922B14B2FFB90F04D4EB7C09B5D2D15D\
     F1D852741AF4704A0458047E80E4546D35B8336FAC224DD81664BBF528BE6373",
    "4531ACD1FE0023C7550D267B6B2FEE80922B14B2FFB90F04D4EB7C09B5D2D15D\
     A82F2D7ECB1DBAC719905C5EECC423F1D86E25EDBE23C595D644AAF187E6E6DF",
    "7",
    "1CFF0806A31116DA29D8CFA54E57EB748BC5F377E49400FDD788B649ECA1AC43\
     61834013B2AD7322480A89CA58E0CF74BC9E540C2ADD6897FAD0A3084F302ADC",
    "24D19CC64572EE30F396BF6EBBFD7A6C5213B3B3D7057CC825F91093A68CD762\
     FD60611262CD838DC6B60AA7EEE804E28BC849977FAC33B4B530F1B120248A9A",
    "2BB312A43BD2CE6E0D020613C857ACDDCFBF061E91E5F2C3F32447C259F39B2C\
     83AB156D77F1496BF7EB3351E1EE4E43DC1A18B91B24640B6DBB92CB1ADD371E",
    1,
);

static TC26_512_A: CurveDef<8> = CurveDef::new(
    "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\
     FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC7",
    "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\
     27E69532F48D89116FF22B8D4E0560609B4B38ABFAD2B85DCACDB1411F10B275",
    "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\
     FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC4",
    "E8C2505DEDFC86DDC1BD0B2B6667F1DA34B82574761CB0E879BD081CFD0B6265\
     EE3CB090F30D27614CB4574010DA90DD862EF9D4EBEE4761503190785A71C760",
    "3",
    "7503CFE87A836AE3A61B8816E25450E6CE5E1C93ACF1ABC1778064FDCBEFA921\
     DF1626BE4FD036E93D75E6A50E3A41E98028FE5FC235F5B889A589CB5215F2A4",
    1,
)
.with_base_table(&base_tables::TC26_512_A);

static TC26_512_B: CurveDef<8> = CurveDef::new(
    "8000000000000000000000000000000000000000000000000000000000000000\
     000000000000000000000000000000000000000000000000000000000000006F",
    "8000000000000000000000000000000000000000000000000000000000000001\
     49A1EC142565A545ACFDB77BD9D40CFA8B996712101BEA0EC6346C54374F25BD",
    "8000000000000000000000000000000000000000000000000000000000000000\
     000000000000000000000000000000000000000000000000000000000000006C",
    "687D1B459DC841457E3E06CF6F5E2517B97C7D614AF138BCBF85DC806C4B289F\
     3E965D2DB1416D217F8B276FAD1AB69C50F78BEE1FA3106EFB8CCBC7C5140116",
    "2",
    "1A8F7EDA389B094C2C071E3647A8940F3C123B697578C213BE6DD9E6C8EC7335\
     DCB228FD1EDF4A39152CBCAAF8C0398828041055F94CEEEC7E21340780FE41BD",
    1,
);

static TC26_512_C: CurveDef<8> = CurveDef::new(
    "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\
     FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC7",
    "3FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\
     C98CDBA46506AB004C33A9FF5147502CC8EDA9E7A769A12694623CEF47F023ED",
    "DC9203E514A721875485A529D2C722FB187BC8980EB866644DE41C68E1430645\
     46E861C0E2C9EDD92ADE71F46FCF50FF2AD97F951FDA9F2A2EB6546F39689BD3",
    "B4C4EE28CEBC6C2C8AC12952CF37F16AC7EFB6A9F69F4B57FFDA2E4F0DE5ADE0\
     38CBC2FFF719D2C18DE0284B8BFEF3B52B8CC7A5F5BF0A3C8D2319A5312557E1",
    "E2E31EDFC23DE7BDEBE241CE593EF5DE2295B7A9CBAEF021D385F7074CEA043A\
     A27272A7AE602BF2A7B9033DB9ED3610C6FB85487EAE97AAC5BC7928C1950148",
    "F5CE40D95B5EB899ABBCCFF5911CB8577939804D6527378B8C108C3D2090FF9B\
     E18E2D33E3021ED2EF32D85822423B6304F726AA854BAE07D0396E9A9ADDC40F",
    4,
)
.with_two_torsion(
    "9A628F975594ECEFD89BA28A2539FFB79C8AB238AEED0851FA5C1ABB02B80B44\
     C6734501B83A011DD625CD0B5145091A6D9ACD4B1F5C5B1E21B2B249DDFD1271",
    "9E4F5D8C017D8D9F13A5CF3CDF5BFE4DAB402D54198E31EBDE28A0621050439C\
     A6B39E0A515C06B304E2CE43E79E369E91A0CFC2BC2A22B4CA302DBB33EE7550",
)
.with_isomorphism(&TC26_512_C_MINUS_3);

/// TC26-512-C's curve with `a = -3` (`-3 / a` is a square over `2^512 - 569`).
static TC26_512_C_MINUS_3: Isomorphism<8> = Isomorphism {
    image: CurveDef::new(
        "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\
         FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC7",
        "3FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\
         C98CDBA46506AB004C33A9FF5147502CC8EDA9E7A769A12694623CEF47F023ED",
        "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF\
         FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC4",
        "CDFA332A0B8FC16483244F7A0CD7FFB85268E707FE6923893DC7F2EEF1AB2458\
         4D18A105FB4FE7FA37BEE8E3C398D4F5DAC4CCE133530AF87140F5CEBB806F8A",
        "B081020F880A0B91BA944B4DB6C9E17BECCC1B246309889BD86C36C1ED8765D6\
         9EBA2426656657667D555B8D65780EFEC3A13D2E04008FD5541653313BFD878A",
        "D172A00D6B7E6A658A6A3519A4616B7E2F71E8323A164F8C2B9809145C46A577\
         8EC56949349AC688D2E9E97C36D5B88348C50CB5C16DB1EB4C564A67D013EECD",
        4,
    )
    .with_base_table(&base_tables::TC26_512_C_MINUS_3),
    u2: super::limbs::from_hex(
        "9195D1A023868620EA28122C7F10279793DC1AFBC8E91A82BF6EBBDA95913C3A\
         7BA038C2E7560212A2E95294E350DDE10DBFB74DF2B2F5E47EE3F694AE5C099E",
    ),
    u3: super::limbs::from_hex(
        "38801331DDA0607E889E4259F6DE814320972824AECE9E7A5A178F4201EFFD23\
         BB92705AE7A69410721521F009CA2F006C99EBF45ED2E019EEC7FC0C34131534",
    ),
};

impl ParamSet {
    /// Every supported parameter set.
    pub const ALL: [ParamSet; 14] = [
        Self::Tc26Gost256A,
        Self::Tc26Gost256B,
        Self::Tc26Gost256C,
        Self::Tc26Gost256D,
        Self::Tc26Gost512Test,
        Self::Tc26Gost512A,
        Self::Tc26Gost512B,
        Self::Tc26Gost512C,
        Self::CryptoProTest,
        Self::CryptoProA,
        Self::CryptoProB,
        Self::CryptoProC,
        Self::CryptoProXchA,
        Self::CryptoProXchB,
    ];

    /// The OID that names this set in a key's parameters.
    pub fn oid(self) -> ObjectIdentifier {
        match self {
            Self::Tc26Gost256A => const { ObjectIdentifier::new_unwrap("1.2.643.7.1.2.1.1.1") },
            Self::Tc26Gost256B => const { ObjectIdentifier::new_unwrap("1.2.643.7.1.2.1.1.2") },
            Self::Tc26Gost256C => const { ObjectIdentifier::new_unwrap("1.2.643.7.1.2.1.1.3") },
            Self::Tc26Gost256D => const { ObjectIdentifier::new_unwrap("1.2.643.7.1.2.1.1.4") },
            Self::Tc26Gost512Test => const { ObjectIdentifier::new_unwrap("1.2.643.7.1.2.1.2.0") },
            Self::Tc26Gost512A => const { ObjectIdentifier::new_unwrap("1.2.643.7.1.2.1.2.1") },
            Self::Tc26Gost512B => const { ObjectIdentifier::new_unwrap("1.2.643.7.1.2.1.2.2") },
            Self::Tc26Gost512C => const { ObjectIdentifier::new_unwrap("1.2.643.7.1.2.1.2.3") },
            Self::CryptoProTest => const { ObjectIdentifier::new_unwrap("1.2.643.2.2.35.0") },
            Self::CryptoProA => const { ObjectIdentifier::new_unwrap("1.2.643.2.2.35.1") },
            Self::CryptoProB => const { ObjectIdentifier::new_unwrap("1.2.643.2.2.35.2") },
            Self::CryptoProC => const { ObjectIdentifier::new_unwrap("1.2.643.2.2.35.3") },
            Self::CryptoProXchA => const { ObjectIdentifier::new_unwrap("1.2.643.2.2.36.0") },
            Self::CryptoProXchB => const { ObjectIdentifier::new_unwrap("1.2.643.2.2.36.1") },
        }
    }

    /// The set named by an OID, if it is one of [`ParamSet::ALL`].
    pub fn from_oid(oid: &ObjectIdentifier) -> Option<ParamSet> {
        Self::ALL.into_iter().find(|set| set.oid() == *oid)
    }

    /// The size of the field and of the group order in bits: 256 or 512.
    pub fn bits(self) -> usize {
        match self.curve() {
            CurveRef::W256(_) => 256,
            CurveRef::W512(_) => 512,
        }
    }

    /// The conventional name of the set.
    pub fn name(self) -> &'static str {
        match self {
            Self::Tc26Gost256A => "id-tc26-gost-3410-12-256-paramSetA",
            Self::Tc26Gost256B => "id-tc26-gost-3410-12-256-paramSetB",
            Self::Tc26Gost256C => "id-tc26-gost-3410-12-256-paramSetC",
            Self::Tc26Gost256D => "id-tc26-gost-3410-12-256-paramSetD",
            Self::Tc26Gost512Test => "id-tc26-gost-3410-12-512-paramSetTest",
            Self::Tc26Gost512A => "id-tc26-gost-3410-12-512-paramSetA",
            Self::Tc26Gost512B => "id-tc26-gost-3410-12-512-paramSetB",
            Self::Tc26Gost512C => "id-tc26-gost-3410-12-512-paramSetC",
            Self::CryptoProTest => "id-GostR3410-2001-TestParamSet",
            Self::CryptoProA => "id-GostR3410-2001-CryptoPro-A-ParamSet",
            Self::CryptoProB => "id-GostR3410-2001-CryptoPro-B-ParamSet",
            Self::CryptoProC => "id-GostR3410-2001-CryptoPro-C-ParamSet",
            Self::CryptoProXchA => "id-GostR3410-2001-CryptoPro-XchA-ParamSet",
            Self::CryptoProXchB => "id-GostR3410-2001-CryptoPro-XchB-ParamSet",
        }
    }

    /// The name of the underlying curve: sets that share a curve (TC26-256-B,
    /// CryptoPro-A and CryptoPro-XchA; TC26-256-C and CryptoPro-B; TC26-256-D,
    /// CryptoPro-C and CryptoPro-XchB) share it.
    pub fn curve_name(self) -> &'static str {
        match self {
            Self::Tc26Gost256B | Self::CryptoProA | Self::CryptoProXchA => "cryptopro-a",
            Self::Tc26Gost256C | Self::CryptoProB => "cryptopro-b",
            Self::Tc26Gost256D | Self::CryptoProC | Self::CryptoProXchB => "cryptopro-c",
            Self::CryptoProTest => "gost-2001-test",
            Self::Tc26Gost256A => "tc26-256-a",
            Self::Tc26Gost512Test => "tc26-512-test",
            Self::Tc26Gost512A => "tc26-512-a",
            Self::Tc26Gost512B => "tc26-512-b",
            Self::Tc26Gost512C => "tc26-512-c",
        }
    }

    /// The curve constants of the set.
    pub(crate) fn curve(self) -> CurveRef {
        match self {
            Self::CryptoProTest => CurveRef::W256(&CRYPTO_PRO_TEST),
            Self::Tc26Gost256B | Self::CryptoProA | Self::CryptoProXchA => {
                CurveRef::W256(&CRYPTO_PRO_A)
            }
            Self::Tc26Gost256C | Self::CryptoProB => CurveRef::W256(&CRYPTO_PRO_B),
            Self::Tc26Gost256D | Self::CryptoProC | Self::CryptoProXchB => {
                CurveRef::W256(&CRYPTO_PRO_C)
            }
            Self::Tc26Gost256A => CurveRef::W256(&TC26_256_A),
            Self::Tc26Gost512Test => CurveRef::W512(&TC26_512_TEST),
            Self::Tc26Gost512A => CurveRef::W512(&TC26_512_A),
            Self::Tc26Gost512B => CurveRef::W512(&TC26_512_B),
            Self::Tc26Gost512C => CurveRef::W512(&TC26_512_C),
        }
    }
}

impl core::fmt::Display for ParamSet {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} ({})", self.name(), self.oid())
    }
}
