//! Powers of attorney (доверенность, МЧД): the typed commands, the queries
//! of the directory, the chain a decision names and the МЧД JSON form.
//!
//! A power's number is a UUID in its text form; the caller draws it (the
//! library draws no randomness). The full JSON form of each power is in
//! [`PowerInfo::json`], for the fields not mirrored here.

use crate::context::Context;
use crate::handle::Kabinet;
use crate::values::{named, right_set, Event};
use kabinet::delegation::{PowerTerms, Redelegation, Representative as CoreRepresentative};
use kabinet::ffi::{Area, KabinetError};
use kabinet::identifiers::{Inn, Ogrn, Snils};
use kabinet::DelegationCommand;
use kabinet::Timestamp;
use kabinet::{AccountId, Command, OrgId, PowerLevel as CorePowerLevel, PowerNumber};

/// The presets of powers (уровни полномочий).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PowerLevel {
    /// Базовый: view.
    Basic,
    /// Оперативный: make changes in the working areas.
    Operational,
    /// Административный: full control.
    Administrative,
}

impl From<PowerLevel> for CorePowerLevel {
    fn from(l: PowerLevel) -> Self {
        match l {
            PowerLevel::Basic => Self::Basic,
            PowerLevel::Operational => Self::Operational,
            PowerLevel::Administrative => Self::Administrative,
        }
    }
}

/// The rights of a preset, in catalog order.
#[uniffi::export]
pub fn power_level_rights(level: PowerLevel) -> Vec<String> {
    codes(CorePowerLevel::from(level).rights())
}

/// The Russian name of a preset (`базовый`, …).
#[uniffi::export]
pub fn power_level_name_ru(level: PowerLevel) -> String {
    CorePowerLevel::from(level).name_ru().into()
}

/// Who receives the powers.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Representative {
    /// A person known to the directory by their account.
    Account {
        /// The account.
        account: u64,
    },
    /// A third party identified by СНИЛС and/or personal ИНН.
    Person {
        /// The person's СНИЛС.
        snils: Option<String>,
        /// The person's ИНН (12 digits).
        inn: Option<String>,
        /// The organization the person acts through, when the power names one.
        #[uniffi(default = None)]
        acting_for: Option<ActingFor>,
    },
}

/// An organization a representative acts through (the power names its ИНН
/// and, for a legal entity, its ОГРН).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ActingFor {
    /// ИНН (10 digits, or 12 for an entrepreneur).
    pub inn: String,
    /// ОГРН, for a legal entity.
    #[uniffi(default = None)]
    pub ogrn: Option<String>,
}

/// The terms of a power being issued or passed on.
#[derive(Debug, Clone, uniffi::Record)]
pub struct PowerTermsInput {
    /// The number: a UUID in its text form.
    pub number: String,
    /// The principal's own number, if any.
    pub internal_number: Option<String>,
    /// Who receives the powers.
    pub representative: Representative,
    /// The powers given (right codes).
    pub powers: Vec<String>,
    /// The first instant it works; the moment of issue when none.
    pub valid_from: Option<Timestamp>,
    /// The first instant it no longer works; one year after the start when none.
    pub valid_until: Option<Timestamp>,
    /// `none`, `once` or `successive`.
    pub redelegation: String,
}

/// A power of attorney as the directory holds it.
#[derive(Debug, Clone, uniffi::Record)]
pub struct PowerInfo {
    /// The number (UUID).
    pub number: String,
    /// The principal's own number, if any.
    pub internal_number: Option<String>,
    /// When it was issued.
    pub issued_at: Timestamp,
    /// The first instant it works.
    pub valid_from: Timestamp,
    /// The first instant it no longer works.
    pub valid_until: Timestamp,
    /// The principal organization.
    pub principal: u64,
    /// The person who signed it.
    pub issuer: u64,
    /// The power it was re-delegated from.
    pub parent: Option<String>,
    /// Links between it and its first power.
    pub depth: u8,
    /// Who receives the powers.
    pub representative: Representative,
    /// The powers (right codes).
    pub powers: Vec<String>,
    /// Whether it is irrevocable.
    pub irrevocable: bool,
    /// `none`, `once` or `successive`.
    pub redelegation: String,
    /// `in_force`, `revoked`, `refused` or `ended`.
    pub status: String,
    /// The full JSON form.
    pub json: String,
}

/// One link of a chain of powers.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ChainLink {
    /// The power's number.
    pub number: String,
    /// Who signed it.
    pub issuer: u64,
    /// Its own powers (right codes).
    pub powers: Vec<String>,
    /// The first instant it no longer works.
    pub valid_until: Timestamp,
}

/// The chain of powers a decision (or entering by a power) rests on.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Delegation {
    /// The power used (the last link).
    pub number: String,
    /// The principal organization.
    pub principal: u64,
    /// The powers the whole chain gives (right codes).
    pub powers: Vec<String>,
    /// The first instant the chain no longer works.
    pub valid_until: Timestamp,
    /// The links, from the first power to the one used.
    pub chain: Vec<ChainLink>,
}

