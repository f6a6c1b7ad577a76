//! A map from the directory's sequential numbers to records, stored densely.
//!
//! The directory numbers accounts and organizations from a counter, so the
//! numbers in use are 1, 2, 3, … with few gaps. [`IdMap`] keeps such records
//! in a vector indexed by number: no hashing, no table slack, no box per
//! record — for a directory of hundreds of thousands of accounts this is the
//! difference between fitting a memory budget and not. A number far beyond
//! the dense run (an event from a foreign journal, a hand-made snapshot) goes
//! to a small ordered side map instead, so no number can make the vector grow
//! without bound.

use std::collections::BTreeMap;

/// How far past the end of the dense run a number may land and still be
/// stored densely. Numbers come from a counter, so a gap is at most the
/// commands refused in between; 4,096 empty places cost little, and anything
/// further goes to the side map.
const DENSE_SLACK: u64 = 4096;

/// A number the directory assigns.
pub(crate) trait SequentialId: Copy + Ord {
    /// The number.
    fn number(self) -> u64;
    /// The identifier of a number.
    fn from_number(number: u64) -> Self;
}

macro_rules! sequential {
    ($($t:ty),*) => {$(
        impl SequentialId for $t {
            fn number(self) -> u64 {
                self.0
            }
            fn from_number(number: u64) -> Self {
                Self(number)
            }
        }
    )*};
}

sequential!(crate::ids::AccountId, crate::ids::OrgId);

/// Records keyed by sequential numbers; see the module documentation.
#[derive(Debug, Clone)]
pub(crate) struct IdMap<K, V> {
    dense: Vec<Option<V>>,
    sparse: BTreeMap<K, V>,
    len: usize,
}

impl<K: Ord, V> Default for IdMap<K, V> {
    fn default() -> Self {
        Self {
            dense: Vec::new(),
            sparse: BTreeMap::new(),
            len: 0,
        }
    }
}

impl<K: SequentialId, V> IdMap<K, V> {
    fn place(&self, key: K) -> Option<usize> {
        usize::try_from(key.number()).ok()
    }

    /// The record under `key`.
    pub(crate) fn get(&self, key: &K) -> Option<&V> {
        let dense = self
            .place(*key)
            .and_then(|i| self.dense.get(i))
            .and_then(Option::as_ref);
        match dense {
            Some(v) => Some(v),
            None if self.sparse.is_empty() => None,
            None => self.sparse.get(key),
        }
    }

    /// The record under `key`, to change.
    pub(crate) fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        let place = self.place(*key);
        match place.and_then(|i| self.dense.get_mut(i)) {
            Some(Some(v)) => Some(v),
            _ => self.sparse.get_mut(key),
        }
    }

    /// Stores `value` under `key`, returning the record it replaces.
    pub(crate) fn insert(&mut self, key: K, value: V) -> Option<V> {
        if let Some(old) = self.sparse.get_mut(&key) {
            return Some(std::mem::replace(old, value));
        }
        let end = self.dense.len() as u64;
        let dense_place = self
            .place(key)
            .filter(|_| key.number() < end.saturating_add(DENSE_SLACK));
        let Some(i) = dense_place else {
            self.len += 1;
            return self.sparse.insert(key, value);
        };
        if i >= self.dense.len() {
            self.dense.resize_with(i + 1, || None);
        }
        let old = self.dense.get_mut(i).and_then(|slot| slot.replace(value));
        if old.is_none() {
            self.len += 1;
        }
        old
    }

    /// How many records.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Every key and record, in the order of their numbers.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (K, &V)> {
        let mut dense = (0u64..)
            .zip(&self.dense)
            .filter_map(|(n, v)| Some((K::from_number(n), v.as_ref()?)))
            .peekable();
        let mut sparse = self.sparse.iter().map(|(k, v)| (*k, v)).peekable();
        std::iter::from_fn(move || match (dense.peek(), sparse.peek()) {
            (Some((a, _)), Some((b, _))) if b < a => sparse.next(),
            (Some(_), _) => dense.next(),
            (None, _) => sparse.next(),
        })
    }

    /// Every record, in the order of their numbers.
    pub(crate) fn values(&self) -> impl Iterator<Item = &V> {
        self.iter().map(|(_, v)| v)
    }
}

