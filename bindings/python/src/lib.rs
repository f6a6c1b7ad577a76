//! Python bindings of kabinet: the native module `kabinet._kabinet`.
//!
//! The binding is thin: every class and function converts Python values to
//! the library's types, calls the facade ([`kabinet::Kabinet`]) or the core,
//! and converts the answer back. No rule of the domain is implemented here.
//! The pure-Python package `kabinet` (in `python/kabinet/`) re-exports this
//! module, defines the exception hierarchy under `kabinet.KabinetError` and
//! adds typed methods that build the documented JSON form of each command.
//!
//! One file per concept: [`identifiers`], [`context`], [`decision`],
//! [`handle`] (the directory, in memory or on SQLite), [`catalog`] (rights
//! and built-in roles), [`registry`] (the in-memory state registry),
//! [`delegation`] (powers of attorney), [`pki`] (certificates),
//! [`gost`] (GOST signatures, Streebog), [`journal`] (the journal and the
//! store), [`auth`] (passwords, OTP, sessions), [`notifications`],
//! [`applications`], and [`errors`], [`json`] and [`time`] (the conversions
//! every other file uses). A later capability is one more file registered below.

use pyo3::prelude::*;

mod applications;
mod audit;
mod auth;
mod catalog;
mod cms;
mod context;
mod decision;
mod delegation;
mod errors;
mod fns_power;
mod gost;
mod handle;
mod id;
mod identifiers;
mod journal;
mod json;
mod notifications;
mod pki;
mod registry;
mod right;
mod time;
mod xmldsig;

/// The native module; `kabinet/__init__.py` re-exports what users need.
#[pymodule]
fn _kabinet(m: &Bound<'_, PyModule>) -> PyResult<()> {
    identifiers::register(m)?;
    context::register(m)?;
    decision::register(m)?;
    handle::register(m)?;
    catalog::register(m)?;
    registry::register(m)?;
    delegation::register(m)?;
    pki::register(m)?;
    m.add_class::<kabinet::CodedMessage>()?;
    cms::register(m)?;
    fns_power::register(m)?;
    xmldsig::register(m)?;
    gost::register(m)?;
    journal::register(m)?;
    audit::register(m)?;
    auth::register(m)?;
    notifications::register(m)?;
    applications::register(m)?;
    Ok(())
}
