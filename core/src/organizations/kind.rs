//! Kinds of organizations and which requisites each must have.

use crate::ids::OrgId;
use serde::{Deserialize, Serialize};

/// The level of a state or municipal institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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
#[serde(rename_all = "snake_case", tag = "kind", from = "KindForm")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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

/// The JSON form [`OrganizationKind`] is read from. serde lets extra fields
/// of an internally tagged unit variant pass (`{"kind": "legal_entity",
/// "parent": 5}`); written as empty struct variants here, they are refused.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case", tag = "kind")]
enum KindForm {
    LegalEntity {},
    IndividualEntrepreneur {},
    Institution { level: InstitutionLevel },
    StateBody {},
    Branch { parent: OrgId },
}

impl From<KindForm> for OrganizationKind {
    fn from(f: KindForm) -> Self {
        match f {
            KindForm::LegalEntity {} => Self::LegalEntity,
            KindForm::IndividualEntrepreneur {} => Self::IndividualEntrepreneur,
            KindForm::Institution { level } => Self::Institution { level },
            KindForm::StateBody {} => Self::StateBody,
            KindForm::Branch { parent } => Self::Branch { parent },
        }
    }
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
