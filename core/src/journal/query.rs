//! Selecting journal entries by actor, organization, kind and time.

use super::Entry;
use crate::directory::Actor;
use crate::ids::OrgId;
use crate::Timestamp;

/// Which entries to select; every field left `None` selects everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only entries of this actor.
    pub actor: Option<Actor>,
    /// Only entries concerning this organization.
    pub organization: Option<OrgId>,
    /// Only entries whose command kind (`assign_role`) or one of whose event
    /// kinds (`role_assigned`) is this.
    pub kind: Option<String>,
    /// Only entries at or after this instant.
    pub from: Option<Timestamp>,
    /// Only entries strictly before this instant.
    pub until: Option<Timestamp>,
}

impl Filter {
    /// Everything.
    pub fn all() -> Self {
        Self::default()
    }

    /// Whether the entry is selected.
    pub fn matches(&self, entry: &Entry) -> bool {
        let r = &entry.record;
        self.actor.is_none_or(|a| r.actor == a)
            && self.organization.is_none_or(|o| r.organization == Some(o))
            && self.from.is_none_or(|t| r.at >= t)
            && self.until.is_none_or(|t| r.at < t)
            && self
                .kind
                .as_deref()
                .is_none_or(|k| r.kind == k || r.outcome.events().iter().any(|e| e.kind() == k))
    }
}
