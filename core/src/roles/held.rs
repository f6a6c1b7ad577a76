//! The roles one member holds, stored compactly: the built-in roles as bits,
//! custom roles in a list behind one thin pointer that is absent (no
//! allocation, eight bytes) for the many members who hold none.

use super::{BuiltInRole, RoleRef};
use crate::ids::CustomRoleId;

/// The set of roles a member holds. Iterates built-in roles in catalog
/// order, then custom roles in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeldRoles {
    builtin: u8,
    // A box around the vector on purpose: eight bytes in every membership
    // instead of twenty-four, for a list most members do not have.
    #[allow(clippy::box_collection)]
    custom: Option<Box<Vec<CustomRoleId>>>,
}

impl HeldRoles {
    fn custom(&self) -> &[CustomRoleId] {
        self.custom.as_deref().map_or(&[], Vec::as_slice)
    }

    /// Whether the role is held.
    pub fn contains(&self, role: RoleRef) -> bool {
        match role {
            RoleRef::BuiltIn(b) => self.builtin & bit(b) != 0,
            RoleRef::Custom(id) => self.custom().contains(&id),
        }
    }

    /// How many roles are held.
    pub fn len(&self) -> usize {
        self.builtin.count_ones() as usize + self.custom().len()
    }

    /// Whether no role is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The roles held.
    pub fn iter(&self) -> impl Iterator<Item = RoleRef> + '_ {
        BuiltInRole::ALL
            .into_iter()
            .filter(|&b| self.builtin & bit(b) != 0)
            .map(RoleRef::BuiltIn)
            .chain(self.custom().iter().map(|&id| RoleRef::Custom(id)))
    }

    /// Adds a role; nothing happens if it is held.
    pub fn insert(&mut self, role: RoleRef) {
        match role {
            RoleRef::BuiltIn(b) => self.builtin |= bit(b),
            RoleRef::Custom(id) if !self.custom().contains(&id) => {
                self.custom.get_or_insert_with(Box::default).push(id);
            }
            RoleRef::Custom(_) => {}
        }
    }

    /// Removes a role; nothing happens if it is not held.
    pub fn remove(&mut self, role: RoleRef) {
        match role {
            RoleRef::BuiltIn(b) => self.builtin &= !bit(b),
            RoleRef::Custom(id) => {
                if let Some(list) = &mut self.custom {
                    list.retain(|&c| c != id);
                    if list.is_empty() {
                        self.custom = None;
                    }
                }
            }
        }
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
}
