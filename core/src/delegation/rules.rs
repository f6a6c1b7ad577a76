//! The rules of the commands about powers of attorney (DOMAIN §6; Civil Code
//! arts. 186–188).
//!
//! - **Issue** (`IssuePower`): a member of the principal holding
//!   `powers_of_attorney.edit` — the head always — with the signature the
//!   policy requires for that right (qualified by default). Least privilege:
//!   nobody gives a right they do not hold. A representative acting under a
//!   power of attorney does not issue; they re-delegate.
//! - **Re-delegate** (`RedelegatePower`): the representative of the parent
//!   power, with the signature required for `powers_of_attorney.edit`; only
//!   if the parent's chain works now and the parent allows it; powers within
//!   the chain's, valid no longer than the chain; depth bounded by the
//!   policy. A power passed on from one re-delegable "once" is itself not
//!   re-delegable. Re-delegated powers are revocable.
//! - **Revoke** (`RevokePower`): the principal organization, through a
//!   holder of `powers_of_attorney.delete` for it (the head always), or, for
//!   a re-delegated power, the representative who passed it on (its issuer);
//!   with the signature the policy requires for that right (qualified by
//!   default); an irrevocable power only with a recorded legal ground.
//!   Everything re-delegated from it ends with it.
//!
//! Every signature these rules require is checked where `check` checks it
//! (`Directory::signature_refusals`): evidence naming a bound certificate
//! counts only when the certificate is bound to the actor for the
//! principal organization and valid at the moment of the command.
//! - **Refuse** (`RefusePower`): the representative; everything re-delegated
//!   from it ends with it.
//! - **Import** (`ImportPower`): the portal registers a power issued
//!   elsewhere (an МЧД from the FNS registry); every structural rule of the
//!   chain is checked — a re-delegation's issuer must be the representative
//!   of the power it comes from —, times are taken as written.
//!
//! The start of validity defaults to the moment of issue and cannot precede
//! it; the end defaults to one calendar year later (art. 186), and for a
//! re-delegated power to the earlier of that and the chain's end.

use super::error::DelegationError;
use super::power::{
    default_valid_until, PowerNumber, PowerOfAttorney, PowerStatus, Redelegation, Representative,
};
use super::world::{DelegationState, DelegationWorld};
use super::{ChainCheck, DelegationCommand, DelegationEvent, PowerQueries, RegistrationPower};
use crate::context::Context;
use crate::ids::{AccountId, OrgId};
use crate::reasons::Basis;
use crate::rights::{Right, RightSet};
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// Longest internal number, in characters: a bound of ours, far above the
/// short registration numbers organizations use.
pub const MAX_INTERNAL_NUMBER: usize = 100;
/// Longest legal ground of a revocation, in characters: a bound of ours for a
/// reference to a law, a court decision or a contract clause.
pub const MAX_GROUND: usize = 1000;

/// The ground recorded on a power revoked together with its holder's
/// dismissal.
pub const DISMISSAL_GROUND: &str = "увольнение представителя (dismissal of the representative)";

/// The terms of a new power of attorney, as the issuer writes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PowerTerms {
    /// The number (a UUID the caller draws; the core draws no randomness).
    pub number: PowerNumber,
    /// The principal's own number, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub internal_number: Option<String>,
    /// Who receives the powers.
    pub representative: Representative,
    /// The powers given.
    pub powers: RightSet,
    /// The first instant it works; the moment of issue when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub valid_from: Option<Timestamp>,
    /// The first instant it no longer works; one year after the start when
    /// not given (Civil Code art. 186).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub valid_until: Option<Timestamp>,
    /// Whether it may be passed on.
    pub redelegation: Redelegation,
}

