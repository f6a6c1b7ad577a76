//! Rules and folding of certificate commands.

use super::world::CertificateWorld;
use super::{
    BoundCertificate, CertificateCommand, CertificateError, CertificateEvent, CertificateState,
    EXPIRY_WARNING_DAYS,
};
use crate::context::Context;
use crate::ids::{AccountId, OrgId};
use crate::notifications::{certificate_reminders, CertificateExpiry, Notice};
use crate::pki::russian::{match_holder, ExpectedOrganization, ExpectedPerson};
use crate::pki::Holder;
use crate::rights::Right;
use crate::Timestamp;

/// Most certificates bound to one employee of one organization: a person
/// holds a few (a token renewed yearly, one per sign tool); the bound keeps
/// a hostile host from growing one list without end.
pub const MAX_PER_EMPLOYEE: usize = 32;

/// Executes a certificate command.
pub(crate) fn execute<W: CertificateWorld>(
    dir: &W,
    command: CertificateCommand,
    ctx: &Context,
) -> Result<Vec<W::Event>, W::Error> {
    match command {
        CertificateCommand::Bind {
            org,
            account,
            certificate,
        } => bind(dir, ctx, org, account, certificate),
        CertificateCommand::Unbind {
            org,
            account,
            fingerprint,
        } => {
            let (by, _) = dir.authorize(org, ctx, Right::CertificatesDelete)?;
            let fingerprint = fingerprint.to_ascii_lowercase();
            if !dir
                .certificate_state()
                .of(org, account)
                .iter()
                .any(|c| c.fingerprint == fingerprint)
            {
                return Err(W::Error::from(CertificateError::NotBound { fingerprint }));
            }
            Ok(vec![W::Event::from(CertificateEvent::Unbound {
                org,
                account,
                fingerprint,
                by,
                at: ctx.at,
            })])
        }
    }
}

fn bind<W: CertificateWorld>(
    dir: &W,
    ctx: &Context,
    org: OrgId,
    account: AccountId,
    mut certificate: BoundCertificate,
) -> Result<Vec<W::Event>, W::Error> {
    let (by, _) = dir.authorize(org, ctx, Right::CertificatesEdit)?;
    let (organization, person) = dir.employee(org, account)?;
    certificate.fingerprint = certificate.fingerprint.to_ascii_lowercase();
    if certificate.fingerprint.len() != 64
        || !certificate
            .fingerprint
            .bytes()
            .all(|b| b.is_ascii_hexdigit())
    {
        return Err(W::Error::from(CertificateError::BadFingerprint));
    }
    certificate.usable_at(ctx.at).map_err(W::Error::from)?;

    let r = &organization.requisites;
    let expected_org = if organization.kind.is_entrepreneur() {
        let ogrnip = r.ogrnip.as_ref().ok_or(W::Error::from(
            CertificateError::OrganizationUnidentified {
                identifier: "ОГРНИП",
            },
        ))?;
        ExpectedOrganization::entrepreneur(&r.inn, ogrnip)
    } else {
        let ogrn =
            r.ogrn
                .as_ref()
                .ok_or(W::Error::from(CertificateError::OrganizationUnidentified {
                    identifier: "ОГРН",
                }))?;
        ExpectedOrganization::legal_entity(&r.inn, ogrn)
    };
    if person.snils.is_none() && person.inn.is_none() {
        return Err(W::Error::from(CertificateError::PersonUnidentified));
    }
    let expected_person = ExpectedPerson::new(person.snils.as_ref(), person.inn.as_ref());
    let mismatches = match_holder(
        &holder_of(&certificate),
        Some(&expected_org),
        Some(&expected_person),
    );
    if !mismatches.is_empty() {
        return Err(W::Error::from(CertificateError::HolderMismatch {
            mismatches,
        }));
    }

    let bound = dir.certificate_state().of(org, account);
    if bound
        .iter()
        .any(|c| c.fingerprint == certificate.fingerprint)
    {
        return Err(W::Error::from(CertificateError::AlreadyBound {
            fingerprint: certificate.fingerprint,
        }));
    }
    if bound.len() >= MAX_PER_EMPLOYEE {
        return Err(W::Error::from(CertificateError::TooMany {
            max: MAX_PER_EMPLOYEE,
        }));
    }
    let warnings = certificate.warnings_at(ctx.at);
    Ok(vec![W::Event::from(CertificateEvent::Bound {
        org,
        account,
        certificate: Box::new(certificate),
        by,
        at: ctx.at,
        warnings,
    })])
}

/// The holder's identifiers as [`match_holder`] reads them.
fn holder_of(certificate: &BoundCertificate) -> Holder {
    let h = &certificate.holder;
    Holder {
        inn: h.inn.as_ref().map(|v| v.as_str().to_owned()),
        inn_le: h.organization_inn.as_ref().map(|v| v.as_str().to_owned()),
        ogrn: h.ogrn.as_ref().map(|v| v.as_str().to_owned()),
        ogrnip: h.ogrnip.as_ref().map(|v| v.as_str().to_owned()),
        snils: h.snils.as_ref().map(|v| v.as_str().to_owned()),
        ..Holder::default()
    }
}

/// Folds a certificate event.
pub(crate) fn apply(state: &mut CertificateState, event: &CertificateEvent) {
    match event {
        CertificateEvent::Bound {
            org,
            account,
            certificate,
            ..
        } => state
            .bound
            .entry((*org, *account))
            .or_default()
            .push((**certificate).clone()),
        CertificateEvent::Unbound {
            org,
            account,
            fingerprint,
            ..
        } => {
            if let Some(list) = state.bound.get_mut(&(*org, *account)) {
                list.retain(|c| &c.fingerprint != fingerprint);
                if list.is_empty() {
                    state.bound.remove(&(*org, *account));
                }
            }
        }
    }
}

/// The notice a binding with a warning calls for: the certificate expires soon.
pub(crate) fn notices_for(event: &CertificateEvent, at: Timestamp) -> Vec<Notice> {
    match event {
        CertificateEvent::Bound {
            org,
            account,
            certificate,
            warnings,
            ..
        } if !warnings.is_empty() => certificate_reminders(
            &[CertificateExpiry {
                serial: certificate.serial.clone(),
                holder: *account,
                org: Some(*org),
                not_after: certificate.not_after,
            }],
            at,
            EXPIRY_WARNING_DAYS,
        ),
        _ => Vec::new(),
    }
}