impl<K: SequentialId, V> FromIterator<(K, V)> for IdMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = Self::default();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

/// Two maps are equal when they hold the same records under the same keys,
/// however each stores them.
impl<K: SequentialId, V: PartialEq> PartialEq for IdMap<K, V> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl<K: SequentialId, V: Eq> Eq for IdMap<K, V> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::AccountId;

    #[test]
    fn sequential_numbers_are_dense_and_far_ones_are_not() {
        let mut m = IdMap::default();
        for n in 1..=100 {
            assert_eq!(m.insert(AccountId(n), n * 10), None);
        }
        m.insert(AccountId(u64::MAX), 7);
        m.insert(AccountId(1 << 40), 8);
        assert_eq!(m.len(), 102);
        assert_eq!(m.dense.len(), 101);
        assert_eq!(m.sparse.len(), 2);
        assert_eq!(m.get(&AccountId(42)), Some(&420));
        assert_eq!(m.get(&AccountId(u64::MAX)), Some(&7));
        assert_eq!(m.get(&AccountId(0)), None);
        assert_eq!(m.get(&AccountId(101)), None);
        assert_eq!(m.insert(AccountId(42), 1), Some(420));
        assert_eq!(m.insert(AccountId(u64::MAX), 9), Some(7));
        assert_eq!(m.len(), 102);
        if let Some(v) = m.get_mut(&AccountId(1 << 40)) {
            *v = 11;
        }
        assert_eq!(m.get(&AccountId(1 << 40)), Some(&11));
    }

    #[test]
    fn a_number_in_the_side_map_stays_there_when_the_run_reaches_it() {
        let mut m = IdMap::default();
        m.insert(AccountId(5000), 1);
        for n in 1..=5000 {
            m.insert(AccountId(n), 2);
        }
        assert_eq!(m.len(), 5000);
        assert_eq!(m.get(&AccountId(5000)), Some(&2));
        assert_eq!(m.iter().count(), 5000);
    }

    #[test]
    fn iteration_is_in_number_order_and_equality_ignores_storage() {
        let mut a = IdMap::default();
        a.insert(AccountId(9000), "far");
        a.insert(AccountId(2), "b");
        a.insert(AccountId(1), "a");
        let keys: Vec<u64> = a.iter().map(|(k, _)| k.0).collect();
        assert_eq!(keys, [1, 2, 9000]);
        let b: IdMap<_, _> = [
            (AccountId(1), "a"),
            (AccountId(2), "b"),
            (AccountId(9000), "far"),
        ]
        .into_iter()
        .collect();
        assert_eq!(a, b);
        let c: IdMap<_, _> = [(AccountId(1), "a"), (AccountId(2), "b")]
            .into_iter()
            .collect();
        assert_ne!(a, c);
    }

    proptest::proptest! {
        /// Whatever the numbers — a dense run, gaps, far ones, repeats — the
        /// map behaves as an ordered map holding the same records.
        #[test]
        fn behaves_as_an_ordered_map(
            ops in proptest::collection::vec(
                (proptest::prop_oneof![0u64..64, 0u64..10_000, proptest::num::u64::ANY], 0u32..1000),
                0..200,
            )
        ) {
            let mut map = IdMap::default();
            let mut model = BTreeMap::new();
            for (n, v) in ops {
                proptest::prop_assert_eq!(map.insert(AccountId(n), v), model.insert(AccountId(n), v));
                proptest::prop_assert_eq!(map.len(), model.len());
            }
            let listed: Vec<(AccountId, u32)> = map.iter().map(|(k, v)| (k, *v)).collect();
            let expected: Vec<(AccountId, u32)> = model.iter().map(|(k, v)| (*k, *v)).collect();
            proptest::prop_assert_eq!(listed, expected);
            for (k, v) in &model {
                proptest::prop_assert_eq!(map.get(k), Some(v));
            }
            let rebuilt: IdMap<_, _> = model.into_iter().collect();
            proptest::prop_assert!(map == rebuilt);
        }
    }
}
