//! Rules of organization commands (DOMAIN §4): registration (by the head or
//! by a representative presenting a power of attorney), the registry's
//! answer, requisites, blocking and liquidation. And the fold of their events.

use super::world::{OrganizationState, OrganizationWorld, PowerCheck};
use super::{
    reconcile, Headship, Organization, OrganizationBlockReason, OrganizationCommand,
    OrganizationError, OrganizationEvent, OrganizationKind, OrganizationStatus, RegistrationStage,
    RegistryAnswer, RejectionReason, Requisites, RequisitesDraft,
};
use crate::accounts::Account;
use crate::context::Context;
use crate::ids::OrgId;
use crate::rights::Right;
use crate::Timestamp;

/// Executes a command about organizations.
pub(crate) fn execute<W: OrganizationWorld>(
    w: &W,
    command: OrganizationCommand,
    ctx: &Context,
) -> Result<Vec<W::Event>, W::Error> {
    use OrganizationCommand as C;
    match command {
        C::SubmitOrganization { kind, requisites } => submit(w, ctx, kind, &requisites, None),
        C::ResubmitOrganization { org, requisites } => resubmit(w, ctx, org, &requisites, None),
        C::RecordRegistryAnswer { org, answer } => record_registry_answer(w, ctx, org, &answer),
        C::ChangeRequisites { org, requisites } => change_requisites(w, ctx, org, &requisites),
        C::BlockOrganization { org, reason } => block(w, ctx, org, Some(reason)),
        C::UnblockOrganization { org } => block(w, ctx, org, None),
        C::LiquidateOrganization { org } => liquidate(w, ctx, org),
    }
}

/// A submission by the head, or by a representative presenting `power`.
pub(crate) fn submit<W: OrganizationWorld>(
    w: &W,
    ctx: &Context,
    kind: OrganizationKind,
    draft: &RequisitesDraft,
    power: Option<&W::Form>,
) -> Result<Vec<W::Event>, W::Error> {
    let by = W::require_person(ctx)?;
    let account = w.existing_account(by)?;
    w.able_to_act(account)?;
    let requisites = validate(draft, kind)?;
    if let OrganizationKind::Branch { parent } = kind {
        check_branch_parent(w, ctx, parent, &requisites)?;
    }
    let org = w.next_org();
    let presented = power.map(|m| w.present(m, org)).transpose()?;
    let check = formal_check(w, org, &requisites, presented.as_ref(), account, ctx.at);
    let mut events = vec![OrganizationEvent::OrganizationSubmitted {
        org,
        kind,
        requisites,
        by,
    }
    .into()];
    events.extend(presented.map(|p| W::power_presented(org, p)));
    events.push(check.into());
    Ok(events)
}

/// A resubmission of a rejected registration, with a new power of attorney
/// or the one presented before.
pub(crate) fn resubmit<W: OrganizationWorld>(
    w: &W,
    ctx: &Context,
    org: OrgId,
    draft: &RequisitesDraft,
    power: Option<&W::Form>,
) -> Result<Vec<W::Event>, W::Error> {
    let by = W::require_person(ctx)?;
    let o = w.existing_org(org)?;
    if o.submitted_by != by {
        return Err(OrganizationError::NotSubmitter.into());
    }
    if !matches!(o.status, OrganizationStatus::Rejected { .. }) {
        return Err(status(&o.status));
    }
    let account = w.existing_account(by)?;
    let requisites = validate(draft, o.kind)?;
    let fresh = power.map(|m| w.present(m, org)).transpose()?;
    let presented = fresh.as_ref().or(w.presented(org));
    let check = formal_check(w, org, &requisites, presented, account, ctx.at);
    let mut events = vec![OrganizationEvent::RequisitesChanged { org, requisites }.into()];
    events.extend(fresh.map(|p| W::power_presented(org, p)));
    events.push(check.into());
    Ok(events)
}

