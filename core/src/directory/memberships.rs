//! An account's memberships, kept with the account: the first inline in the
//! account's entry, the others (a person in several organizations) in one
//! boxed slice beside it.
//!
//! The access check reads the account and the membership of the organization
//! asked about. With the membership in the account's own entry, both are in
//! adjacent lines of memory: one fetch from memory for a directory too large
//! for the caches, where a separate slab cost a second and the list of its
//! places a third (`benches/check_random.rs`, BENCHMARKS.md). Memberships
//! are never removed (a dismissal is a status), so an entry only grows.

use crate::employees::Membership;
use crate::ids::OrgId;

/// The memberships of one account, in joining order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Memberships {
    first: Option<(OrgId, Membership)>,
    rest: Box<[(OrgId, Membership)]>,
}

impl Memberships {
    /// The membership in an organization.
    pub(super) fn get(&self, org: OrgId) -> Option<&Membership> {
        match &self.first {
            Some((o, m)) if *o == org => Some(m),
            Some(_) => self.rest.iter().find(|(o, _)| *o == org).map(|(_, m)| m),
            None => None,
        }
    }

    /// The membership in an organization, to change.
    pub(super) fn get_mut(&mut self, org: OrgId) -> Option<&mut Membership> {
        match &mut self.first {
            Some((o, m)) if *o == org => Some(m),
            Some(_) => self
                .rest
                .iter_mut()
                .find(|(o, _)| *o == org)
                .map(|(_, m)| m),
            None => None,
        }
    }

    /// Every membership with its organization, in joining order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &(OrgId, Membership)> {
        self.first.iter().chain(self.rest.iter())
    }

    /// How many organizations the account belongs to.
    pub(super) fn len(&self) -> usize {
        usize::from(self.first.is_some()) + self.rest.len()
    }

    /// Records a membership: replaces the one in the same organization, or
    /// joins a new one at the end. Says whether it was new.
    pub(super) fn put(&mut self, org: OrgId, membership: Membership) -> bool {
        if let Some(old) = self.get_mut(org) {
            *old = membership;
            return false;
        }
        if self.first.is_none() {
            self.first = Some((org, membership));
        } else {
            let mut rest = std::mem::take(&mut self.rest).into_vec();
            rest.reserve_exact(1);
            rest.push((org, membership));
            self.rest = rest.into_boxed_slice();
        }
        true
    }

    /// The list from joining order; `None` when an organization comes twice.
    pub(super) fn from_ordered(list: Vec<(OrgId, Membership)>) -> Option<Self> {
        let mut out = Self::default();
        for (org, m) in list {
            if !out.put(org, m) {
                return None;
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::employees::{MembershipStatus, Standing};
    use crate::rights::RightSet;

    fn member(standing: Standing) -> Membership {
        Membership {
            standing,
            status: MembershipStatus::Active,
            roles: Default::default(),
            grants: RightSet::EMPTY,
            position: None,
            joined_at: crate::Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn memberships_keep_joining_order_and_replace_in_place() {
        let mut list = Memberships::default();
        assert_eq!(list.len(), 0);
        assert!(list.get(OrgId(1)).is_none());
        assert!(list.put(OrgId(3), member(Standing::Employee)));
        assert!(list.put(OrgId(1), member(Standing::Employee)));
        assert!(list.put(OrgId(2), member(Standing::Employee)));
        assert!(!list.put(OrgId(1), member(Standing::Head)));
        let orgs: Vec<OrgId> = list.iter().map(|(o, _)| *o).collect();
        assert_eq!(orgs, [OrgId(3), OrgId(1), OrgId(2)]);
        assert_eq!(list.len(), 3);
        assert_eq!(list.get(OrgId(1)).map(|m| m.standing), Some(Standing::Head));
        assert_eq!(
            list.get(OrgId(3)).map(|m| m.standing),
            Some(Standing::Employee)
        );
        if let Some(m) = list.get_mut(OrgId(2)) {
            m.status = MembershipStatus::Dismissed;
        }
        assert_eq!(
            list.get(OrgId(2)).map(|m| m.status),
            Some(MembershipStatus::Dismissed)
        );
        assert!(list.get(OrgId(4)).is_none());
    }

    #[test]
    fn a_list_naming_an_organization_twice_is_refused() {
        let twice = vec![
            (OrgId(1), member(Standing::Employee)),
            (OrgId(1), member(Standing::Head)),
        ];
        assert!(Memberships::from_ordered(twice).is_none());
        let once = vec![(OrgId(1), member(Standing::Employee))];
        assert_eq!(Memberships::from_ordered(once).map(|l| l.len()), Some(1));
    }
}
