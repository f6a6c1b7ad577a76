//! The roles one member holds, stored compactly in sixteen bytes: the
//! built-in roles as bits, beside them one custom role inline (the usual
//! case of a member given a custom role) or, for two and more, a list behind
//! one thin pointer. The access check reads a member's roles without
//! leaving the membership's line of memory unless the member holds several
//! custom roles.

use super::{BuiltInRole, RoleRef};
use crate::ids::CustomRoleId;

/// The set of roles a member holds. Iterates built-in roles in catalog
/// order, then custom roles in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldRoles(Held);

/// The built-in roles' bits with the custom roles: none, one, or two and
/// more (never fewer in `Many`, so that equal sets are equal values).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Held {
    Plain(u8),
    One(u8, CustomRoleId),
    // A box around the vector on purpose: eight bytes in every membership
    // instead of twenty-four, for a list few members have.
    #[allow(clippy::box_collection)]
    Many(u8, Box<Vec<CustomRoleId>>),
}

impl Default for HeldRoles {
    fn default() -> Self {
        Self(Held::Plain(0))
    }
}

impl HeldRoles {
    fn builtin(&self) -> u8 {
        match &self.0 {
            Held::Plain(b) | Held::One(b, _) | Held::Many(b, _) => *b,
        }
    }

    fn builtin_mut(&mut self) -> &mut u8 {
        match &mut self.0 {
            Held::Plain(b) | Held::One(b, _) | Held::Many(b, _) => b,
        }
    }

    fn custom(&self) -> &[CustomRoleId] {
        match &self.0 {
            Held::Plain(_) => &[],
            Held::One(_, id) => std::slice::from_ref(id),
            Held::Many(_, list) => list.as_slice(),
        }
    }

    /// Whether the role is held.
    pub fn contains(&self, role: RoleRef) -> bool {
        match role {
            RoleRef::BuiltIn(b) => self.builtin() & bit(b) != 0,
            RoleRef::Custom(id) => self.custom().contains(&id),
        }
    }

    /// How many roles are held.
    pub fn len(&self) -> usize {
        self.builtin().count_ones() as usize + self.custom().len()
    }

    /// Whether no role is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The roles held.
    pub fn iter(&self) -> impl Iterator<Item = RoleRef> + '_ {
        let builtin = self.builtin();
        BuiltInRole::ALL
            .into_iter()
            .filter(move |&b| builtin & bit(b) != 0)
            .map(RoleRef::BuiltIn)
            .chain(self.custom().iter().map(|&id| RoleRef::Custom(id)))
    }

    /// Adds a role; nothing happens if it is held.
    pub fn insert(&mut self, role: RoleRef) {
        let id = match role {
            RoleRef::BuiltIn(b) => {
                *self.builtin_mut() |= bit(b);
                return;
            }
            RoleRef::Custom(id) if self.custom().contains(&id) => return,
            RoleRef::Custom(id) => id,
        };
        let b = self.builtin();
        self.0 = match std::mem::replace(&mut self.0, Held::Plain(b)) {
            Held::Plain(b) => Held::One(b, id),
            Held::One(b, first) => Held::Many(b, Box::new(vec![first, id])),
            Held::Many(b, mut list) => {
                list.push(id);
                Held::Many(b, list)
            }
        };
    }

    /// Removes a role; nothing happens if it is not held.
    pub fn remove(&mut self, role: RoleRef) {
        let id = match role {
            RoleRef::BuiltIn(b) => {
                *self.builtin_mut() &= !bit(b);
                return;
            }
            RoleRef::Custom(id) => id,
        };
        let b = self.builtin();
        self.0 = match std::mem::replace(&mut self.0, Held::Plain(b)) {
            Held::One(b, held) if held == id => Held::Plain(b),
            Held::Many(b, mut list) => {
                list.retain(|&c| c != id);
                match list.as_slice() {
                    [] => Held::Plain(b),
                    [one] => Held::One(b, *one),
                    _ => Held::Many(b, list),
                }
            }
            other => other,
        };
    }
}

impl FromIterator<RoleRef> for HeldRoles {
    fn from_iter<I: IntoIterator<Item = RoleRef>>(iter: I) -> Self {
        let mut held = HeldRoles::default();
        for role in iter {
            held.insert(role);
        }
        held
    }
}

fn bit(role: BuiltInRole) -> u8 {
    1 << (role as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_built_in_and_custom_roles_as_a_set() {
        let acc = RoleRef::BuiltIn(BuiltInRole::Accountant);
        let c7 = RoleRef::Custom(CustomRoleId(7));
        let mut h: HeldRoles = [c7, acc, acc].into_iter().collect();
        assert_eq!(h.len(), 2);
        assert_eq!(h.iter().collect::<Vec<_>>(), [acc, c7]);
        assert!(h.contains(c7) && h.contains(acc));
        h.remove(c7);
        h.remove(RoleRef::BuiltIn(BuiltInRole::Hr));
        assert_eq!(h.iter().collect::<Vec<_>>(), [acc]);
        assert!(!h.contains(c7));
        for b in BuiltInRole::ALL {
            h.insert(RoleRef::BuiltIn(b));
        }
        assert_eq!(h.len(), 8);
    }

    #[test]
    fn equal_sets_are_equal_values_however_they_were_reached() {
        let c = |n| RoleRef::Custom(CustomRoleId(n));
        let mut h: HeldRoles = [c(1), c(2), c(3)].into_iter().collect();
        h.remove(c(1));
        h.remove(c(3));
        let one: HeldRoles = [c(2)].into_iter().collect();
        assert_eq!(h, one);
        assert_eq!(h.iter().collect::<Vec<_>>(), [c(2)]);
        h.remove(c(2));
        assert_eq!(h, HeldRoles::default());
        assert!(h.is_empty());
        h.insert(c(5));
        h.insert(c(5));
        h.insert(RoleRef::BuiltIn(BuiltInRole::Hr));
        assert_eq!(h.len(), 2);
        assert_eq!(
            h.iter().collect::<Vec<_>>(),
            [RoleRef::BuiltIn(BuiltInRole::Hr), c(5)]
        );
        assert_eq!(std::mem::size_of::<HeldRoles>(), 16);
    }
}