/// The formal check: no other live registration holds the same ИНН and
/// КПП, and a power of attorney presented passes every check but the
/// signer's headship (known once the registry answers).
fn formal_check<W: OrganizationWorld>(
    w: &W,
    org: OrgId,
    requisites: &Requisites,
    power: Option<&W::Presented>,
    submitter: &Account,
    at: Timestamp,
) -> OrganizationEvent {
    let duplicate = w.organizations_by_inn(&requisites.inn).iter().any(|o| {
        o.id != org
            && o.requisites.inn == requisites.inn
            && o.requisites.kpp == requisites.kpp
            && !matches!(
                o.status,
                OrganizationStatus::Rejected { .. } | OrganizationStatus::Liquidated
            )
    });
    let mut reasons = Vec::new();
    if duplicate {
        reasons.push(RejectionReason::AlreadyRegistered);
    }
    if let Some(p) = power {
        let check = PowerCheck {
            requisites,
            submitter,
            issuer: None,
            head_inn: None,
            at,
        };
        reasons.extend(W::power_reasons(p, &check));
    }
    if reasons.is_empty() {
        OrganizationEvent::RegistrationAdvanced {
            org,
            stage: RegistrationStage::Checked,
        }
    } else {
        OrganizationEvent::RegistrationRejected { org, reasons }
    }
}

/// A branch registers under an active legal entity with the same ИНН and
/// ОГРН, by someone who may edit the parent.
fn check_branch_parent<W: OrganizationWorld>(
    w: &W,
    ctx: &Context,
    parent: OrgId,
    requisites: &Requisites,
) -> Result<(), W::Error> {
    let p = w.existing_org(parent)?;
    if p.kind != OrganizationKind::LegalEntity || !p.is_active() {
        return Err(OrganizationError::BranchParent.into());
    }
    w.authorize(parent, ctx, Right::OrganizationEdit)?;
    if p.requisites.inn != requisites.inn || p.requisites.ogrn != requisites.ogrn {
        return Err(OrganizationError::BranchParent.into());
    }
    Ok(())
}

/// The registry's answer to a checked registration: verified and
/// reconciled, the organization becomes active with its head (and the
/// representative who registered it, whose power takes effect), or it is
/// rejected with every reason.
fn record_registry_answer<W: OrganizationWorld>(
    w: &W,
    ctx: &Context,
    org: OrgId,
    answer: &RegistryAnswer,
) -> Result<Vec<W::Event>, W::Error> {
    W::require_system(ctx)?;
    let o = w.existing_org(org)?;
    let checked = OrganizationStatus::Registering {
        stage: RegistrationStage::Checked,
    };
    if o.status != checked {
        return Err(status(&o.status));
    }
    let submitter = w.existing_account(o.submitted_by)?;
    let is_branch = matches!(o.kind, OrganizationKind::Branch { .. });
    let presented = w.presented(org);
    let headship = match presented {
        Some(_) => Headship::Power,
        None => Headship::Submitter(submitter.inn.as_ref()),
    };
    let found = reconcile(&o.requisites, answer, headship, !is_branch);
    let mut reasons = found.reasons;
    if let (true, Some(p)) = (found.verified, presented) {
        let check = PowerCheck {
            requisites: &o.requisites,
            submitter,
            issuer: w.account(W::signer(p)),
            head_inn: found.head_inn,
            at: ctx.at,
        };
        reasons.extend(W::power_reasons(p, &check));
    }
    let mut events: Vec<W::Event> = Vec::new();
    if found.verified {
        events.push(advanced(org, RegistrationStage::Verified));
    }
    if !reasons.is_empty() {
        events.push(OrganizationEvent::RegistrationRejected { org, reasons }.into());
        return Ok(events);
    }
    let position = match answer {
        RegistryAnswer::Found { record } => Some(record.head.position.clone()),
        RegistryAnswer::NotFound => None,
    };
    // The head is the submitter, or the head who signed the power presented.
    let head = presented.map_or(o.submitted_by, W::signer);
    events.extend([
        advanced(org, RegistrationStage::Reconciled),
        OrganizationEvent::OrganizationActivated {
            org,
            head,
            at: ctx.at,
        }
        .into(),
        W::member_joined(org, head, true, position, ctx.at),
    ]);
    if let Some(p) = presented {
        // The representative joins as an official acting with the head's
        // rights, which rest on the power: it gives every right, and
        // decisions name it.
        if o.submitted_by != head {
            events.push(W::member_joined(org, o.submitted_by, false, None, ctx.at));
        }
        events.push(W::power_takes_effect(p));
    }
    Ok(events)
}

