//! The rights catalog and the built-in roles, as records.

use crate::context::SignatureLevel;
use kabinet::policy::Policy;
use kabinet::{BuiltInRole, Right};

/// A right of the catalog.
#[derive(Debug, Clone, uniffi::Record)]
pub struct RightInfo {
    /// The stable code, `area.level`.
    pub code: String,
    /// What it allows, in Russian.
    pub title_ru: String,
    /// What it allows, in English.
    pub title_en: String,
    /// The signature level the default policy requires.
    pub required_signature: SignatureLevel,
}

/// A built-in role.
#[derive(Debug, Clone, uniffi::Record)]
pub struct RoleInfo {
    /// The stable code (`administrator`).
    pub code: String,
    /// The name the portal shows.
    pub title_ru: String,
    /// The rights it gives.
    pub rights: Vec<String>,
    /// Whether a command may give it (the head's may not).
    pub assignable: bool,
}

/// Every right of the catalog, in catalog order.
#[uniffi::export]
pub fn rights() -> Vec<RightInfo> {
    let policy = Policy::default();
    Right::ALL
        .iter()
        .map(|&r| RightInfo {
            code: r.code().into(),
            title_ru: r.title_ru().into(),
            title_en: r.title_en().into(),
            required_signature: policy.signatures.required(r),
        })
        .collect()
}

/// The built-in roles.
#[uniffi::export]
pub fn builtin_roles() -> Vec<RoleInfo> {
    BuiltInRole::ALL
        .iter()
        .map(|&b| RoleInfo {
            code: b.code().into(),
            title_ru: b.title_ru().into(),
            rights: b.rights().iter().map(|r| r.code().to_owned()).collect(),
            assignable: b.is_assignable(),
        })
        .collect()
}