/// The rules of the commands about powers of attorney.
pub(crate) trait PowerCommands: DelegationWorld {
    fn issue_power(
        &self,
        ctx: &Context,
        org: OrgId,
        terms: PowerTerms,
        irrevocable: bool,
    ) -> Result<Vec<Self::Event>, Self::Error> {
        let (actor, decision) = self.permitted(org, ctx, Right::PowersEdit)?;
        if decision.basis == Some(Basis::PowerOfAttorney) {
            return Err(DelegationError::RedelegateInstead.into());
        }
        let held = self.held_rights(org, actor, &decision);
        let missing = terms.powers.difference(held);
        if !missing.is_empty() {
            return Err(Self::beyond_own_rights(missing));
        }
        self.sound_terms(&terms)?;
        let valid_from = terms.valid_from.unwrap_or(ctx.at);
        if valid_from < ctx.at {
            return Err(DelegationError::Backdated {
                valid_from,
                at: ctx.at,
            }
            .into());
        }
        let valid_until = term_end(valid_from, terms.valid_until)?;
        Ok(vec![DelegationEvent::PowerIssued {
            power: PowerOfAttorney {
                number: terms.number,
                internal_number: terms.internal_number,
                issued_at: ctx.at,
                valid_from,
                valid_until,
                principal: org,
                issuer: actor,
                parent: None,
                depth: 0,
                representative: terms.representative,
                powers: terms.powers,
                irrevocable,
                redelegation: terms.redelegation,
                status: PowerStatus::InForce,
            },
        }
        .into()])
    }

    fn redelegate_power(
        &self,
        ctx: &Context,
        parent: PowerNumber,
        terms: PowerTerms,
    ) -> Result<Vec<Self::Event>, Self::Error> {
        let actor = Self::require_person(ctx)?;
        let account = self.existing_account(actor)?;
        let mut refusals = Vec::new();
        crate::reasons::account_refusals(account, &mut refusals);
        if !refusals.is_empty() {
            return Err(Self::cannot_act(refusals));
        }
        let p = self
            .power_registry()
            .get(&parent)
            .ok_or(DelegationError::NotFound { number: parent })?;
        if !super::access::represents(account, &p.representative) {
            return Err(DelegationError::NotRepresentative { number: parent }.into());
        }
        self.require_personal_signature(ctx, account, Right::PowersEdit, p.principal, refusals)?;
        let chain = self
            .verify_chain(p, None, ctx.at)
            .map_err(|refusal| DelegationError::ParentNotInForce { refusal })?;
        self.may_pass_on(p, terms.redelegation)?;
        let missing = terms.powers.difference(chain.powers);
        if !missing.is_empty() {
            return Err(DelegationError::ExceedsParent { missing }.into());
        }
        self.sound_terms(&terms)?;
        let valid_from = terms.valid_from.unwrap_or(ctx.at);
        if valid_from < ctx.at {
            return Err(DelegationError::Backdated {
                valid_from,
                at: ctx.at,
            }
            .into());
        }
        let valid_until = match terms.valid_until {
            Some(until) => until,
            None => default_valid_until(valid_from)
                .map_or(chain.valid_until, |d| d.min(chain.valid_until)),
        };
        if valid_until > chain.valid_until {
            return Err(DelegationError::OutlivesParent {
                valid_until,
                parent_until: chain.valid_until,
            }
            .into());
        }
        let valid_until = term_end(valid_from, Some(valid_until))?;
        Ok(vec![DelegationEvent::PowerIssued {
            power: PowerOfAttorney {
                number: terms.number,
                internal_number: terms.internal_number,
                issued_at: ctx.at,
                valid_from,
                valid_until,
                principal: p.principal,
                issuer: actor,
                parent: Some(parent),
                depth: p.depth.saturating_add(1),
                representative: terms.representative,
                powers: terms.powers,
                irrevocable: false,
                redelegation: terms.redelegation,
                status: PowerStatus::InForce,
            },
        }
        .into()])
    }

    /// Whether `parent` may be passed on with the mark `wanted`, within the
    /// depth limit.
    fn may_pass_on(
        &self,
        parent: &PowerOfAttorney,
        wanted: Redelegation,
    ) -> Result<(), DelegationError> {
        let from_once = parent
            .parent
            .and_then(|g| self.power_registry().get(&g))
            .is_some_and(|g| g.redelegation == Redelegation::Once);
        let not_allowed = DelegationError::RedelegationNotAllowed {
            number: parent.number,
        };
        match parent.redelegation {
            Redelegation::None => return Err(not_allowed),
            _ if from_once => return Err(not_allowed),
            Redelegation::Once if wanted != Redelegation::None => return Err(not_allowed),
            _ => {}
        }
        let limit = self.max_redelegation_depth();
        if parent.depth >= limit {
            return Err(DelegationError::DepthLimit { limit });
        }
        Ok(())
    }

