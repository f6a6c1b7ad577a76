//! Who acts, when and with which signature: `Context` and `Signature`.
//!
//! Times are timezone-aware `datetime`s (UTC when they come out); a context
//! built without `at` takes the facade's clock ([`kabinet::Kabinet::now`]).

use crate::errors;
use crate::identifiers::error;
use kabinet::identifiers::{Inn, Ogrn, Ogrnip, Snils};
use kabinet::{AccountId, Actor, SignatureEvidence, SignatureLevel, SignerIdentity, Timestamp};
use pyo3::prelude::*;

/// Reads a signature level by name: `simple`, `enhanced` or `qualified`.
pub fn level(py: Python<'_>, name: &str) -> PyResult<SignatureLevel> {
    SignatureLevel::ALL
        .into_iter()
        .find(|l| l.as_str() == name)
        .ok_or_else(|| {
            errors::input(
                py,
                &kabinet::InputError::new(kabinet::InputKind::SignatureLevel, name)
                    .because("expected simple, enhanced or qualified"),
            )
        })
}

/// Reads an IP address (v4 or v6).
fn ip(py: Python<'_>, text: &str) -> PyResult<std::net::IpAddr> {
    text.parse().map_err(|_| {
        errors::input(
            py,
            &kabinet::InputError::new(kabinet::InputKind::IpAddress, text),
        )
    })
}

/// The signature offered with a command or a request, and the identity its
/// certificate asserts (for enhanced and qualified signatures).
#[pyclass(frozen, module = "kabinet")]
#[derive(Clone)]
pub struct Signature(pub SignatureEvidence);

#[pymethods]
impl Signature {
    #[new]
    #[pyo3(signature = (level = "simple", *, snils = None, inn = None, organization_inn = None, ogrn = None, ogrnip = None, bound_certificate = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        level: &str,
        snils: Option<&str>,
        inn: Option<&str>,
        organization_inn: Option<&str>,
        ogrn: Option<&str>,
        ogrnip: Option<&str>,
        bound_certificate: Option<String>,
    ) -> PyResult<Self> {
        let level = self::level(py, level)?;
        let e = |r: kabinet::identifiers::IdentifierError| error(py, &r);
        let signer = SignerIdentity {
            snils: snils.map(Snils::parse).transpose().map_err(e)?,
            inn: inn.map(Inn::parse).transpose().map_err(e)?,
            organization_inn: organization_inn.map(Inn::parse).transpose().map_err(e)?,
            ogrn: ogrn.map(Ogrn::parse).transpose().map_err(e)?,
            ogrnip: ogrnip.map(Ogrnip::parse).transpose().map_err(e)?,
        };
        let has_signer = signer != SignerIdentity::default();
        Ok(Self(SignatureEvidence {
            level,
            signer: has_signer.then_some(signer),
            bound_certificate,
        }))
    }

    /// A signature made with the certificate bound to the acting employee
    /// that has this SHA-256 fingerprint (hex): `check` uses the binding's
    /// level and holder, and refuses when it is not bound to the actor for
    /// the organization or is outside its validity.
    #[staticmethod]
    fn bound(fingerprint: String) -> Self {
        Self(SignatureEvidence::bound(fingerprint))
    }

    /// The fingerprint of the bound certificate named, if any.
    #[getter]
    fn bound_certificate(&self) -> Option<String> {
        self.0.bound_certificate.clone()
    }

    /// A simple signature (ПЭП): a password or a one-time code.
    #[staticmethod]
    fn simple() -> Self {
        Self(SignatureEvidence::simple())
    }

    /// `simple`, `enhanced` or `qualified`.
    #[getter]
    fn level(&self) -> &'static str {
        self.0.level.as_str()
    }

    fn __repr__(&self) -> String {
        format!(
            "Signature({:?}, signer={})",
            self.0.level.as_str(),
            self.0.signer.is_some()
        )
    }
}

/// The circumstances of a command: who acts, when, with which signature.
#[pyclass(frozen, module = "kabinet")]
#[derive(Clone)]
pub struct Context(pub kabinet::Context);

#[pymethods]
impl Context {
    /// The portal itself acting (the host's trusted process); `ip` is the
    /// address of the request it records (a login's).
    #[staticmethod]
    #[pyo3(signature = (at = None, ip = None))]
    fn system(py: Python<'_>, at: Option<&Bound<'_, PyAny>>, ip: Option<&str>) -> PyResult<Self> {
        let ctx = kabinet::Context::system(crate::time::timestamp(at)?);
        Ok(Self(match ip {
            Some(ip) => ctx.from_ip(self::ip(py, ip)?),
            None => ctx,
        }))
    }

    /// A person acting through their account.
    #[staticmethod]
    #[pyo3(signature = (account, at = None, signature = None, ip = None))]
    fn account(
        py: Python<'_>,
        account: crate::id::Id,
        at: Option<&Bound<'_, PyAny>>,
        signature: Option<&Bound<'_, Signature>>,
        ip: Option<&str>,
    ) -> PyResult<Self> {
        let mut ctx = kabinet::Context::account(AccountId(account.0), crate::time::timestamp(at)?);
        if let Some(s) = signature {
            ctx = ctx.signed(s.get().0.clone());
        }
        if let Some(ip) = ip {
            ctx = ctx.from_ip(self::ip(py, ip)?);
        }
        Ok(Self(ctx))
    }

    /// The acting account, or `None` for the portal.
    #[getter]
    fn actor(&self) -> Option<u64> {
        match self.0.actor {
            Actor::System => None,
            Actor::Account(a) => Some(a.0),
        }
    }

    /// When.
    #[getter]
    fn at(&self) -> Timestamp {
        self.0.at
    }

    /// The signature offered.
    #[getter]
    fn signature(&self) -> Signature {
        Signature(self.0.signature.clone())
    }

    fn __repr__(&self) -> String {
        match self.0.actor {
            Actor::System => format!("Context.system(at={})", self.0.at),
            Actor::Account(a) => format!("Context.account({}, at={})", a.0, self.0.at),
        }
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Signature>()?;
    m.add_class::<Context>()?;
    Ok(())
}
