//! The catalog of rights: what can be done in an organization's account.
//!
//! DOMAIN §5 names the areas of the account (requisites, settings, users,
//! applications, documents, payments, …) and the access levels on each
//! (view, edit, delete, approve, manage users). A [`Right`] is one meaningful
//! pair of an [`Area`] and a [`Level`]; the catalog lists exactly those pairs.
//! Rights are held in a [`RightSet`], a bit set, so a permission check is a
//! bit test.

mod catalog;
mod set;

pub use catalog::{Area, Level, Right};
pub use set::RightSet;