    /// The checks every new power shares: a free number, some powers, a
    /// sound internal number, a representative the directory can find.
    fn sound_terms(&self, terms: &PowerTerms) -> Result<(), Self::Error> {
        if self.power_number_taken(&terms.number) {
            return Err(DelegationError::DuplicateNumber {
                number: terms.number,
            }
            .into());
        }
        if terms.powers.is_empty() {
            return Err(DelegationError::EmptyPowers.into());
        }
        if let Some(n) = &terms.internal_number {
            let len = n.trim().chars().count();
            if len == 0 || len > MAX_INTERNAL_NUMBER {
                return Err(DelegationError::BadText {
                    field: "internal_number",
                    max: MAX_INTERNAL_NUMBER,
                }
                .into());
            }
        }
        self.sound_representative(&terms.representative)
    }

    fn sound_representative(&self, rep: &Representative) -> Result<(), Self::Error> {
        match rep {
            Representative::Account { account } => self.existing_account(*account).map(|_| ()),
            Representative::Person {
                snils: None,
                inn: None,
                ..
            } => Err(DelegationError::RepresentativeUnidentified.into()),
            Representative::Person { .. } => Ok(()),
        }
    }

    fn revoke_power(
        &self,
        ctx: &Context,
        number: PowerNumber,
        ground: Option<String>,
    ) -> Result<Vec<Self::Event>, Self::Error> {
        let actor = Self::require_person(ctx)?;
        if let Some(presented) = self.presented_power(&number) {
            return self.revoke_presented(ctx, presented, ground);
        }
        let p = self.power_in_force(number)?;
        // The representative who passed a power on is its principal (art. 188)
        // and may revoke it; a first power is revoked by its organization.
        if actor == p.issuer && p.parent.is_some() {
            let account = self.existing_account(actor)?;
            let mut refusals = Vec::new();
            crate::reasons::account_refusals(account, &mut refusals);
            self.require_personal_signature(
                ctx,
                account,
                Right::PowersDelete,
                p.principal,
                refusals,
            )?;
        } else {
            self.permitted(p.principal, ctx, Right::PowersDelete)?;
        }
        Ok(vec![DelegationEvent::PowerRevoked {
            number,
            at: ctx.at,
            ground: revocation_ground(ground, p)?,
            ended: self.in_force_descendants(number),
        }
        .into()])
    }

    fn refuse_power(
        &self,
        ctx: &Context,
        number: PowerNumber,
    ) -> Result<Vec<Self::Event>, Self::Error> {
        let actor = Self::require_person(ctx)?;
        let account = self.existing_account(actor)?;
        let p = match self.presented_power(&number) {
            Some(presented) => self.presented_in_force(presented)?,
            None => self.power_in_force(number)?,
        };
        if !super::access::represents(account, &p.representative) {
            return Err(DelegationError::NotRepresentative { number }.into());
        }
        Ok(vec![DelegationEvent::PowerRefused {
            number,
            at: ctx.at,
            ended: self.in_force_descendants(number),
        }
        .into()])
    }

    fn register_imported_power(
        &self,
        ctx: &Context,
        power: PowerOfAttorney,
    ) -> Result<Vec<Self::Event>, Self::Error> {
        Self::require_system(ctx)?;
        if self.power_number_taken(&power.number) {
            return Err(DelegationError::DuplicateNumber {
                number: power.number,
            }
            .into());
        }
        if power.status != PowerStatus::InForce {
            return Err(DelegationError::NotInForce {
                number: power.number,
                status: power.status.code(),
            }
            .into());
        }
        let org = self.existing_org(power.principal)?;
        if !org.is_active() {
            return Err(Self::organization_status(org.status.code()));
        }
        let issuer = self.existing_account(power.issuer)?;
        if power.powers.is_empty() {
            return Err(DelegationError::EmptyPowers.into());
        }
        self.sound_representative(&power.representative)?;
        term_end(power.valid_from, Some(power.valid_until))?;
        match power.parent {
            None if power.depth != 0 => {
                return Err(DelegationError::NotFound {
                    number: power.number,
                }
                .into())
            }
            None => {}
            Some(parent) => {
                let p = self
                    .power_registry()
                    .get(&parent)
                    .filter(|p| p.principal == power.principal)
                    .ok_or(DelegationError::NotFound { number: parent })?;
                if power.depth != p.depth.saturating_add(1) {
                    return Err(DelegationError::DepthLimit {
                        limit: self.max_redelegation_depth(),
                    }
                    .into());
                }
                // Only the representative of a power passes it on.
                if !super::access::represents(issuer, &p.representative) {
                    return Err(DelegationError::NotRepresentative { number: parent }.into());
                }
                self.may_pass_on(p, power.redelegation)?;
                let missing = power.powers.difference(p.powers);
                if !missing.is_empty() {
                    return Err(DelegationError::ExceedsParent { missing }.into());
                }
                if power.valid_until > p.valid_until {
                    return Err(DelegationError::OutlivesParent {
                        valid_until: power.valid_until,
                        parent_until: p.valid_until,
                    }
                    .into());
                }
            }
        }
        Ok(vec![DelegationEvent::PowerIssued { power }.into()])
    }

