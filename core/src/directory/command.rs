//! Commands: every change to the directory, as a value.

use crate::accounts::{AccountLevel, BlockReason, ContactKind, PersonName};
use crate::delegation::{Mchd, PowerNumber, PowerOfAttorney, PowerTerms};
use crate::employees::Invitee;
use crate::identifiers::{Email, Inn, Phone, Snils};
use crate::ids::{AccessGroupId, AccountId, CustomRoleId, InvitationId, OrgId};
use crate::organizations::{
    OrganizationBlockReason, OrganizationKind, RegistryAnswer, RequisitesDraft,
};
use crate::rights::RightSet;
use crate::roles::RoleRef;
use serde::{Deserialize, Serialize};

/// A new value of a contact.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum ContactValue {
    /// An e-mail address.
    Email(Email),
    /// A phone number.
    Phone(Phone),
}

/// A command to the directory. Who may execute each is said on the variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "command")]
pub enum Command {
    /// Registers a person's account at the simplified level. System.
    RegisterAccount {
        /// ФИО.
        name: PersonName,
        /// СНИЛС, if given; one СНИЛС, one account.
        snils: Option<Snils>,
        /// Personal ИНН, if given.
        inn: Option<Inn>,
        /// E-mail (unconfirmed).
        email: Option<Email>,
        /// Phone (unconfirmed).
        phone: Option<Phone>,
    },
    /// Raises an account's level one step (standard needs a СНИЛС). System.
    RaiseAccountLevel {
        /// The account.
        account: AccountId,
        /// The new level.
        level: AccountLevel,
    },
    /// Confirms a person's identity: raises the account through every step
    /// left to `confirmed` (needs a СНИЛС), all or nothing. System.
    ConfirmIdentity {
        /// The account.
        account: AccountId,
    },
    /// Sets a contact, unconfirmed. The account itself or System.
    ChangeContact {
        /// The account.
        account: AccountId,
        /// The new contact.
        contact: ContactValue,
    },
    /// Marks a contact confirmed after a one-time code was checked. System.
    ConfirmContact {
        /// The account.
        account: AccountId,
        /// Which contact.
        kind: ContactKind,
    },
    /// Blocks an account. System.
    BlockAccount {
        /// The account.
        account: AccountId,
        /// Why.
        reason: BlockReason,
    },
    /// Temporarily disables an account. System.
    DisableAccount {
        /// The account.
        account: AccountId,
    },
    /// Restores a blocked or disabled account. System.
    RestoreAccount {
        /// The account.
        account: AccountId,
    },
    /// Submits an organization for registration. A confirmed account.
    SubmitOrganization {
        /// The kind of organization.
        kind: OrganizationKind,
        /// The requisites as typed.
        requisites: RequisitesDraft,
    },
    /// Corrects and resubmits a rejected registration. The submitter.
    ResubmitOrganization {
        /// The organization.
        org: OrgId,
        /// The corrected requisites.
        requisites: RequisitesDraft,
    },
    /// Submits an organization for registration as its representative,
    /// presenting the power of attorney (МЧД) its head signed. A confirmed
    /// account, the representative the power names.
    SubmitOrganizationByPower {
        /// The kind of organization.
        kind: OrganizationKind,
        /// The requisites as typed.
        requisites: RequisitesDraft,
        /// The power of attorney, in its МЧД form.
        power: Box<Mchd>,
    },
    /// Corrects and resubmits a rejected registration with a power of
    /// attorney, replacing any presented before. The submitter.
    ResubmitOrganizationByPower {
        /// The organization.
        org: OrgId,
        /// The corrected requisites.
        requisites: RequisitesDraft,
        /// The power of attorney, in its МЧД form.
        power: Box<Mchd>,
    },
    /// Records the state registry's answer about a checked registration. System.
    RecordRegistryAnswer {
        /// The organization.
        org: OrgId,
        /// What the registry said.
        answer: RegistryAnswer,
    },
    /// Changes requisites (not ИНН, ОГРН or ОГРНИП). Right `organization.edit`, enhanced signature.
    ChangeRequisites {
        /// The organization.
        org: OrgId,
        /// The new requisites.
        requisites: RequisitesDraft,
    },
    /// Blocks an organization. System.
    BlockOrganization {
        /// The organization.
        org: OrgId,
        /// Why.
        reason: OrganizationBlockReason,
    },
    /// Unblocks an organization. System.
    UnblockOrganization {
        /// The organization.
        org: OrgId,
    },
    /// Records the end of an organization. System.
    LiquidateOrganization {
        /// The organization.
        org: OrgId,
    },
    /// Invites a person to join. Right `users.edit`; giving roles also needs
    /// `users.manage` and every right of those roles.
    InviteEmployee {
        /// The organization.
        org: OrgId,
        /// By e-mail or СНИЛС.
        invitee: Invitee,
        /// The person's name.
        name: PersonName,
        /// The position offered.
        position: Option<String>,
        /// The roles given on joining.
        roles: Vec<RoleRef>,
    },
    /// Withdraws a pending invitation. Right `users.edit`.
    RevokeInvitation {
        /// The invitation.
        invitation: InvitationId,
    },
    /// Accepts an invitation. The invited person's confirmed account.
    AcceptInvitation {
        /// The invitation.
        invitation: InvitationId,
    },
    /// Declines an invitation. The invited person.
    DeclineInvitation {
        /// The invitation.
        invitation: InvitationId,
    },
    /// Blocks an employee. Right `users.manage`; never the head.
    BlockEmployee {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
    },
    /// Temporarily disables an employee. Right `users.manage`; never the head.
    DisableEmployee {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
    },
    /// Dismisses an employee: access through membership ends at once. Right
    /// `users.manage`; never the head. Powers of attorney the person holds
    /// from the organization remain (a notice names them) unless the policy
    /// revokes them with the dismissal.
    DismissEmployee {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
    },
    /// Restores a blocked, disabled or mistakenly dismissed employee. Right
    /// `users.manage`; never the head.
    RestoreEmployee {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
    },
    /// Gives a role. Right `users.manage` and every right of the role.
    AssignRole {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
        /// The role.
        role: RoleRef,
    },
    /// Takes a role away. Right `users.manage`; never from the head (taking
    /// away grants nothing, so the actor need not hold the role's rights).
    RevokeRole {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
        /// The role.
        role: RoleRef,
    },
    /// Grants rights individually. Right `users.manage` and every right granted.
    GrantRights {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
        /// The rights.
        rights: RightSet,
    },
    /// Takes individually granted rights away. Right `users.manage`; never
    /// from the head.
    RevokeRights {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
        /// The rights.
        rights: RightSet,
    },
    /// Defines a custom role. Right `users.manage` and every right of it.
    CreateCustomRole {
        /// The organization.
        org: OrgId,
        /// The role's name.
        name: String,
        /// Its rights.
        rights: RightSet,
    },
    /// Redefines a custom role. Right `users.manage` and every right it had and gets.
    UpdateCustomRole {
        /// The organization.
        org: OrgId,
        /// The role.
        role: CustomRoleId,
        /// The new name.
        name: String,
        /// The new rights.
        rights: RightSet,
    },
    /// Deletes a custom role, taking it from everyone. Right `users.manage` and every right of it.
    DeleteCustomRole {
        /// The organization.
        org: OrgId,
        /// The role.
        role: CustomRoleId,
    },
    /// Creates an access group. Right `access_groups.edit`.
    CreateAccessGroup {
        /// The organization.
        org: OrgId,
        /// The group's name.
        name: String,
        /// The information system.
        system: String,
    },
    /// Renames an access group. Right `access_groups.edit`.
    RenameAccessGroup {
        /// The organization.
        org: OrgId,
        /// The group.
        group: AccessGroupId,
        /// The new name.
        name: String,
    },
    /// Adds an employee to an access group. Right `access_groups.edit`.
    AddToAccessGroup {
        /// The organization.
        org: OrgId,
        /// The group.
        group: AccessGroupId,
        /// The employee.
        account: AccountId,
    },
    /// Removes an employee from an access group. Right `access_groups.edit`.
    RemoveFromAccessGroup {
        /// The organization.
        org: OrgId,
        /// The group.
        group: AccessGroupId,
        /// The employee.
        account: AccountId,
    },
    /// Deletes an access group. Right `access_groups.delete`.
    DeleteAccessGroup {
        /// The organization.
        org: OrgId,
        /// The group.
        group: AccessGroupId,
    },
    /// Issues a power of attorney for the organization. A member holding
    /// `powers_of_attorney.edit` (the head always) and every right given.
    IssuePower {
        /// The principal organization.
        org: OrgId,
        /// The terms.
        terms: PowerTerms,
        /// Whether it is irrevocable.
        irrevocable: bool,
    },
    /// Passes a power of attorney on (передоверие). Its representative, if it allows it.
    RedelegatePower {
        /// The power passed on.
        parent: PowerNumber,
        /// The terms of the new power.
        terms: PowerTerms,
    },
    /// Revokes a power of attorney and everything re-delegated from it. The
    /// principal (right `powers_of_attorney.delete`) or, for a re-delegated one, its issuer.
    RevokePower {
        /// The power.
        number: PowerNumber,
        /// The legal ground; required for an irrevocable power.
        ground: Option<String>,
    },
    /// Refuses a power of attorney, ending everything re-delegated from it. Its representative.
    RefusePower {
        /// The power.
        number: PowerNumber,
    },
    /// Registers a power of attorney issued elsewhere (an imported МЧД). System.
    ImportPower {
        /// The power, as imported.
        power: PowerOfAttorney,
    },
    /// Authentication: logins, codes, PINs. System.
    Auth(crate::auth::AuthCommand),
    /// Sessions: touch, end, sweep.
    Session(crate::auth::SessionCommand),
    /// Notifications: preferences, routing, delivery reports.
    Notification(crate::notifications::NotificationCommand),
    /// Applications and reports.
    Application(crate::applications::ApplicationCommand),
    /// Signature certificates: binding to employees and unbinding.
    Certificate(crate::certificates::CertificateCommand),
}
