//! Typed commands of accounts and organizations: one method of [`Kabinet`]
//! per common flow, each building the library's `Command` and running it.
//! Commands of the portal itself take `at`; commands of a person take the
//! [`Context`] they act in. Creating commands return the new number; the
//! others return the events. Employees, roles and access groups are in
//! [`crate::employees`].

use crate::context::Context;
use crate::handle::Kabinet;
use crate::registry::InMemoryRegistry;
use crate::typed::typed_commands;
use crate::values::{first_id, name, Event};
use kabinet::accounts::{AccountLevel, BlockReason as AccountBlockReason, ContactKind};
use kabinet::directory::ContactValue;
use kabinet::ffi::{event_records, Area, KabinetError};
use kabinet::identifiers::{Email, Inn, Phone, Snils};
use kabinet::organizations::{OrganizationBlockReason, OrganizationKind, RequisitesDraft};
use kabinet::organizations::{RegistryAnswer, StateRegistry};
use kabinet::CodedMessage;
use kabinet::Timestamp;
use kabinet::{AccountCommand, DelegationCommand, OrganizationCommand};
use kabinet::{AccountId, Command, OrgId};
use std::sync::Arc;

/// Reads an МЧД's JSON form (size and shape; the fields are validated when presented).
fn mchd(json: &str) -> Result<kabinet::delegation::Mchd, KabinetError> {
    kabinet::delegation::Mchd::from_json(json).map_err(|e| KabinetError::coded(Area::Power, &e))
}

impl Kabinet {
    pub(crate) fn system(
        &self,
        command: Command,
        at: Timestamp,
    ) -> Result<Vec<Event>, KabinetError> {
        let ctx = kabinet::Context::system(at);
        self.run_core(command, &ctx).map(|e| event_records(&e))
    }

    pub(crate) fn by(
        &self,
        command: Command,
        context: &Context,
    ) -> Result<Vec<Event>, KabinetError> {
        self.run_core(command, context).map(|e| event_records(&e))
    }

    pub(crate) fn creating(
        &self,
        command: Command,
        context: &kabinet::Context,
    ) -> Result<u64, KabinetError> {
        let events = self.run_core(command, context)?;
        first_id(&events).ok_or_else(|| {
            KabinetError::from(
                kabinet::InputError::new(kabinet::InputKind::CommandId, "")
                    .because("the command created nothing"),
            )
        })
    }
}

#[uniffi::export]
impl Kabinet {
    /// Registers a person's account at the simplified level; returns its number. The portal.
    #[allow(clippy::too_many_arguments)]
    pub fn register_account(
        &self,
        surname: String,
        given_name: String,
        patronymic: Option<String>,
        snils: Option<Snils>,
        inn: Option<Inn>,
        email: Option<Email>,
        phone: Option<Phone>,
        at: Timestamp,
    ) -> Result<u64, KabinetError> {
        let command = Command::Accounts(AccountCommand::RegisterAccount {
            name: name(surname, given_name, patronymic),
            snils,
            inn,
            email,
            phone,
        });
        self.creating(command, &kabinet::Context::system(at))
    }

    /// Submits an organization as its representative, presenting the power of
    /// attorney its head signed, in its МЧД JSON form; returns its number.
    /// The power is judged when the registry answers (`registration.power_*`
    /// rejection reasons).
    ///
    /// # Errors
    /// `Power` (`mchd.malformed`, `mchd.too_large`) for a document that does
    /// not read; `Command` (`mchd.signer_unknown`, ...) when it is refused.
    pub fn submit_organization_by_power(
        &self,
        context: Context,
        kind: OrganizationKind,
        requisites: RequisitesDraft,
        power_json: String,
    ) -> Result<u64, KabinetError> {
        let command = Command::Delegation(DelegationCommand::SubmitOrganizationByPower {
            kind,
            requisites,
            power: Box::new(mchd(&power_json)?),
        });
        self.creating(command, &context)
    }