/// A power giving a right, with its expiry.
#[derive(Debug, Clone, uniffi::Record)]
pub struct HeldThroughPower {
    /// The power used.
    pub number: String,
    /// The first instant the chain no longer gives the right.
    pub valid_until: Timestamp,
}

pub(crate) fn codes(set: kabinet::RightSet) -> Vec<String> {
    set.iter().map(|r| r.code().to_owned()).collect()
}

pub(crate) fn number(n: &str) -> Result<PowerNumber, KabinetError> {
    named(kabinet::InputKind::PowerNumber, n)
}

impl From<&kabinet::DelegationBasis> for Delegation {
    fn from(d: &kabinet::DelegationBasis) -> Self {
        Self {
            number: d.number.to_string(),
            principal: d.principal.0,
            powers: codes(d.powers),
            valid_until: d.valid_until,
            chain: d
                .chain
                .iter()
                .map(|l| ChainLink {
                    number: l.number.to_string(),
                    issuer: l.issuer.0,
                    powers: codes(l.powers),
                    valid_until: l.valid_until,
                })
                .collect(),
        }
    }
}

impl From<&kabinet::HeldThroughPower> for HeldThroughPower {
    fn from(h: &kabinet::HeldThroughPower) -> Self {
        Self {
            number: h.number.to_string(),
            valid_until: h.valid_until,
        }
    }
}

impl From<&kabinet::PowerOfAttorney> for PowerInfo {
    fn from(p: &kabinet::PowerOfAttorney) -> Self {
        Self {
            number: p.number.to_string(),
            internal_number: p.internal_number.clone(),
            issued_at: p.issued_at,
            valid_from: p.valid_from,
            valid_until: p.valid_until,
            principal: p.principal.0,
            issuer: p.issuer.0,
            parent: p.parent.map(|n| n.to_string()),
            depth: p.depth,
            representative: match &p.representative {
                CoreRepresentative::Account { account } => {
                    Representative::Account { account: account.0 }
                }
                CoreRepresentative::Person {
                    snils,
                    inn,
                    acting_for,
                } => Representative::Person {
                    snils: snils.as_ref().map(ToString::to_string),
                    inn: inn.as_ref().map(ToString::to_string),
                    acting_for: acting_for.as_ref().map(|f| ActingFor {
                        inn: f.inn.to_string(),
                        ogrn: f.ogrn.as_ref().map(ToString::to_string),
                    }),
                },
            },
            powers: codes(p.powers),
            irrevocable: p.irrevocable,
            redelegation: p.redelegation.as_str().into(),
            status: p.status.code().into(),
            json: serde_json::to_string(p).unwrap_or_default(),
        }
    }
}

impl PowerTermsInput {
    fn to_core(&self) -> Result<PowerTerms, KabinetError> {
        Ok(PowerTerms {
            number: number(&self.number)?,
            internal_number: self.internal_number.clone(),
            representative: match &self.representative {
                Representative::Account { account } => CoreRepresentative::Account {
                    account: AccountId(*account),
                },
                Representative::Person {
                    snils,
                    inn,
                    acting_for,
                } => CoreRepresentative::Person {
                    snils: snils.as_deref().map(Snils::parse).transpose()?,
                    inn: inn.as_deref().map(Inn::parse).transpose()?,
                    acting_for: acting_for
                        .as_ref()
                        .map(|f| -> Result<_, KabinetError> {
                            Ok(kabinet::delegation::RepresentingOrganization {
                                inn: Inn::parse(&f.inn)?,
                                ogrn: f.ogrn.as_deref().map(Ogrn::parse).transpose()?,
                            })
                        })
                        .transpose()?,
                },
            },
            powers: right_set(&self.powers)?,
            valid_from: self.valid_from,
            valid_until: self.valid_until,
            redelegation: named::<Redelegation>(
                kabinet::InputKind::Redelegation,
                &self.redelegation,
            )?,
        })
    }
}

fn infos<'a>(powers: impl IntoIterator<Item = &'a kabinet::PowerOfAttorney>) -> Vec<PowerInfo> {
    powers.into_iter().map(PowerInfo::from).collect()
}

#[uniffi::export]
impl Kabinet {
    /// Issues a power of attorney for `org` (right `powers_of_attorney.edit`).
    pub fn issue_power(
        &self,
        context: Context,
        org: u64,
        terms: PowerTermsInput,
        irrevocable: bool,
    ) -> Result<Vec<Event>, KabinetError> {
        let command = Command::Delegation(DelegationCommand::IssuePower {
            org: OrgId(org),
            terms: terms.to_core()?,
            irrevocable,
        });
        self.by(command, &context)
    }

    /// Passes a power on (передоверие); its representative acts.
    pub fn redelegate_power(
        &self,
        context: Context,
        parent: String,
        terms: PowerTermsInput,
    ) -> Result<Vec<Event>, KabinetError> {
        let command = Command::Delegation(DelegationCommand::RedelegatePower {
            parent: number(&parent)?,
            terms: terms.to_core()?,
        });
        self.by(command, &context)
    }

