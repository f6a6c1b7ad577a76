//! Rules of organization commands (DOMAIN §4): registration, requisites, blocking.

use super::{CommandError, Context, Directory, Event};
use crate::decisions::Refusal;
use crate::employees::Standing;
use crate::ids::OrgId;
use crate::organizations::{
    reconcile, OrganizationBlockReason, OrganizationKind, OrganizationStatus, RegistrationStage,
    RegistryAnswer, RejectionReason, Requisites, RequisitesDraft,
};
use crate::rights::Right;

impl Directory {
    pub(super) fn submit_organization(
        &self,
        ctx: &Context,
        kind: OrganizationKind,
        draft: &RequisitesDraft,
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
        let mut events = vec![Event::OrganizationSubmitted {
            org,
            kind,
            requisites: requisites.clone(),
            by,
        }];
        events.push(self.formal_check(org, &requisites));
        Ok(events)
    }

    pub(super) fn resubmit_organization(
        &self,
        ctx: &Context,
        org: OrgId,
        draft: &RequisitesDraft,
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
        let requisites = draft
            .validate(o.kind)
            .map_err(|fields| CommandError::InvalidRequisites { fields })?;
        let check = self.formal_check(org, &requisites);
        Ok(vec![Event::RequisitesChanged { org, requisites }, check])
    }

    /// The formal check: no other live registration holds the same ИНН and КПП.
    fn formal_check(&self, org: OrgId, requisites: &Requisites) -> Event {
        let duplicate = self.organizations_by_inn(&requisites.inn).any(|o| {
            o.id != org
                && o.requisites.inn == requisites.inn
                && o.requisites.kpp == requisites.kpp
                && !matches!(
                    o.status,
                    OrganizationStatus::Rejected { .. } | OrganizationStatus::Liquidated
                )
        });
        if duplicate {
            Event::RegistrationRejected {
                org,
                reasons: vec![RejectionReason::AlreadyRegistered],
            }
        } else {
            Event::RegistrationAdvanced {
                org,
                stage: RegistrationStage::Checked,
            }
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
        let found = reconcile(&o.requisites, answer, submitter.inn.as_ref(), !is_branch);
        let mut events = Vec::new();
        if found.verified {
            events.push(Event::RegistrationAdvanced {
                org,
                stage: RegistrationStage::Verified,
            });
        }
        if !found.reasons.is_empty() {
            events.push(Event::RegistrationRejected {
                org,
                reasons: found.reasons,
            });
            return Ok(events);
        }
        let position = match answer {
            RegistryAnswer::Found { record } => Some(record.head.position.clone()),
            RegistryAnswer::NotFound => None,
        };
        events.extend([
            Event::RegistrationAdvanced {
                org,
                stage: RegistrationStage::Reconciled,
            },
            Event::OrganizationActivated {
                org,
                head: o.submitted_by,
                at: ctx.at,
            },
            Event::MemberJoined {
                org,
                account: o.submitted_by,
                standing: Standing::Head,
                roles: Vec::new(),
                position,
                at: ctx.at,
            },
        ]);
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
        Ok(vec![Event::RequisitesChanged { org, requisites }])
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
        Ok(vec![Event::OrganizationStatusChanged { org, status }])
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
        Ok(vec![Event::OrganizationStatusChanged {
            org,
            status: OrganizationStatus::Liquidated,
        }])
    }
}
