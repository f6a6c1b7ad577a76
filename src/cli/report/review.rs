//! The access review's content (DOMAIN §5): every member with their standing,
//! status, roles, rights grouped by area and why each is held, when they last
//! acted, the powers of attorney and certificates they hold, and the flags a
//! reviewer looks at; counts of each flag; the organization's powers about to
//! expire. Codes only: the page, the tables and the JSON render it.

use kabinet::decisions::Basis;
use kabinet::delegation::Representative;
use kabinet::employees::{MembershipStatus, Standing};
use kabinet::journal::Filter;
use kabinet::{AccountId, Actor, Coded, Directory, Kabinet, OrgId, RightSet, RoleRef, Timestamp};
use serde::Serialize;

/// How far ahead powers of attorney and certificates count as expiring (DOMAIN §5, §7).
pub const EXPIRING_DAYS: u32 = 30;

/// What a reviewer looks at, in the order the page shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Rights granted individually beyond the member's roles.
    BeyondRoles,
    /// No journal entry within the review's window.
    Unused,
    /// A power of attorney the member holds ends within [`EXPIRING_DAYS`].
    PowerExpiring,
    /// A certificate bound to the member ends within [`EXPIRING_DAYS`].
    CertificateExpiring,
    /// Dismissed, and still holding a power of attorney (dismissal does not end it).
    DismissedHoldsPower,
}

impl Flag {
    /// Every flag, in the page's order.
    pub const ALL: [Flag; 5] = [
        Self::BeyondRoles,
        Self::Unused,
        Self::PowerExpiring,
        Self::CertificateExpiring,
        Self::DismissedHoldsPower,
    ];

    /// The stable code (also the CSS class of the page).
    pub fn code(self) -> &'static str {
        match self {
            Self::BeyondRoles => "beyond_roles",
            Self::Unused => "unused",
            Self::PowerExpiring => "power_expiring",
            Self::CertificateExpiring => "certificate_expiring",
            Self::DismissedHoldsPower => "dismissed_holds_power",
        }
    }
}

/// One member under review.
#[derive(Debug, Serialize)]
pub struct MemberReview {
    pub account: u64,
    pub name: String,
    /// `head` or `employee`.
    pub standing: &'static str,
    pub status: MembershipStatus,
    /// Role codes (`accountant`, or a custom role's number).
    #[serde(serialize_with = "role_codes")]
    pub roles: Vec<RoleRef>,
    /// Titles of custom roles, by position in `roles` (built-in roles are named by the catalog).
    #[serde(skip)]
    pub custom_role_names: Vec<Option<String>>,
    /// Rights granted individually, beyond the roles.
    pub beyond_roles: RightSet,
    /// Every right the member can exercise at the time of the review, with its sources.
    pub rights: Vec<RightReview>,
    pub last_used: Option<Timestamp>,
    pub unused: bool,
    /// Powers of attorney from the organization the member holds that have not ended.
    pub powers_held: Vec<HeldPower>,
    /// Certificates bound to the member for the organization, still valid.
    pub certificates: Vec<HeldCertificate>,
    pub flags: Vec<Flag>,
}

/// A right a member holds and why.
#[derive(Debug, Serialize)]
pub struct RightReview {
    pub right: kabinet::Right,
    /// `head`, `role <code>`, `grant`, `power of attorney`.
    pub because: Vec<String>,
}

/// A power of attorney a member holds.
#[derive(Debug, Serialize)]
pub struct HeldPower {
    pub number: String,
    pub valid_until: Timestamp,
}

/// A certificate bound to a member.
#[derive(Debug, Serialize)]
pub struct HeldCertificate {
    pub serial: String,
    pub subject: String,
    pub not_after: Timestamp,
}

/// How many members carry each flag.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub members: usize,
    pub beyond_roles: usize,
    pub unused: usize,
    pub power_expiring: usize,
    pub certificate_expiring: usize,
    pub dismissed_holds_power: usize,
}

impl Summary {
    /// The count of one flag.
    pub fn of(&self, flag: Flag) -> usize {
        match flag {
            Flag::BeyondRoles => self.beyond_roles,
            Flag::Unused => self.unused,
            Flag::PowerExpiring => self.power_expiring,
            Flag::CertificateExpiring => self.certificate_expiring,
            Flag::DismissedHoldsPower => self.dismissed_holds_power,
        }
    }

    fn count(&mut self, flags: &[Flag]) {
        self.members += 1;
        for f in flags {
            *match f {
                Flag::BeyondRoles => &mut self.beyond_roles,
                Flag::Unused => &mut self.unused,
                Flag::PowerExpiring => &mut self.power_expiring,
                Flag::CertificateExpiring => &mut self.certificate_expiring,
                Flag::DismissedHoldsPower => &mut self.dismissed_holds_power,
            } += 1;
        }
    }
}

/// The whole review.
#[derive(Debug, Serialize)]
pub struct AccessReview {
    pub organization: u64,
    pub name: String,
    pub at: Timestamp,
    pub unused_days: u32,
    pub expiring_days: u32,
    pub summary: Summary,
    pub members: Vec<MemberReview>,
    /// Powers of attorney the organization gave that expire within [`EXPIRING_DAYS`].
    pub expiring_powers: Vec<ExpiringPower>,
}

/// A power of attorney about to expire.
#[derive(Debug, Serialize)]
pub struct ExpiringPower {
    pub number: String,
    /// The representative's name, or the СНИЛС or ИНН the power names.
    pub representative: String,
    /// The representative's account, when the power names one.
    pub account: Option<u64>,
    pub powers: RightSet,
    pub valid_until: Timestamp,
}

