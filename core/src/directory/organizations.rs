//! Rules of organization commands (DOMAIN §4): registration (by the head or
//! by a representative with a power of attorney), requisites, blocking.

use super::{CommandError, Context, Directory, Event};
use crate::accounts::Account;
use crate::decisions::Refusal;
use crate::delegation::DelegationEvent;
use crate::delegation::Mchd;
use crate::delegation::{power_reasons, PowerCheck, RegistrationPower};
use crate::employees::EmployeeEvent;
use crate::employees::Standing;
use crate::ids::OrgId;
use crate::organizations::OrganizationEvent;
use crate::organizations::{
    reconcile, Headship, OrganizationBlockReason, OrganizationKind, OrganizationStatus,
    RegistrationStage, RegistryAnswer, RejectionReason, Requisites, RequisitesDraft,
};
use crate::rights::Right;
use crate::view::DirectoryView;
use crate::Timestamp;

impl Directory {
    pub(super) fn submit_organization(
        &self,
        ctx: &Context,
        kind: OrganizationKind,
        draft: &RequisitesDraft,
    ) -> Result<Vec<Event>, CommandError> {
        self.submit(ctx, kind, draft, None)
    }

    /// A submission by the head, or by a representative presenting `power`.
    pub(super) fn submit(
        &self,
        ctx: &Context,
        kind: OrganizationKind,
        draft: &RequisitesDraft,
        power: Option<&Mchd>,
    ) -> Result<Vec<Event>, CommandError> {
        let by = Self::require_person(ctx)?;
        let account = self.existing_account(by)?;
        let mut refusals: Vec<Refusal> = Vec::new();
        crate::decisions::account_refusals(account, &mut refusals);
        if !refusals.is_empty() {
            return Err(CommandError::AccountCannotAct { refusals });
        }
        let requisites = draft
            .validate(kind)
            .map_err(|fields| CommandError::InvalidRequisites { fields })?;
        if let OrganizationKind::Branch { parent } = kind {
            self.check_branch_parent(ctx, parent, &requisites)?;
        }
        let org = OrgId(self.next.org.max(1));
        let presented = power.map(|m| self.present_power(m, org)).transpose()?;
        let mut events = vec![Event::Organizations(
            OrganizationEvent::OrganizationSubmitted {
                org,
                kind,
                requisites: requisites.clone(),
                by,
            },
        )];
        if let Some(p) = &presented {
            events.push(Event::Delegation(
                DelegationEvent::RegistrationPowerPresented {
                    org,
                    power: Box::new(p.clone()),
                },
            ));
        }
        events.push(self.formal_check(org, &requisites, presented.as_ref(), account, ctx.at));
        Ok(events)
    }

    pub(super) fn resubmit_organization(
        &self,
        ctx: &Context,
        org: OrgId,
        draft: &RequisitesDraft,
    ) -> Result<Vec<Event>, CommandError> {
        self.resubmit(ctx, org, draft, None)
    }

    /// A resubmission, with a new power of attorney or the one presented before.
    pub(super) fn resubmit(
        &self,
        ctx: &Context,
        org: OrgId,
        draft: &RequisitesDraft,
        power: Option<&Mchd>,
    ) -> Result<Vec<Event>, CommandError> {
        let by = Self::require_person(ctx)?;
        let o = self.existing_org(org)?;
        if o.submitted_by != by {
            return Err(CommandError::NotSubmitter);
        }
        if !matches!(o.status, OrganizationStatus::Rejected { .. }) {
            return Err(CommandError::OrganizationStatus {
                status: o.status.code(),
            });
        }
        let account = self.existing_account(by)?;
        let requisites = draft
            .validate(o.kind)
            .map_err(|fields| CommandError::InvalidRequisites { fields })?;
        let fresh = power.map(|m| self.present_power(m, org)).transpose()?;
        let presented = fresh.as_ref().or(self.registration_powers.of(org));
        let check = self.formal_check(org, &requisites, presented, account, ctx.at);
        let mut events = vec![Event::Organizations(OrganizationEvent::RequisitesChanged {
            org,
            requisites,
        })];
        if let Some(p) = fresh {
            events.push(Event::Delegation(
                DelegationEvent::RegistrationPowerPresented {
                    org,
                    power: Box::new(p),
                },
            ));
        }
        events.push(check);
        Ok(events)
    }

