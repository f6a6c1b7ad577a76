//! Organizations as the directory holds them: the implementations of
//! [`OrganizationWorld`] (what their rules read, with the power of attorney
//! a representative presents read by delegation's rules) and
//! [`OrganizationState`] (what their fold changes), their refusals as the
//! directory's errors, and the questions about a presented power.
//!
//! The power is read when presented: every field is validated, the person
//! who signed it must hold an account (they become the head if the registry
//! names them), and its number must be free. It is then judged by the formal
//! check and the reconciliation (see [`crate::delegation::RegistrationPower`]).

use super::{CommandError, Directory, Event};
use crate::accounts::Account;
use crate::delegation::mchd::principal_identifiers;
use crate::delegation::{
    power_reasons, DelegationError, DelegationEvent, Mchd, MchdForm, PowerNumber, RegistrationPower,
};
use crate::employees::{EmployeeEvent, EmployeeWorld, Standing};
use crate::identifiers::Inn;
use crate::ids::{AccountId, OrgId};
use crate::organizations::{
    Organization, OrganizationError, OrganizationEvent, OrganizationState, OrganizationView,
    OrganizationWorld, PowerCheck, RejectionReason, Requisites,
};
use crate::Timestamp;

impl From<OrganizationError> for CommandError {
    fn from(e: OrganizationError) -> Self {
        match e {
            OrganizationError::InvalidRequisites { fields } => Self::InvalidRequisites { fields },
            OrganizationError::BranchParent => Self::BranchParent,
            OrganizationError::NotSubmitter => Self::NotSubmitter,
            OrganizationError::Status { status } => Self::OrganizationStatus { status },
            OrganizationError::IdentityImmutable => Self::IdentityImmutable,
            OrganizationError::AlreadyInStatus { status } => Self::AlreadyInStatus { status },
        }
    }
}

impl From<OrganizationEvent> for Event {
    fn from(e: OrganizationEvent) -> Self {
        Event::Organizations(e)
    }
}

impl OrganizationView for Directory {
    fn organization(&self, org: OrgId) -> Option<&Organization> {
        Directory::organization(self, org)
    }

    fn existing_org(&self, org: OrgId) -> Result<&Organization, CommandError> {
        Directory::existing_org(self, org)
    }

    fn organizations_by_inn(&self, inn: &Inn) -> Vec<&Organization> {
        Directory::organizations_by_inn(self, inn).collect()
    }
}

impl OrganizationWorld for Directory {
    type Event = Event;
    type Form = Mchd;
    type Presented = RegistrationPower;

    fn next_org(&self) -> OrgId {
        OrgId(self.next.org.max(1))
    }

    fn able_to_act(&self, account: &Account) -> Result<(), CommandError> {
        EmployeeWorld::able_to_act(self, account)
    }

    fn present(&self, m: &Mchd, org: OrgId) -> Result<RegistrationPower, CommandError> {
        let power = self.read_mchd(m, |_| Ok(org))?;
        let (principal_inn, principal_ogrn) = principal_identifiers(&m.principal)?;
        // The same document may be presented again for the same registration.
        let taken = self.powers.get(&power.number).is_some()
            || self
                .presented_power(&power.number)
                .is_some_and(|p| p.power.principal != org);
        if taken {
            return Err(DelegationError::DuplicateNumber {
                number: power.number,
            }
            .into());
        }
        Ok(RegistrationPower {
            principal_inn,
            principal_ogrn,
            power,
        })
    }

    fn presented(&self, org: OrgId) -> Option<&RegistrationPower> {
        self.registration_powers.of(org)
    }

    fn signer(power: &RegistrationPower) -> AccountId {
        power.power.issuer
    }

    fn power_reasons(power: &RegistrationPower, check: &PowerCheck<'_>) -> Vec<RejectionReason> {
        power_reasons(power, check)
    }

    fn power_presented(org: OrgId, power: RegistrationPower) -> Event {
        Event::Delegation(DelegationEvent::RegistrationPowerPresented {
            org,
            power: Box::new(power),
        })
    }

    fn power_takes_effect(power: &RegistrationPower) -> Event {
        Event::Delegation(DelegationEvent::PowerIssued {
            power: power.power.clone(),
        })
    }

    fn member_joined(
        org: OrgId,
        account: AccountId,
        head: bool,
        position: Option<String>,
        at: Timestamp,
    ) -> Event {
        Event::Employees(EmployeeEvent::MemberJoined {
            org,
            account,
            standing: if head {
                Standing::Head
            } else {
                Standing::Employee
            },
            roles: Vec::new(),
            position,
            at,
        })
    }
}

impl OrganizationState for Directory {
    fn insert_organization(&mut self, organization: Organization) {
        let org = organization.id;
        self.by_inn
            .insert((organization.requisites.inn.clone(), org));
        self.organizations.insert(org, organization);
        self.next.org = self.next.org.max(org.0 + 1);
    }

    fn replace_requisites(&mut self, org: OrgId, requisites: &Requisites) {
        let Some(o) = self.organizations.get_mut(&org) else {
            return;
        };
        if o.requisites.inn != requisites.inn {
            self.by_inn.remove(&(o.requisites.inn.clone(), org));
            self.by_inn.insert((requisites.inn.clone(), org));
        }
        o.requisites = requisites.clone();
    }

    fn organization_mut(&mut self, org: OrgId) -> Option<&mut Organization> {
        self.organizations.get_mut(&org)
    }

    fn forget_presented(&mut self, org: OrgId) {
        self.registration_powers.remove(org);
    }
}

impl Directory {
    /// The power of attorney presented with the registration of `org`, while
    /// the organization is not active (once active, the power is among the
    /// powers of attorney: [`Directory::power`]).
    pub fn registration_power(&self, org: OrgId) -> Option<&RegistrationPower> {
        self.registration_powers.of(org)
    }

    /// The presented power with a number, if one is waiting.
    pub(crate) fn presented_power(&self, number: &PowerNumber) -> Option<&RegistrationPower> {
        self.registration_powers.by_number(number)
    }
}