fn role_codes<S: serde::Serializer>(roles: &[RoleRef], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(roles.iter().map(ToString::to_string))
}

fn basis(b: &Basis) -> String {
    match b {
        Basis::Head => "head".into(),
        Basis::Role(r) => format!("role {r}"),
        Basis::Grant => "grant".into(),
        Basis::PowerOfAttorney => "power of attorney".into(),
    }
}

fn days_before(at: Timestamp, days: u32) -> Timestamp {
    at.checked_sub(jiff::SignedDuration::from_hours(24 * i64::from(days)))
        .unwrap_or(at)
}

fn days_after(at: Timestamp, days: u32) -> Timestamp {
    at.checked_add(jiff::SignedDuration::from_hours(24 * i64::from(days)))
        .unwrap_or(Timestamp::MAX)
}

/// Builds the review of `org` at `at`.
///
/// # Errors
/// The message when the organization is unknown or the journal cannot be read.
pub fn review(
    k: &Kabinet,
    org: OrgId,
    at: Timestamp,
    unused_days: u32,
) -> Result<AccessReview, String> {
    let dir = k.read();
    let o = dir
        .organization(org)
        .ok_or_else(|| format!("organization {} not found", org.0))?;
    let cutoff = days_before(at, unused_days);
    let soon = days_after(at, EXPIRING_DAYS);
    let mut members = Vec::new();
    let mut summary = Summary::default();
    for (account, m) in dir.members(org) {
        let last_used = last_used(k, account).map_err(|e| e.message_en())?;
        let unused = last_used.is_none_or(|t| t < cutoff);
        let powers_held: Vec<HeldPower> = dir
            .powers_held_from(org, account, at)
            .iter()
            .map(|p| HeldPower {
                number: p.number.to_string(),
                valid_until: p.valid_until,
            })
            .collect();
        let certificates: Vec<HeldCertificate> = dir
            .certificates_of(org, account)
            .iter()
            .filter(|c| c.not_before <= at && at < c.not_after)
            .map(|c| HeldCertificate {
                serial: c.serial.clone(),
                subject: c.subject.clone(),
                not_after: c.not_after,
            })
            .collect();
        let role_rights = m
            .roles
            .iter()
            .fold(RightSet::EMPTY, |acc, r| acc.union(o.role_rights(r)));
        let beyond_roles = m.grants.difference(role_rights);
        let flags: Vec<Flag> = Flag::ALL
            .into_iter()
            .filter(|f| match f {
                Flag::BeyondRoles => !beyond_roles.is_empty(),
                Flag::Unused => unused,
                Flag::PowerExpiring => powers_held.iter().any(|p| p.valid_until <= soon),
                Flag::CertificateExpiring => certificates.iter().any(|c| c.not_after <= soon),
                Flag::DismissedHoldsPower => {
                    m.status == MembershipStatus::Dismissed && !powers_held.is_empty()
                }
            })
            .collect();
        summary.count(&flags);
        members.push(MemberReview {
            account: account.0,
            name: dir
                .account(account)
                .map(|a| a.name.to_string())
                .unwrap_or_default(),
            standing: match m.standing {
                Standing::Head => "head",
                Standing::Employee => "employee",
            },
            status: m.status,
            custom_role_names: m
                .roles
                .iter()
                .map(|r| match r {
                    RoleRef::Custom(id) => o.custom_role(id).map(|c| c.name.clone()),
                    RoleRef::BuiltIn(_) => None,
                })
                .collect(),
            roles: m.roles.iter().collect(),
            beyond_roles,
            rights: rights_of(&dir, account, org, at),
            last_used,
            unused,
            powers_held,
            certificates,
            flags,
        });
    }
    Ok(AccessReview {
        organization: org.0,
        name: o.requisites.full_name.to_string(),
        at,
        unused_days,
        expiring_days: EXPIRING_DAYS,
        summary,
        members,
        expiring_powers: dir
            .powers_expiring_within(Some(org), at, EXPIRING_DAYS)
            .into_iter()
            .map(|p| ExpiringPower {
                number: p.number.to_string(),
                representative: match &p.representative {
                    Representative::Account { account } => dir
                        .account(*account)
                        .map(|a| a.name.to_string())
                        .unwrap_or_else(|| account.0.to_string()),
                    Representative::Person { snils, inn, .. } => snils
                        .as_ref()
                        .map(|s| format!("СНИЛС {s}"))
                        .or_else(|| inn.as_ref().map(|i| format!("ИНН {i}")))
                        .unwrap_or_default(),
                },
                account: match &p.representative {
                    Representative::Account { account } => Some(account.0),
                    Representative::Person { .. } => None,
                },
                powers: p.powers,
                valid_until: p.valid_until,
            })
            .collect(),
    })
}

fn rights_of(dir: &Directory, account: AccountId, org: OrgId, at: Timestamp) -> Vec<RightReview> {
    dir.effective_rights(account, org, at)
        .iter()
        .map(|r| RightReview {
            right: r.right,
            because: r.sources.iter().map(basis).collect(),
        })
        .collect()
}

/// The time of the last journal entry of an account.
fn last_used(
    k: &Kabinet,
    account: AccountId,
) -> Result<Option<Timestamp>, kabinet::store::StoreError> {
    let mut last = None;
    k.store().scan(
        &Filter {
            actor: Some(Actor::Account(account)),
            ..Filter::default()
        },
        &mut |e| {
            last = Some(last.map_or(e.record.at, |t: Timestamp| t.max(e.record.at)));
            true
        },
    )?;
    Ok(last)
}
