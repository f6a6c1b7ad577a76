//! Kinds of organizations and which requisites each must have.

use crate::ids::OrgId;
use serde::{Deserialize, Serialize};

/// The level of a state or municipal institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstitutionLevel {
    /// Федеральное.
    Federal,
    /// Региональное.
    Regional,
    /// Муниципальное.
    Municipal,
}

/// The kind of an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum OrganizationKind {
    /// Юридическое лицо: ИНН of 10 digits, ОГРН, КПП.
    LegalEntity,
    /// Индивидуальный предприниматель: ИНН of 12 digits, ОГРНИП.
    IndividualEntrepreneur,
    /// Государственное или муниципальное учреждение.
    Institution {
        /// Federal, regional or municipal.
        level: InstitutionLevel,
    },
    /// Орган государственной власти или местного самоуправления (ОГВ/ОМСУ).
    StateBody,
    /// Филиал of a registered legal entity: the parent's ИНН and ОГРН, its own КПП.
    Branch {
        /// The legal entity the branch belongs to.
        parent: OrgId,
    },
}

impl OrganizationKind {
    /// Whether this kind is identified by a 12-digit ИНН and an ОГРНИП.
    pub fn is_entrepreneur(self) -> bool {
        self == Self::IndividualEntrepreneur
    }

    /// The stable code of the kind.
    pub fn code(self) -> &'static str {
        match self {
            Self::LegalEntity => "legal_entity",
            Self::IndividualEntrepreneur => "individual_entrepreneur",
            Self::Institution { .. } => "institution",
            Self::StateBody => "state_body",
            Self::Branch { .. } => "branch",
        }
    }
}
