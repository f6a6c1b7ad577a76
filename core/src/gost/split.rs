//! Split tables: the precomputation that makes a kept key verify faster.
//!
//! `k X` for a scalar below `2^(64 N)` cut into its `N` limbs is
//! `sum_j k_j (2^(64 j) X)`. With the odd multiples of every `2^(64 j) X`
//! at hand (affine, so each addition is a mixed one), `k1 P + k2 Q` needs
//! 64 doublings instead of `64 N`: the parts of both scalars share one
//! chain of doublings, and an addition per non-zero wNAF digit of any part
//! (about as many in total as the unsplit scalar has). The tables cost a
//! few verifications to build ([`SplitTable::build`]), so they are kept
//! where they pay:
//! - the base point's (width 8: 16 KiB on a 256-bit curve, 64 KiB on a
//!   512-bit one), one per curve, built on first use and kept for the
//!   process ([`super::params::CurveDef`]'s `split_base`);
//! - a key's (width [`SplitTable::KEY_WIDTH`]: 4 KiB for a 256-bit key,
//!   16 KiB for a 512-bit one), built when a [`super::PublicKey`] verifies
//!   its second signature and kept with it ([`Prepared`]): a key read for
//!   one signature never pays for a table.
//!
//! One part per limb and width 6 for keys are measured choices
//! (BENCHMARKS.md): four parts of 128 bits on the 512-bit curves cost 16–18 %
//! more instructions per verification; key width 5 costs 3 % (256-bit) and
//! 5–7 % (512-bit) more, width 7 saves 2–5 % on 256-bit keys for twice the
//! memory.
//!
//! Nothing here is secret: tables hold multiples of public points.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

use super::curve::{Curve, Jacobian};

/// The affine odd multiples `X_j, 3 X_j, ..., (2^(w-1) - 1) X_j` of
/// `X_j = 2^(64 j) X` for every part `j < N`, in the field representation.
#[derive(Debug, Clone)]
pub(crate) struct SplitTable<const N: usize> {
    width: u32,
    /// Part-major: the `2^(w-2)` multiples of `X_0`, then of `X_1`, ...
    points: Vec<([u64; N], [u64; N])>,
}

impl<const N: usize> SplitTable<N> {
    /// Bits per part: one limb.
    pub(crate) const PART_BITS: usize = 64;
    /// Parts: one per limb.
    pub(crate) const PARTS: usize = N;
    /// The wNAF width of a key's table.
    pub(crate) const KEY_WIDTH: u32 = 6;

    /// The table of `x` (a point of `curve` other than infinity) for wNAF
    /// digits of width `width` (3 to 8). `None` when a multiple is the
    /// point at infinity, which no point of large prime order meets.
    pub(crate) fn build(curve: &Curve<'_, N>, x: &Jacobian<N>, width: u32) -> Option<Self> {
        if !(3..=8).contains(&width) || x.is_infinity() {
            return None;
        }
        let count = 1usize << (width - 2);
        let mut points = vec![Jacobian::INFINITY; Self::PARTS * count];
        let mut part = *x;
        for (j, multiples) in points.chunks_exact_mut(count).enumerate() {
            if j > 0 {
                for _ in 0..Self::PART_BITS {
                    part = curve.double(&part);
                }
            }
            curve.fill_odd_multiples(&part, multiples);
        }
        Some(Self {
            width,
            points: curve.to_affine_batch(&points)?,
        })
    }

    /// The wNAF width the table serves.
    pub(crate) fn width(&self) -> u32 {
        self.width
    }

    /// The entry for a non-zero odd digit `d` of part `part`: `|d| X_part`;
    /// `None` for zero and for digits or parts past the table.
    pub(crate) fn entry(&self, part: usize, digit: i8) -> Option<&([u64; N], [u64; N])> {
        let count = 1usize << (self.width - 2);
        let index = usize::from(digit.unsigned_abs()).checked_sub(1)? / 2;
        if index >= count {
            return None;
        }
        self.points.get(part * count + index)
    }
}

/// A key's split table, built on its second verification ([`Self::table`]).
#[derive(Default)]
pub(crate) struct Prepared {
    uses: AtomicU32,
    w256: OnceLock<Option<SplitTable<4>>>,
    w512: OnceLock<Option<SplitTable<8>>>,
}

/// The cell of a [`Prepared`] for one limb count.
pub(crate) trait PreparedCell<const N: usize> {
    /// The cell holding the table of an `N`-limb key.
    fn cell(&self) -> &OnceLock<Option<SplitTable<N>>>;
}

impl PreparedCell<4> for Prepared {
    fn cell(&self) -> &OnceLock<Option<SplitTable<4>>> {
        &self.w256
    }
}

impl PreparedCell<8> for Prepared {
    fn cell(&self) -> &OnceLock<Option<SplitTable<8>>> {
        &self.w512
    }
}

impl Prepared {
    /// The key's table: `None` on its first verification (a key used once
    /// never pays for one), built by `build` on the second and kept.
    pub(crate) fn table<const N: usize>(
        &self,
        build: impl FnOnce() -> Option<SplitTable<N>>,
    ) -> Option<&SplitTable<N>>
    where
        Self: PreparedCell<N>,
    {
        let cell = self.cell();
        if let Some(table) = cell.get() {
            return table.as_ref();
        }
        if self.uses.fetch_add(1, Ordering::Relaxed) == 0 {
            return None;
        }
        cell.get_or_init(build).as_ref()
    }

    /// Whether a table has been built.
    pub(crate) fn is_built(&self) -> bool {
        self.w256.get().is_some() || self.w512.get().is_some()
    }
}