    /// Corrects and resubmits a rejected registration with a (new) power of
    /// attorney in its МЧД JSON form.
    ///
    /// # Errors
    /// As [`Kabinet::submit_organization_by_power`].
    pub fn resubmit_organization_by_power(
        &self,
        context: Context,
        org: OrgId,
        requisites: RequisitesDraft,
        power_json: String,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::Delegation(DelegationCommand::ResubmitOrganizationByPower {
                org,
                requisites,
                power: Box::new(mchd(&power_json)?),
            }),
            &context,
        )
    }

    /// The rejection reasons of a registration with their messages; empty
    /// unless the organization is rejected.
    pub fn rejection_reasons(&self, org: u64) -> Vec<CodedMessage> {
        use kabinet::organizations::OrganizationStatus;
        match self
            .inner
            .read()
            .organization(OrgId(org))
            .map(|o| &o.status)
        {
            Some(OrganizationStatus::Rejected { reasons }) => {
                reasons.iter().map(CodedMessage::of).collect()
            }
            _ => Vec::new(),
        }
    }

    /// Records the registry's answer given in its JSON form. The portal.
    pub fn record_registry_answer(
        &self,
        org: u64,
        answer_json: String,
        at: Timestamp,
    ) -> Result<Vec<Event>, KabinetError> {
        let answer: RegistryAnswer = kabinet::from_json(kabinet::JsonForm::Registry, &answer_json)?;
        self.system(
            Command::Organizations(OrganizationCommand::RecordRegistryAnswer {
                org: OrgId(org),
                answer,
            }),
            at,
        )
    }

    /// Asks `registry` about the organization's ИНН and records the answer. The portal.
    pub fn consult_registry(
        &self,
        org: u64,
        registry: Arc<InMemoryRegistry>,
        at: Timestamp,
    ) -> Result<Vec<Event>, KabinetError> {
        let inn = self
            .inner
            .read()
            .organization(OrgId(org))
            .map(|o| o.requisites.inn.clone());
        let answer = match inn {
            Some(inn) => registry
                .registry()
                .lookup(&inn)
                .map_err(|e| KabinetError::Registry {
                    code: kabinet::Coded::code(&e).into(),
                    message_ru: kabinet::Coded::message_ru(&e),
                    message_en: kabinet::Coded::message_en(&e),
                })?,
            None => RegistryAnswer::NotFound,
        };
        self.system(
            Command::Organizations(OrganizationCommand::RecordRegistryAnswer {
                org: OrgId(org),
                answer,
            }),
            at,
        )
    }
}

typed_commands! {
    /// Raises an account one step: `standard` (needs a СНИЛС), then `confirmed`. The portal.
    system fn raise_level(account: AccountId, level: AccountLevel) => Accounts::RaiseAccountLevel;
    /// Confirms a person's identity: every step left to `confirmed`, all or
    /// nothing (one command). The portal.
    system fn confirm_identity(account: AccountId) => Accounts::ConfirmIdentity;
    /// Sets an e-mail or a phone, unconfirmed.
    by fn change_contact(account: AccountId, contact: ContactValue) => Accounts::ChangeContact;
    /// Marks the e-mail or the phone confirmed after its one-time code was checked. The portal.
    system fn confirm_contact(account: AccountId, kind: ContactKind) => Accounts::ConfirmContact;
    /// Blocks an account. The portal.
    system fn block_account(account: AccountId, reason: AccountBlockReason) => Accounts::BlockAccount;
    /// Temporarily disables an account. The portal.
    system fn disable_account(account: AccountId) => Accounts::DisableAccount;
    /// Restores a blocked or disabled account. The portal.
    system fn restore_account(account: AccountId) => Accounts::RestoreAccount;
    /// Submits an organization for registration; returns its number.
    creating fn submit_organization(kind: OrganizationKind, requisites: RequisitesDraft) => Organizations::SubmitOrganization;
    /// Corrects and resubmits a rejected registration.
    by fn resubmit_organization(org: OrgId, requisites: RequisitesDraft) => Organizations::ResubmitOrganization;
    /// Changes requisites (not ИНН, ОГРН, ОГРНИП); needs an enhanced signature.
    by fn change_requisites(org: OrgId, requisites: RequisitesDraft) => Organizations::ChangeRequisites;
    /// Blocks an organization. The portal.
    system fn block_organization(org: OrgId, reason: OrganizationBlockReason) => Organizations::BlockOrganization;
    /// Unblocks an organization. The portal.
    system fn unblock_organization(org: OrgId) => Organizations::UnblockOrganization;
    /// Records the end of an organization. The portal.
    system fn liquidate_organization(org: OrgId) => Organizations::LiquidateOrganization;
}
