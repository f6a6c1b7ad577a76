//! Queries: every question to the directory's read side, as a value.
//!
//! A [`Query`] is the read side's counterpart of a [`super::Command`]: one
//! JSON form (`{"query": "powers_issued_by", "organization": 7}`), read
//! strictly (an unknown field or query is refused with `query.unknown_field`
//! or `query.malformed`), answered by [`Directory::answer`] at a time the
//! caller gives, in the JSON forms the library's records serialize to. The
//! hosts need no function per question: Python's typed methods, the JSON
//! entry of Kotlin and Swift and the command line all send a `Query`. The
//! values a host types by hand (a power's number, a СНИЛС, an ИНН) are
//! read here, so a wrong one is refused with the code of what it should be
//! (`power.bad_number`, `snils.*`, `inn.*`), as the typed entries do.

use serde::{Deserialize, Serialize, Serializer};
use serde_json::{json, Value};

use super::Directory;
use crate::applications::ApplicationId;
use crate::auth::SessionId;
use crate::delegation::MchdError;
use crate::employees::Membership;
use crate::host_input::power_number;
use crate::identifiers::{IdentifierError, Inn, Snils};
use crate::organizations::{Organization, OrganizationStatus};
use crate::{AccountId, Coded, CodedMessage, InputError, InvitationId, OrgId};
use crate::{Refusal, Timestamp};

/// A question to the directory. Each answer is described by its variant.
/// The variants without fields are written `{}` so that an unknown field is
/// refused for them too (serde lets a unit variant of a tagged enum ignore
/// what follows its tag).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "query", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Query {
    /// An account, or `null`.
    Account {
        /// The account's number.
        account: AccountId,
    },
    /// The account holding a СНИЛС, or `null`.
    AccountBySnils {
        /// The СНИЛС, as typed.
        snils: String,
    },
    /// Every account, by number.
    Accounts {},
    /// An organization, or `null`.
    Organization {
        /// The organization's number.
        organization: OrgId,
    },
    /// Every organization, by number.
    Organizations {},
    /// The organizations submitted with an ИНН, in submission order.
    OrganizationsByInn {
        /// The ИНН, as typed.
        inn: String,
    },
    /// The membership of an account, with its `account` and effective
    /// `rights` added, or `null`.
    Membership {
        /// The organization's number.
        organization: OrgId,
        /// The account's number.
        account: AccountId,
    },
    /// The members of an organization in joining order, each as `membership`.
    Members {
        /// The organization's number.
        organization: OrgId,
    },
    /// The numbers of the organizations an account belongs to, in joining order.
    OrganizationsOf {
        /// The account's number.
        account: AccountId,
    },
    /// An invitation, or `null`.
    Invitation {
        /// The invitation's number.
        invitation: InvitationId,
    },
    /// Every invitation of an organization, by number.
    Invitations {
        /// The organization's number.
        organization: OrgId,
    },
    /// The power of attorney presented with an organization's registration
    /// while it is not active, or `null`.
    RegistrationPower {
        /// The organization's number.
        organization: OrgId,
    },
    /// Why a registration was rejected: `code`, `message_ru`, `message_en`
    /// and `details` of each reason; empty unless rejected.
    RejectionReasons {
        /// The organization's number.
        organization: OrgId,
    },
    /// A power of attorney, or `null`.
    Power {
        /// The power's number (a UUID).
        power: String,
    },
    /// How many powers of attorney the directory holds.
    PowerCount {},
    /// The powers an account receives (directly, or by its СНИЛС or ИНН).
    PowersOfRepresentative {
        /// The account's number.
        account: AccountId,
    },
    /// The powers from an organization an account holds that have not
    /// ended at the time asked, in issue order.
    PowersHeldFrom {
        /// The organization's number.
        organization: OrgId,
        /// The account's number.
        account: AccountId,
    },
    /// The powers an organization gave, in issue order.
    PowersIssuedBy {
        /// The organization's number.
        organization: OrgId,
    },
    /// The powers working at the time asked that end within `days` days,
    /// earliest end first; only those of `organization` when given.
    PowersExpiringWithin {
        /// The organization's number.
        #[serde(default)]
        organization: Option<OrgId>,
        /// How many days ahead (capped by the core).
        days: u32,
    },
    /// The chain behind a power, from the first power down to it.
    PowerChain {
        /// The power's number (a UUID).
        power: String,
    },
    /// The powers re-delegated directly from a power, in issue order.
    PowersRedelegatedFrom {
        /// The power's number (a UUID).
        power: String,
    },
    /// The codes of the rights an account holds for an organization through
    /// powers of attorney alone, at the time asked.
    RightsThroughPowers {
        /// The account's number.
        account: AccountId,
        /// The organization's number.
        organization: OrgId,
    },
    /// Entering as a representative by a power's number at the time asked:
    /// the acting context, or the refusal of the failing link.
    EnterByPower {
        /// The account's number.
        account: AccountId,
        /// The power's number (a UUID).
        power: String,
    },
    /// The chain behind a power checked at the time asked, as `enter_by_power`.
    VerifyPower {
        /// The power's number (a UUID).
        power: String,
    },
    /// A power as МЧД JSON text.
    ExportPower {
        /// The power's number (a UUID).
        power: String,
    },
    /// МЧД JSON text read into a power, ready for the `import_power`
    /// command; nothing changes.
    ImportPower {
        /// The МЧД JSON text.
        text: String,
    },
    /// An account's authentication state, or `null`.
    AuthAccount {
        /// The account's number.
        account: AccountId,
    },
    /// A signature token's PIN state, or `null`.
    Token {
        /// The token's identifier.
        token: String,
    },
    /// A session, or `null`.
    Session {
        /// The session's number.
        session: SessionId,
    },
    /// The open sessions, of one account when given, by number.
    Sessions {
        /// The account's number.
        #[serde(default)]
        account: Option<AccountId>,
    },
    /// An application, or `null`.
    Application {
        /// The application's number.
        application: ApplicationId,
    },
    /// An application by its printed number, or `null`.
    ApplicationByNumber {
        /// The application's printed number.
        number: String,
    },
    /// The applications of an organization, in creation order.
    ApplicationsOf {
        /// The organization's number.
        organization: OrgId,
    },
    /// An account's notification preferences (defaults when never set).
    Preferences {
        /// The account's number.
        account: AccountId,
    },
    /// The deliveries waiting to be sent, by number; with `due`, only those
    /// due at the time asked.
    Outbox {
        /// Only the deliveries due at the time asked.
        #[serde(default)]
        due: bool,
    },
    /// The deliveries sent, in the order they were reported.
    History {},
}