impl core::fmt::Debug for Prepared {
    /// Whether the table is built, not its points.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Prepared")
            .field("built", &self.is_built())
            .finish()
    }
}

impl Clone for Prepared {
    /// A clone starts afresh: the table is rebuilt if the clone is used
    /// again, rather than copied whole with every clone of a key.
    fn clone(&self) -> Self {
        Self::default()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::gost::base_tables::BASE_WIDTH;
    use crate::gost::params::{CurveDef, CurveRef, ParamSet};

    /// Scalars where a part boundary is most likely to go wrong: zero, one,
    /// all ones, single bits at and around the part edges, `q - 1`.
    fn edge_scalars<const N: usize>(def: &CurveDef<N>) -> Vec<[u64; N]> {
        let mut out = vec![[0; N], [u64::MAX; N]];
        let bits = SplitTable::<N>::PART_BITS;
        for bit in [
            0,
            1,
            bits - 1,
            bits,
            bits + 1,
            2 * bits - 1,
            3 * bits,
            64 * N - 1,
        ] {
            let mut k = [0u64; N];
            if let Some(limb) = k.get_mut(bit / 64) {
                *limb = 1 << (bit % 64);
            }
            out.push(k);
        }
        let mut q_minus_1 = def.q.m;
        if let Some(low) = q_minus_1.first_mut() {
            *low -= 1;
        }
        out.push(q_minus_1);
        out
    }

    /// `k1 P + k2 Q` on split tables equals the product without them.
    fn agrees<const N: usize>(def: &CurveDef<N>, scalars: &[[u64; N]], key: &[u64; N]) -> bool {
        let curve = Curve::new(def);
        let q = curve.mul(key, &curve.generator());
        let (Some(base), Some(table)) = (
            SplitTable::build(&curve, &curve.generator(), BASE_WIDTH),
            SplitTable::build(&curve, &q, SplitTable::<N>::KEY_WIDTH),
        ) else {
            return false;
        };
        scalars.iter().all(|k1| {
            scalars.iter().all(|k2| {
                let split = curve.split_double_mul(k1, &base, k2, &table);
                let plain = curve.double_mul(k1, &curve.generator(), k2, &q);
                curve.eq(&split, &plain)
            })
        })
    }

    #[test]
    fn split_products_agree_at_the_part_edges_on_every_curve() {
        for set in ParamSet::ALL {
            let ok = match set.curve() {
                CurveRef::W256(def) => agrees(def, &edge_scalars(def), &[3, 5, 7, 11]),
                CurveRef::W512(def) => {
                    agrees(def, &edge_scalars(def), &[3, 5, 7, 11, 13, 17, 19, 23])
                }
            };
            assert!(ok, "{set}");
        }
    }

    #[test]
    fn the_base_table_of_part_zero_is_the_generated_one() {
        fn check<const N: usize>(def: &CurveDef<N>) -> usize {
            // Verification runs on the isomorphic image when there is one.
            let on = def.isomorphism.map_or(def, |iso| &iso.image);
            let Some(generated) = on.base_table else {
                return 0;
            };
            let curve = Curve::new(on);
            let table = SplitTable::build(&curve, &curve.generator(), BASE_WIDTH).unwrap();
            for (i, (x, y)) in generated.iter().enumerate() {
                let digit = i8::try_from(2 * i + 1).unwrap();
                let (ex, ey) = table.entry(0, digit).unwrap();
                assert_eq!((on.p.decode(ex), on.p.decode(ey)), (*x, *y), "{i}");
            }
            // No part past the last one, no digit past the table's width, no zero.
            assert!(table.entry(N, 1).is_none());
            assert!(table.entry(0, 0).is_none());
            let narrow = SplitTable::build(&curve, &curve.generator(), 5).unwrap();
            assert!(narrow.entry(0, 15).is_some() && narrow.entry(0, 17).is_none());
            1
        }
        let checked: usize = ParamSet::ALL
            .into_iter()
            .map(|set| match set.curve() {
                CurveRef::W256(def) => check(def),
                CurveRef::W512(def) => check(def),
            })
            .sum();
        // CryptoPro-A under its three names, TC26-256-A, TC26-512-A and -C.
        assert_eq!(checked, 6);
    }

    #[test]
    fn a_table_is_built_on_the_second_use_only_and_a_clone_starts_afresh() {
        let prepared = Prepared::default();
        let mut builds = 0;
        let mut build = || {
            builds += 1;
            Some(SplitTable::<4> {
                width: 5,
                points: Vec::new(),
            })
        };
        assert!(prepared.table(&mut build).is_none());
        assert!(prepared.table(&mut build).is_some());
        assert!(prepared.table(&mut build).is_some());
        assert_eq!(builds, 1);
        assert!(prepared.is_built());
        assert!(!prepared.clone().is_built());
        // A key's debug form names the table, not its points.
        assert_eq!(format!("{prepared:?}"), "Prepared { built: true }");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(8))]

        /// Random scalars and keys on every curve.
        #[test]
        fn split_products_agree_on_random_scalars(
            k1 in any::<[u64; 8]>(), k2 in any::<[u64; 8]>(), mut d in any::<[u64; 8]>(),
        ) {
            d[0] |= 1;
            for set in ParamSet::ALL {
                let ok = match set.curve() {
                    CurveRef::W256(def) => {
                        let cut = |k: &[u64; 8]| [k[0], k[1], k[2], k[3]];
                        agrees(def, &[cut(&k1), cut(&k2)], &def.q.reduce_slow(&cut(&d)))
                    }
                    CurveRef::W512(def) => agrees(def, &[k1, k2], &def.q.reduce_slow(&d)),
                };
                prop_assert!(ok, "{}", set);
            }
        }
    }
}