fn change_requisites<W: OrganizationWorld>(
    w: &W,
    ctx: &Context,
    org: OrgId,
    draft: &RequisitesDraft,
) -> Result<Vec<W::Event>, W::Error> {
    w.authorize(org, ctx, Right::OrganizationEdit)?;
    let o = w.existing_org(org)?;
    let requisites = validate(draft, o.kind)?;
    let r = &o.requisites;
    if r.inn != requisites.inn || r.ogrn != requisites.ogrn || r.ogrnip != requisites.ogrnip {
        return Err(OrganizationError::IdentityImmutable.into());
    }
    Ok(vec![OrganizationEvent::RequisitesChanged {
        org,
        requisites,
    }
    .into()])
}

/// Blocks an active organization (`Some` reason) or unblocks a blocked one.
fn block<W: OrganizationWorld>(
    w: &W,
    ctx: &Context,
    org: OrgId,
    reason: Option<OrganizationBlockReason>,
) -> Result<Vec<W::Event>, W::Error> {
    W::require_system(ctx)?;
    let o = w.existing_org(org)?;
    let status = match (reason, &o.status) {
        (Some(reason), OrganizationStatus::Active) => OrganizationStatus::Blocked { reason },
        (None, OrganizationStatus::Blocked { .. }) => OrganizationStatus::Active,
        (_, other) => return Err(self::status(other)),
    };
    Ok(vec![OrganizationEvent::OrganizationStatusChanged {
        org,
        status,
    }
    .into()])
}

fn liquidate<W: OrganizationWorld>(
    w: &W,
    ctx: &Context,
    org: OrgId,
) -> Result<Vec<W::Event>, W::Error> {
    W::require_system(ctx)?;
    let o = w.existing_org(org)?;
    if o.status == OrganizationStatus::Liquidated {
        return Err(OrganizationError::AlreadyInStatus {
            status: "liquidated",
        }
        .into());
    }
    Ok(vec![OrganizationEvent::OrganizationStatusChanged {
        org,
        status: OrganizationStatus::Liquidated,
    }
    .into()])
}

fn validate<E: From<OrganizationError>>(
    draft: &RequisitesDraft,
    kind: OrganizationKind,
) -> Result<Requisites, E> {
    draft
        .validate(kind)
        .map_err(|fields| OrganizationError::InvalidRequisites { fields }.into())
}

fn status<E: From<OrganizationError>>(status: &OrganizationStatus) -> E {
    OrganizationError::Status {
        status: status.code(),
    }
    .into()
}

fn advanced<E: From<OrganizationEvent>>(org: OrgId, stage: RegistrationStage) -> E {
    OrganizationEvent::RegistrationAdvanced { org, stage }.into()
}

/// Folds an event of organizations into the state.
pub(crate) fn apply<S: OrganizationState>(s: &mut S, event: &OrganizationEvent) {
    use OrganizationEvent as E;
    match event {
        E::OrganizationSubmitted {
            org,
            kind,
            requisites,
            by,
        } => s.insert_organization(Organization {
            id: *org,
            kind: *kind,
            requisites: requisites.clone(),
            status: OrganizationStatus::Registering {
                stage: RegistrationStage::Submitted,
            },
            submitted_by: *by,
            head: None,
            activated_at: None,
            members: Vec::new(),
            custom_roles: Vec::new(),
            access_groups: Vec::new(),
        }),
        E::RequisitesChanged { org, requisites } => s.replace_requisites(*org, requisites),
        E::RegistrationAdvanced { org, stage } => {
            set_status(s, *org, OrganizationStatus::Registering { stage: *stage });
        }
        E::RegistrationRejected { org, reasons } => {
            let reasons = reasons.clone();
            set_status(s, *org, OrganizationStatus::Rejected { reasons });
        }
        E::OrganizationActivated { org, head, at } => {
            // A presented power joins the powers of attorney (the next event).
            s.forget_presented(*org);
            if let Some(o) = s.organization_mut(*org) {
                o.status = OrganizationStatus::Active;
                o.head = Some(*head);
                o.activated_at = Some(*at);
            }
        }
        E::OrganizationStatusChanged { org, status } => set_status(s, *org, status.clone()),
    }
}

fn set_status<S: OrganizationState>(s: &mut S, org: OrgId, status: OrganizationStatus) {
    if let Some(o) = s.organization_mut(org) {
        o.status = status;
    }
}