    fn power_in_force(&self, number: PowerNumber) -> Result<&PowerOfAttorney, Self::Error> {
        let p = self
            .power_registry()
            .get(&number)
            .ok_or(DelegationError::NotFound { number })?;
        if p.status != PowerStatus::InForce {
            return Err(DelegationError::NotInForce {
                number,
                status: p.status.code(),
            }
            .into());
        }
        Ok(p)
    }

    /// The revocations a dismissal brings when the policy asks for them
    /// ([`crate::policy::Policy::revoke_powers_on_dismissal`]): every
    /// revocable power from `org` the dismissed person holds, with the powers
    /// re-delegated from it. An irrevocable power stays (it needs a legal
    /// ground of its own) and is named in the dismissal's notice.
    fn revocations_on_dismissal(
        &self,
        org: OrgId,
        account: AccountId,
        at: Timestamp,
    ) -> Vec<Self::Event> {
        let mut ended_already: Vec<PowerNumber> = Vec::new();
        let mut events = Vec::new();
        for p in self.powers_held_from(org, account, at) {
            if p.irrevocable || ended_already.contains(&p.number) {
                continue;
            }
            let ended = self.in_force_descendants(p.number);
            ended_already.extend(ended.iter().copied());
            events.push(
                DelegationEvent::PowerRevoked {
                    number: p.number,
                    at,
                    ground: Some(DISMISSAL_GROUND.to_owned()),
                    ended,
                }
                .into(),
            );
        }
        events
    }

    fn in_force_descendants(&self, number: PowerNumber) -> Vec<PowerNumber> {
        self.power_registry()
            .descendants(&number)
            .into_iter()
            .filter(|n| {
                self.power_registry()
                    .get(n)
                    .is_some_and(|p| p.status == PowerStatus::InForce)
            })
            .collect()
    }

    /// Revocation of a presented power by the person who signed it.
    fn revoke_presented(
        &self,
        ctx: &Context,
        presented: &RegistrationPower,
        ground: Option<String>,
    ) -> Result<Vec<Self::Event>, Self::Error> {
        let actor = Self::require_person(ctx)?;
        let p = self.presented_in_force(presented)?;
        if actor != p.issuer {
            return Err(DelegationError::NotSigner { number: p.number }.into());
        }
        let account = self.existing_account(actor)?;
        let mut refusals = Vec::new();
        crate::reasons::account_refusals(account, &mut refusals);
        self.require_personal_signature(ctx, account, Right::PowersDelete, p.principal, refusals)?;
        Ok(vec![DelegationEvent::PowerRevoked {
            number: p.number,
            at: ctx.at,
            ground: revocation_ground(ground, p)?,
            ended: Vec::new(),
        }
        .into()])
    }

    /// A presented power that no command has ended.
    fn presented_in_force<'a>(
        &self,
        presented: &'a RegistrationPower,
    ) -> Result<&'a PowerOfAttorney, Self::Error> {
        let p = &presented.power;
        if p.status != PowerStatus::InForce {
            return Err(DelegationError::NotInForce {
                number: p.number,
                status: p.status.code(),
            }
            .into());
        }
        Ok(p)
    }
}

impl<W: DelegationWorld + ?Sized> PowerCommands for W {}