/// Why a query has no answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// A value typed by hand is not what it should be (a power's number).
    #[error(transparent)]
    Input(#[from] InputError),
    /// A СНИЛС or an ИНН is not valid.
    #[error(transparent)]
    Identifier(#[from] IdentifierError),
    /// Entering by a power, or its chain, is refused.
    #[error("{}", .0.message_en())]
    Refused(Refusal),
    /// An МЧД cannot be exported or read.
    #[error(transparent)]
    Mchd(#[from] MchdError),
}

impl Coded for QueryError {
    fn code(&self) -> &'static str {
        self.inner().code()
    }
    fn message_ru(&self) -> String {
        self.inner().message_ru()
    }
    fn message_en(&self) -> String {
        self.inner().message_en()
    }
}

impl QueryError {
    /// The error it carries.
    pub fn inner(&self) -> &dyn Coded {
        match self {
            Self::Input(e) => e,
            Self::Identifier(e) => e,
            Self::Refused(e) => e,
            Self::Mchd(e) => e,
        }
    }
}

impl From<Refusal> for QueryError {
    fn from(r: Refusal) -> Self {
        Self::Refused(r)
    }
}

/// A value serialized to JSON (the library's records always serialize).
fn to_json<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// A value written by a serializer.
fn emit<S: Serializer, T: Serialize + ?Sized>(s: S, value: &T) -> Result<S::Ok, S::Error> {
    value.serialize(s)
}

/// A membership's JSON form with the account and its effective rights added.
fn member_json(account: AccountId, m: &Membership, org: &Organization) -> Value {
    let mut v = to_json(m);
    if let Some(obj) = v.as_object_mut() {
        obj.insert("account".into(), account.0.into());
        let rights: Vec<_> = m.rights(org).iter().map(|r| r.code()).collect();
        obj.insert("rights".into(), rights.into());
    }
    v
}

impl Directory {
    /// The answer to `query` asked at `at` (the queries that depend on time
    /// read it; the others ignore it), in JSON.
    ///
    /// # Errors
    /// [`QueryError`]: a value typed by hand that is not valid, the refusal
    /// of entering by a power, an МЧД that cannot be exported or read.
    pub fn answer(&self, query: &Query, at: Timestamp) -> Result<Value, QueryError> {
        let answer = self.answer_with(query, at, serde_json::value::Serializer)?;
        Ok(answer.unwrap_or(Value::Null))
    }

    /// The answer to `query` asked at `at`, written by `serializer` (JSON
    /// text, a host's own objects) with no value built in between.
    ///
    /// # Errors
    /// As [`Self::answer`]; the serializer's own error is the inner result.
    pub fn answer_with<S: Serializer>(
        &self,
        query: &Query,
        at: Timestamp,
        serializer: S,
    ) -> Result<Result<S::Ok, S::Error>, QueryError> {
        let s = serializer;
        Ok(match query {
            Query::Account { account } => emit(s, &self.account(*account)),
            Query::AccountBySnils { snils } => {
                emit(s, &self.account_by_snils(&Snils::parse(snils)?))
            }
            Query::Accounts {} => emit(s, &self.accounts().collect::<Vec<_>>()),
            Query::Organization { organization } => emit(s, &self.organization(*organization)),
            Query::Organizations {} => emit(s, &self.organizations().collect::<Vec<_>>()),
            Query::OrganizationsByInn { inn } => {
                let inn = Inn::parse(inn)?;
                emit(s, &self.organizations_by_inn(&inn).collect::<Vec<_>>())
            }
            Query::Membership {
                organization,
                account,
            } => emit(
                s,
                &self
                    .membership(*organization, *account)
                    .zip(self.organization(*organization))
                    .map(|(m, o)| member_json(*account, m, o)),
            ),
            Query::Members { organization } => {
                let members: Vec<Value> = match self.organization(*organization) {
                    Some(o) => self
                        .members(*organization)
                        .map(|(a, m)| member_json(a, m, o))
                        .collect(),
                    None => Vec::new(),
                };
                emit(s, &members)
            }
            Query::OrganizationsOf { account } => emit(s, &self.organizations_of(*account)),
            Query::Invitation { invitation } => emit(s, &self.invitation(*invitation)),
            Query::Invitations { organization } => {
                emit(s, &self.invitations_of(*organization).collect::<Vec<_>>())
            }
            Query::RegistrationPower { organization } => {
                emit(s, &self.registration_power(*organization))
            }
            Query::RejectionReasons { organization } => {
                emit(s, &self.rejection_reasons(*organization))
            }
            Query::Power { power } => emit(s, &self.power(power_number(power)?)),
            Query::PowerCount {} => emit(s, &self.power_count()),
            Query::PowersOfRepresentative { account } => {
                emit(s, &self.powers_of_representative(*account))
            }
            Query::PowersHeldFrom {
                organization,
                account,
            } => emit(s, &self.powers_held_from(*organization, *account, at)),
            Query::PowersIssuedBy { organization } => {
                emit(s, &self.powers_issued_by(*organization))
            }
            Query::PowersExpiringWithin { organization, days } => {
                emit(s, &self.powers_expiring_within(*organization, at, *days))
            }
            Query::PowerChain { power } => emit(s, &self.power_chain(power_number(power)?)),
            Query::PowersRedelegatedFrom { power } => {
                emit(s, &self.powers_redelegated_from(power_number(power)?))
            }
            Query::RightsThroughPowers {
                account,
                organization,
            } => {
                let rights = self.rights_through_powers(*account, *organization, at);
                emit(s, &rights.iter().map(|r| r.code()).collect::<Vec<_>>())
            }
            Query::EnterByPower { account, power } => {
                emit(s, &self.enter_by_power(*account, power_number(power)?, at)?)
            }
            Query::VerifyPower { power } => emit(s, &self.verify_power(power_number(power)?, at)?),
            Query::ExportPower { power } => emit(s, &self.export_power(power_number(power)?)?),
            Query::ImportPower { text } => emit(s, &self.import_power(text)?),
            Query::AuthAccount { account } => emit(s, &self.auth_state().account(*account)),
            Query::Token { token } => emit(s, &self.auth_state().token(token)),
            Query::Session { session } => emit(s, &self.auth_state().session(*session)),
            Query::Sessions { account } => emit(
                s,
                &self.auth_state().sessions_of(*account).collect::<Vec<_>>(),
            ),
            Query::Application { application } => {
                emit(s, &self.application_state().get(*application))
            }
            Query::ApplicationByNumber { number } => {
                emit(s, &self.application_state().by_number(number))
            }
            Query::ApplicationsOf { organization } => emit(
                s,
                &self
                    .application_state()
                    .of(*organization)
                    .collect::<Vec<_>>(),
            ),
            Query::Preferences { account } => {
                emit(s, &self.notification_state().preferences(*account))
            }
            Query::Outbox { due } => {
                let state = self.notification_state();
                match due {
                    true => emit(s, &state.due(at).collect::<Vec<_>>()),
                    false => emit(s, &state.outbox().collect::<Vec<_>>()),
                }
            }
            Query::History {} => emit(s, &self.notification_state().history()),
        })
    }

    /// The reasons a registration was rejected, each with its code and messages.
    fn rejection_reasons(&self, organization: OrgId) -> Value {
        let Some(OrganizationStatus::Rejected { reasons }) =
            self.organization(organization).map(|o| &o.status)
        else {
            return json!([]);
        };
        reasons
            .iter()
            .map(|r| {
                let mut reason = to_json(&CodedMessage::of(r));
                if let Some(fields) = reason.as_object_mut() {
                    fields.insert("details".into(), to_json(r));
                }
                reason
            })
            .collect()
    }
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