    /// Revokes a power and everything re-delegated from it.
    pub fn revoke_power(
        &self,
        context: Context,
        number: String,
        ground: Option<String>,
    ) -> Result<Vec<Event>, KabinetError> {
        let command = Command::Delegation(DelegationCommand::RevokePower {
            number: self::number(&number)?,
            ground,
        });
        self.by(command, &context)
    }

    /// Refuses a power (its representative acts).
    pub fn refuse_power(
        &self,
        context: Context,
        number: String,
    ) -> Result<Vec<Event>, KabinetError> {
        let command = Command::Delegation(DelegationCommand::RefusePower {
            number: self::number(&number)?,
        });
        self.by(command, &context)
    }

    /// Reads a power in its МЧД JSON form and registers it (the portal, at `at`).
    ///
    /// # Errors
    /// `Power` with the МЧД code for a document that does not read; `Command`
    /// when the registration is refused.
    pub fn import_power(
        &self,
        mchd_json: String,
        at: Timestamp,
    ) -> Result<PowerInfo, KabinetError> {
        let power = self
            .inner
            .read()
            .import_power(&mchd_json)
            .map_err(|e| KabinetError::coded(Area::Power, &e))?;
        let info = PowerInfo::from(&power);
        self.system(
            Command::Delegation(DelegationCommand::ImportPower { power }),
            at,
        )?;
        Ok(info)
    }

    /// A power in its МЧД JSON form.
    ///
    /// # Errors
    /// `Power` (`mchd.unknown_power`, …).
    pub fn export_power(&self, number: String) -> Result<String, KabinetError> {
        self.inner
            .read()
            .export_power(self::number(&number)?)
            .map_err(|e| KabinetError::coded(Area::Power, &e))
    }

    /// A power by its number.
    pub fn power(&self, number: String) -> Result<Option<PowerInfo>, KabinetError> {
        Ok(self
            .inner
            .read()
            .power(self::number(&number)?)
            .map(PowerInfo::from))
    }

    /// How many powers the directory holds.
    pub fn power_count(&self) -> u64 {
        self.inner.read().power_count() as u64
    }

    /// The powers a person receives.
    pub fn powers_of_representative(&self, account: u64) -> Vec<PowerInfo> {
        infos(
            self.inner
                .read()
                .powers_of_representative(AccountId(account)),
        )
    }

    /// The powers from `org` a person holds that have not ended at `at`
    /// (dismissal does not end them), in issue order.
    pub fn powers_held_from(
        &self,
        org: u64,
        account: u64,
        at: Timestamp,
    ) -> Result<Vec<PowerInfo>, KabinetError> {
        Ok(infos(self.inner.read().powers_held_from(
            OrgId(org),
            AccountId(account),
            at,
        )))
    }

    /// The powers an organization issued.
    pub fn powers_issued_by(&self, org: u64) -> Vec<PowerInfo> {
        infos(self.inner.read().powers_issued_by(OrgId(org)))
    }

    /// The powers (of one organization, or all) in force at `at` that end within `days`.
    pub fn powers_expiring_within(
        &self,
        org: Option<u64>,
        at: Timestamp,
        days: u32,
    ) -> Result<Vec<PowerInfo>, KabinetError> {
        Ok(infos(self.inner.read().powers_expiring_within(
            org.map(OrgId),
            at,
            days,
        )))
    }

    /// The chain behind a power, from its first power to itself.
    pub fn power_chain(&self, number: String) -> Result<Vec<PowerInfo>, KabinetError> {
        Ok(infos(self.inner.read().power_chain(self::number(&number)?)))
    }

    /// The powers passed on from a power.
    pub fn powers_redelegated_from(&self, number: String) -> Result<Vec<PowerInfo>, KabinetError> {
        Ok(infos(
            self.inner
                .read()
                .powers_redelegated_from(self::number(&number)?),
        ))
    }

    /// Whether a power's chain works at `at`.
    ///
    /// # Errors
    /// `Access` with the failing link's refusal.
    pub fn verify_power(&self, number: String, at: Timestamp) -> Result<Delegation, KabinetError> {
        self.inner
            .read()
            .verify_power(self::number(&number)?, at)
            .map(|d| Delegation::from(&d))
            .map_err(|r| KabinetError::refused(&[r]))
    }

    /// Enters an organization's account by a power's number.
    ///
    /// # Errors
    /// `Access` with the refusal when the person cannot act by it.
    pub fn enter_by_power(
        &self,
        actor: u64,
        number: String,
        at: Timestamp,
    ) -> Result<Delegation, KabinetError> {
        self.inner
            .read()
            .enter_by_power(AccountId(actor), self::number(&number)?, at)
            .map(|d| Delegation::from(&d))
            .map_err(|r| KabinetError::refused(&[r]))
    }

    /// The rights a person holds for `org` through working powers at `at`.
    pub fn rights_through_powers(
        &self,
        actor: u64,
        org: u64,
        at: Timestamp,
    ) -> Result<Vec<String>, KabinetError> {
        Ok(codes(self.inner.read().rights_through_powers(
            AccountId(actor),
            OrgId(org),
            at,
        )))
    }
}