/// Executes a command about powers of attorney.
pub(crate) fn execute<W: DelegationWorld>(
    w: &W,
    command: DelegationCommand,
    ctx: &Context,
) -> Result<Vec<W::Event>, W::Error> {
    use DelegationCommand as C;
    match command {
        C::SubmitOrganizationByPower {
            kind,
            requisites,
            power,
        } => w.submit_by_power(ctx, kind, &requisites, &power),
        C::ResubmitOrganizationByPower {
            org,
            requisites,
            power,
        } => w.resubmit_by_power(ctx, org, &requisites, &power),
        C::IssuePower {
            org,
            terms,
            irrevocable,
        } => w.issue_power(ctx, org, terms, irrevocable),
        C::RedelegatePower { parent, terms } => w.redelegate_power(ctx, parent, terms),
        C::RevokePower { number, ground } => w.revoke_power(ctx, number, ground),
        C::RefusePower { number } => w.refuse_power(ctx, number),
        C::ImportPower { power } => w.register_imported_power(ctx, power),
    }
}

/// The organization a command about powers concerns, judged against the
/// state before it ran: the principal it names, or the principal of the
/// power it acts on (registered or presented with a registration). `None`
/// for a registration by power, whose organization its events name, and
/// for a power the directory does not hold.
pub(crate) fn organization_of<W: DelegationWorld>(
    w: &W,
    command: &DelegationCommand,
) -> Option<OrgId> {
    use DelegationCommand as C;
    let principal_of = |number: &PowerNumber| {
        w.power_registry()
            .get(number)
            .or_else(|| w.presented_power(number).map(|p| &p.power))
            .map(|p| p.principal)
    };
    match command {
        C::IssuePower { org, .. } | C::ResubmitOrganizationByPower { org, .. } => Some(*org),
        C::RedelegatePower { parent: number, .. }
        | C::RevokePower { number, .. }
        | C::RefusePower { number } => principal_of(number),
        C::ImportPower { power } => Some(power.principal),
        C::SubmitOrganizationByPower { .. } => None,
    }
}

/// Folds an event about powers of attorney into the state.
pub(crate) fn apply<S: DelegationState>(s: &mut S, event: &DelegationEvent) {
    match event {
        DelegationEvent::RegistrationPowerPresented { org, power } => {
            s.registration_powers_mut().insert(*org, (**power).clone());
        }
        DelegationEvent::PowerIssued { power } => s.power_registry_mut().insert(power.clone()),
        DelegationEvent::PowerRevoked {
            number,
            at,
            ground,
            ended,
        } => {
            let status = PowerStatus::Revoked {
                at: *at,
                ground: ground.clone(),
            };
            end_powers(s, *number, status, *at, ended);
        }
        DelegationEvent::PowerRefused { number, at, ended } => {
            end_powers(s, *number, PowerStatus::Refused { at: *at }, *at, ended);
        }
    }
}

/// Ends a power (presented or registered) and those passed on from it.
fn end_powers<S: DelegationState>(
    s: &mut S,
    number: PowerNumber,
    status: PowerStatus,
    at: Timestamp,
    ended: &[PowerNumber],
) {
    s.registration_powers_mut().end(&number, status.clone());
    let registry = s.power_registry_mut();
    registry.end(&number, status);
    for n in ended {
        registry.end(n, PowerStatus::Ended { at, cause: number });
    }
}

/// The legal ground of a revocation: trimmed and bounded; required for an
/// irrevocable power.
fn revocation_ground(
    ground: Option<String>,
    p: &PowerOfAttorney,
) -> Result<Option<String>, DelegationError> {
    let number = p.number;
    Ok(match ground {
        Some(g) => {
            let g = g.trim().to_owned();
            let len = g.chars().count();
            if len == 0 || len > MAX_GROUND {
                return Err(DelegationError::BadText {
                    field: "ground",
                    max: MAX_GROUND,
                });
            }
            Some(g)
        }
        None if p.irrevocable => return Err(DelegationError::IrrevocableNeedsGround { number }),
        None => None,
    })
}

/// The end of validity: as given, or one calendar year after the start;
/// it must come after the start.
fn term_end(valid_from: Timestamp, given: Option<Timestamp>) -> Result<Timestamp, DelegationError> {
    let until = given.or_else(|| default_valid_until(valid_from));
    match until {
        Some(u) if u > valid_from => Ok(u),
        _ => Err(DelegationError::BadTerm {
            valid_from,
            valid_until: until,
        }),
    }
}
