//! The rights catalog and the built-in roles, as the FFI model's records.

pub use kabinet::ffi::{RightInfo, RoleInfo};
use kabinet::policy::Policy;
use kabinet::{BuiltInRole, Right};

/// Every right of the catalog, in catalog order.
#[uniffi::export]
pub fn rights() -> Vec<RightInfo> {
    let policy = Policy::default();
    Right::ALL
        .iter()
        .map(|&r| RightInfo::of(r, &policy))
        .collect()
}

/// The built-in roles.
#[uniffi::export]
pub fn builtin_roles() -> Vec<RoleInfo> {
    BuiltInRole::ALL
        .iter()
        .map(|&b| RoleInfo::from(b))
        .collect()
}
