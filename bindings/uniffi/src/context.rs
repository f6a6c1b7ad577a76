//! Who acts, when and with which signature: [`Context`] and [`Signature`].

use crate::time;
use kabinet::ffi::KabinetError;
use kabinet::identifiers::{Inn, Ogrn, Ogrnip, Snils};
use kabinet::{AccountId, SignatureEvidence, SignerIdentity};
use std::time::SystemTime;

/// The kinds of electronic signature, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SignatureLevel {
    /// ПЭП: a password or a one-time code.
    Simple,
    /// УНЭП: an enhanced unqualified signature.
    Enhanced,
    /// КЭП: a qualified signature.
    Qualified,
}

impl From<SignatureLevel> for kabinet::SignatureLevel {
    fn from(l: SignatureLevel) -> Self {
        match l {
            SignatureLevel::Simple => Self::Simple,
            SignatureLevel::Enhanced => Self::Enhanced,
            SignatureLevel::Qualified => Self::Qualified,
        }
    }
}

impl From<kabinet::SignatureLevel> for SignatureLevel {
    fn from(l: kabinet::SignatureLevel) -> Self {
        match l {
            kabinet::SignatureLevel::Simple => Self::Simple,
            kabinet::SignatureLevel::Enhanced => Self::Enhanced,
            kabinet::SignatureLevel::Qualified => Self::Qualified,
        }
    }
}

/// The signature offered and the identity its certificate asserts.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Signature {
    /// The level.
    pub level: SignatureLevel,
    /// The holder's СНИЛС.
    pub snils: Option<String>,
    /// The holder's personal ИНН.
    pub inn: Option<String>,
    /// The organization's ИНН (ИННЮЛ), for an organization's certificate.
    pub organization_inn: Option<String>,
    /// The organization's ОГРН.
    pub ogrn: Option<String>,
    /// The entrepreneur's ОГРНИП.
    pub ogrnip: Option<String>,
    /// The SHA-256 fingerprint (hex) of a certificate bound to the acting
    /// employee: `check` then uses the binding's level and holder, and refuses
    /// (`access.certificate_not_bound`, `access.certificate_expired`,
    /// `access.certificate_not_yet_valid`) when it is not bound to the actor
    /// for the organization or is outside its validity.
    #[uniffi(default = None)]
    pub bound_certificate: Option<String>,
}

/// Who acts (`actor = null` for the portal itself), when, with which signature.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Context {
    /// The acting account, or none for the portal.
    pub actor: Option<u64>,
    /// When.
    pub at: SystemTime,
    /// The signature offered.
    pub signature: Signature,
    /// The address of the request, for the journal.
    pub ip: Option<String>,
}

/// A simple signature (ПЭП).
#[uniffi::export]
pub fn simple_signature() -> Signature {
    Signature {
        level: SignatureLevel::Simple,
        snils: None,
        inn: None,
        organization_inn: None,
        ogrn: None,
        ogrnip: None,
        bound_certificate: None,
    }
}

/// A signature made with the certificate bound to the acting employee that
/// has this SHA-256 fingerprint (hex): its level and holder are the binding's.
#[uniffi::export]
pub fn bound_signature(fingerprint: String) -> Signature {
    Signature {
        bound_certificate: Some(fingerprint),
        ..simple_signature()
    }
}

/// The portal acting at `at`.
#[uniffi::export]
pub fn system_context(at: SystemTime) -> Context {
    Context {
        actor: None,
        at,
        signature: simple_signature(),
        ip: None,
    }
}

/// A person acting at `at` with a simple signature.
#[uniffi::export]
pub fn account_context(account: u64, at: SystemTime) -> Context {
    Context {
        actor: Some(account),
        at,
        signature: simple_signature(),
        ip: None,
    }
}

impl Signature {
    /// The library's evidence, identifiers parsed.
    ///
    /// # Errors
    /// The identifier's code for a malformed СНИЛС, ИНН, ОГРН or ОГРНИП.
    pub fn evidence(&self) -> Result<SignatureEvidence, KabinetError> {
        let signer = SignerIdentity {
            snils: self.snils.as_deref().map(Snils::parse).transpose()?,
            inn: self.inn.as_deref().map(Inn::parse).transpose()?,
            organization_inn: self
                .organization_inn
                .as_deref()
                .map(Inn::parse)
                .transpose()?,
            ogrn: self.ogrn.as_deref().map(Ogrn::parse).transpose()?,
            ogrnip: self.ogrnip.as_deref().map(Ogrnip::parse).transpose()?,
        };
        let some = signer != SignerIdentity::default();
        Ok(SignatureEvidence {
            level: self.level.into(),
            signer: some.then_some(signer),
            bound_certificate: self.bound_certificate.clone(),
        })
    }
}

impl Context {
    /// The library's context.
    ///
    /// # Errors
    /// A malformed identifier in the signature, an IP address that is not one,
    /// a time out of range.
    pub fn to_core(&self) -> Result<kabinet::Context, KabinetError> {
        let at = time::from_host(self.at)?;
        let mut ctx = match self.actor {
            None => kabinet::Context::system(at),
            Some(a) => kabinet::Context::account(AccountId(a), at),
        };
        ctx = ctx.signed(self.signature.evidence()?);
        if let Some(ip) = &self.ip {
            let addr = ip.parse().map_err(|e| {
                KabinetError::from(
                    kabinet::InputError::new(kabinet::InputKind::IpAddress, ip).because(e),
                )
            })?;
            ctx = ctx.from_ip(addr);
        }
        Ok(ctx)
    }
}