    /// The formal check: no other live registration holds the same ИНН and
    /// КПП, and a power of attorney presented passes every check but the
    /// signer's headship (known once the registry answers).
    fn formal_check(
        &self,
        org: OrgId,
        requisites: &Requisites,
        power: Option<&RegistrationPower>,
        submitter: &Account,
        at: Timestamp,
    ) -> Event {
        let duplicate = self.organizations_by_inn(&requisites.inn).any(|o| {
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
            reasons.extend(power_reasons(p, &check));
        }
        if !reasons.is_empty() {
            Event::Organizations(OrganizationEvent::RegistrationRejected { org, reasons })
        } else {
            Event::Organizations(OrganizationEvent::RegistrationAdvanced {
                org,
                stage: RegistrationStage::Checked,
            })
        }
    }

    fn check_branch_parent(
        &self,
        ctx: &Context,
        parent: OrgId,
        requisites: &Requisites,
    ) -> Result<(), CommandError> {
        let p = self.existing_org(parent)?;
        if p.kind != OrganizationKind::LegalEntity || !p.is_active() {
            return Err(CommandError::BranchParent);
        }
        self.authorize(parent, ctx, Right::OrganizationEdit)?;
        if p.requisites.inn != requisites.inn || p.requisites.ogrn != requisites.ogrn {
            return Err(CommandError::BranchParent);
        }
        Ok(())
    }

    pub(super) fn record_registry_answer(
        &self,
        ctx: &Context,
        org: OrgId,
        answer: &RegistryAnswer,
    ) -> Result<Vec<Event>, CommandError> {
        Self::require_system(ctx)?;
        let o = self.existing_org(org)?;
        if o.status
            != (OrganizationStatus::Registering {
                stage: RegistrationStage::Checked,
            })
        {
            return Err(CommandError::OrganizationStatus {
                status: o.status.code(),
            });
        }
        let submitter = self.existing_account(o.submitted_by)?;
        let is_branch = matches!(o.kind, OrganizationKind::Branch { .. });
        let presented = self.registration_powers.of(org);
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
                issuer: self.account(p.power.issuer),
                head_inn: found.head_inn,
                at: ctx.at,
            };
            reasons.extend(power_reasons(p, &check));
        }
        let mut events = Vec::new();
        if found.verified {
            events.push(Event::Organizations(
                OrganizationEvent::RegistrationAdvanced {
                    org,
                    stage: RegistrationStage::Verified,
                },
            ));
        }
        if !reasons.is_empty() {
            events.push(Event::Organizations(
                OrganizationEvent::RegistrationRejected { org, reasons },
            ));
            return Ok(events);
        }
        let position = match answer {
            RegistryAnswer::Found { record } => Some(record.head.position.clone()),
            RegistryAnswer::NotFound => None,
        };
        // The head is the submitter, or the head who signed the power presented.
        let head = presented.map_or(o.submitted_by, |p| p.power.issuer);
        events.extend([
            Event::Organizations(OrganizationEvent::RegistrationAdvanced {
                org,
                stage: RegistrationStage::Reconciled,
            }),
            Event::Organizations(OrganizationEvent::OrganizationActivated {
                org,
                head,
                at: ctx.at,
            }),
            Event::Employees(EmployeeEvent::MemberJoined {
                org,
                account: head,
                standing: Standing::Head,
                roles: Vec::new(),
                position,
                at: ctx.at,
            }),
        ]);
        if let Some(p) = presented {
            // The representative joins as an official acting with the head's
            // rights, which rest on the power: it gives every right
            // (`PowerLevel::REGISTRATION`), and decisions name it.
            if o.submitted_by != head {
                events.push(Event::Employees(EmployeeEvent::MemberJoined {
                    org,
                    account: o.submitted_by,
                    standing: Standing::Employee,
                    roles: Vec::new(),
                    position: None,
                    at: ctx.at,
                }));
            }
            events.push(Event::Delegation(DelegationEvent::PowerIssued {
                power: p.power.clone(),
            }));
        }
        Ok(events)
    }

    pub(super) fn change_requisites(
        &self,
        ctx: &Context,
        org: OrgId,
        draft: &RequisitesDraft,
    ) -> Result<Vec<Event>, CommandError> {
        self.authorize(org, ctx, Right::OrganizationEdit)?;
        let o = self.existing_org(org)?;
        let requisites = draft
            .validate(o.kind)
            .map_err(|fields| CommandError::InvalidRequisites { fields })?;
        let r = &o.requisites;
        if r.inn != requisites.inn || r.ogrn != requisites.ogrn || r.ogrnip != requisites.ogrnip {
            return Err(CommandError::IdentityImmutable);
        }
        Ok(vec![Event::Organizations(
            OrganizationEvent::RequisitesChanged { org, requisites },
        )])
    }

    pub(super) fn block_organization(
        &self,
        ctx: &Context,
        org: OrgId,
        reason: Option<OrganizationBlockReason>,
    ) -> Result<Vec<Event>, CommandError> {
        Self::require_system(ctx)?;
        let o = self.existing_org(org)?;
        let status = match (reason, &o.status) {
            (Some(reason), OrganizationStatus::Active) => OrganizationStatus::Blocked { reason },
            (None, OrganizationStatus::Blocked { .. }) => OrganizationStatus::Active,
            (_, other) => {
                return Err(CommandError::OrganizationStatus {
                    status: other.code(),
                })
            }
        };
        Ok(vec![Event::Organizations(
            OrganizationEvent::OrganizationStatusChanged { org, status },
        )])
    }

    pub(super) fn liquidate_organization(
        &self,
        ctx: &Context,
        org: OrgId,
    ) -> Result<Vec<Event>, CommandError> {
        Self::require_system(ctx)?;
        let o = self.existing_org(org)?;
        if o.status == OrganizationStatus::Liquidated {
            return Err(CommandError::AlreadyInStatus {
                status: "liquidated",
            });
        }
        Ok(vec![Event::Organizations(
            OrganizationEvent::OrganizationStatusChanged {
                org,
                status: OrganizationStatus::Liquidated,
            },
        )])
    }
}
