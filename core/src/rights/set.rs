//! A set of rights as a 64-bit mask: union, intersection and tests are single
//! instructions, and the set is `Copy`.

use super::Right;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A set of rights of the catalog.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RightSet(u64);

impl RightSet {
    /// The empty set.
    pub const EMPTY: RightSet = RightSet(0);

    /// Every right of the catalog.
    pub fn all() -> RightSet {
        Self::of(Right::ALL)
    }

    /// The set of the given rights; usable in constants.
    pub const fn of(rights: &[Right]) -> RightSet {
        let mut bits = 0u64;
        let mut rest = rights;
        while let [first, tail @ ..] = rest {
            bits |= 1u64 << (*first as u32);
            rest = tail;
        }
        RightSet(bits)
    }

    /// Whether the right is in the set.
    #[inline]
    pub fn contains(self, right: Right) -> bool {
        self.0 & Self::bit(right) != 0
    }

    /// The set with the right added.
    #[inline]
    #[must_use]
    pub fn with(self, right: Right) -> RightSet {
        RightSet(self.0 | Self::bit(right))
    }

    /// The set with the right removed.
    #[must_use]
    pub fn without(self, right: Right) -> RightSet {
        RightSet(self.0 & !Self::bit(right))
    }

    /// Rights in either set.
    #[inline]
    #[must_use]
    pub fn union(self, other: RightSet) -> RightSet {
        RightSet(self.0 | other.0)
    }

    /// Rights in both sets.
    #[must_use]
    pub fn intersection(self, other: RightSet) -> RightSet {
        RightSet(self.0 & other.0)
    }

    /// Rights of this set that are not in `other`.
    #[must_use]
    pub fn difference(self, other: RightSet) -> RightSet {
        RightSet(self.0 & !other.0)
    }

    /// Whether every right of this set is in `other`.
    pub fn is_subset(self, other: RightSet) -> bool {
        self.0 & !other.0 == 0
    }

    /// Whether the set holds no right.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many rights the set holds.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The rights of the set, in catalog order.
    pub fn iter(self) -> impl Iterator<Item = Right> {
        Right::ALL
            .iter()
            .copied()
            .filter(move |&r| self.contains(r))
    }

    /// The raw mask (bit `i` is `Right::ALL[i]`), for compact storage.
    pub fn bits(self) -> u64 {
        self.0
    }

    /// A set from a raw mask; bits beyond the catalog are dropped.
    pub fn from_bits(bits: u64) -> RightSet {
        RightSet(bits & Self::all().0)
    }

    #[inline]
    fn bit(right: Right) -> u64 {
        1u64 << right.index()
    }
}

impl FromIterator<Right> for RightSet {
    fn from_iter<I: IntoIterator<Item = Right>>(iter: I) -> Self {
        iter.into_iter().fold(Self::EMPTY, |s, r| s.with(r))
    }
}

impl core::fmt::Debug for RightSet {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_set().entries(self.iter().map(Right::code)).finish()
    }
}

impl Serialize for RightSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for RightSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let rights = Vec::<Right>::deserialize(deserializer)?;
        Ok(rights.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn any_set() -> impl Strategy<Value = RightSet> {
        any::<u64>().prop_map(RightSet::from_bits)
    }

    proptest! {
        #[test]
        fn algebra_holds(a in any_set(), b in any_set()) {
            prop_assert!(a.intersection(b).is_subset(a));
            prop_assert!(a.is_subset(a.union(b)));
            prop_assert!(a.difference(b).intersection(b).is_empty());
            prop_assert_eq!(a.iter().collect::<RightSet>(), a);
            prop_assert_eq!(a.len(), a.iter().count());
        }

        #[test]
        fn serde_round_trips(a in any_set()) {
            let json = serde_json::to_string(&a).unwrap();
            prop_assert_eq!(serde_json::from_str::<RightSet>(&json).unwrap(), a);
        }
    }

    #[test]
    fn membership_and_codes() {
        let s = RightSet::of(&[Right::UsersView, Right::JournalView]);
        assert!(s.contains(Right::UsersView));
        assert!(!s.contains(Right::UsersManage));
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"["users.view","journal.view"]"#
        );
        assert_eq!(RightSet::all().len(), Right::ALL.len());
        assert!(serde_json::from_str::<RightSet>(r#"["users.fly"]"#).is_err());
    }
}
