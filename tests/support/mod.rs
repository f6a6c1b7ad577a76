//! Shared fixtures of the integration tests: people, a company registered
//! through the state registry, employees. Fixed test times, real check digits.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kabinet::accounts::{AccountLevel, ContactKind, PersonName};
use kabinet::employees::Invitee;
use kabinet::identifiers::{Email, Inn, Snils};
use kabinet::organizations::{
    InMemoryRegistry, OrganizationKind, RegistryAnswer, RegistryHead, RegistryRecord,
    RegistryStatus, RequisitesDraft, StateRegistry,
};
use kabinet::*;

mod registration_power;
mod snils;
#[allow(unused_imports)]
pub use registration_power::{mchd, rep_snils, HEAD_SNILS, REP_INN};
pub use snils::snils_of;

#[cfg(feature = "postgres")]
mod pg_server;
#[cfg(feature = "postgres")]
#[allow(unused_imports)]
pub use pg_server::{fresh_postgres, postgres_server};

/// A fixed instant: `"2026-03-02T09:00:00Z"` and the like.
pub fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

pub const T0: &str = "2026-03-02T09:00:00Z";

/// Published requisites of ПАО Сбербанк (ИНН, КПП, ОГРН from its site), with
/// a made-up head whose personal ИНН carries valid check digits.
pub const COMPANY_INN: &str = "7707083893";
pub const COMPANY_KPP: &str = "773601001";
pub const COMPANY_OGRN: &str = "1027700132195";
pub const HEAD_INN: &str = "770712345633";

thread_local! {
    static LOG: std::cell::RefCell<Vec<Event>> = const { std::cell::RefCell::new(Vec::new()) };
    static COMMANDS: std::cell::RefCell<Vec<(Command, Context)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs a command that must succeed; its events are also kept for [`take_log`].
pub fn run(dir: &mut Directory, command: Command, ctx: &Context) -> Vec<Event> {
    COMMANDS.with(|l| l.borrow_mut().push((command.clone(), ctx.clone())));
    let events = dir
        .run(command, ctx)
        .unwrap_or_else(|e| panic!("{}: {e:?}", kabinet::Coded::code(&e)));
    LOG.with(|l| l.borrow_mut().extend(events.iter().cloned()));
    events
}

/// Every event the fixtures ran on this thread since the last call.
pub fn take_log() -> Vec<Event> {
    LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

/// Every command the fixtures ran on this thread since the last call, with
/// its context: to run the same story through a [`Kabinet`].
pub fn take_commands() -> Vec<(Command, Context)> {
    COMMANDS.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

/// The registration of the `i`-th generated employee (unconfirmed, by
/// e-mail `p{i}@example.ru`): a journal of any length, one command each.
pub fn registration(i: u64) -> Command {
    Command::Accounts(AccountCommand::RegisterAccount {
        name: PersonName::new("Сотрудник", "Иван", None),
        snils: None,
        inn: None,
        email: Some(Email::parse(&format!("p{i}@example.ru")).unwrap()),
        phone: None,
    })
}

/// Registers a person with a confirmed account and a confirmed e-mail.
pub fn person(
    dir: &mut Directory,
    surname: &str,
    snils: &str,
    inn: Option<&str>,
    email: &str,
) -> AccountId {
    let sys = Context::system(t(T0));
    let events = run(
        dir,
        Command::Accounts(AccountCommand::RegisterAccount {
            name: PersonName::new(surname, "Иван", Some("Петрович")),
            snils: Some(Snils::parse(snils).unwrap()),
            inn: inn.map(|i| Inn::parse(i).unwrap()),
            email: Some(Email::parse(email).unwrap()),
            phone: None,
        }),
        &sys,
    );
    let Event::Accounts(AccountEvent::AccountRegistered { account, .. }) = events[0] else {
        panic!("no account")
    };
    for level in [AccountLevel::Standard, AccountLevel::Confirmed] {
        run(
            dir,
            Command::Accounts(AccountCommand::RaiseAccountLevel { account, level }),
            &sys,
        );
    }
    run(
        dir,
        Command::Accounts(AccountCommand::ConfirmContact {
            account,
            kind: ContactKind::Email,
        }),
        &sys,
    );
    account
}

pub fn company_draft() -> RequisitesDraft {
    RequisitesDraft {
        full_name: "ПАО Сбербанк".into(),
        inn: COMPANY_INN.into(),
        kpp: COMPANY_KPP.into(),
        ogrn: COMPANY_OGRN.into(),
        legal_address: "117312, г. Москва, ул. Вавилова, д. 19".into(),
        head_surname: "Грефов".into(),
        head_given_name: "Иван".into(),
        head_patronymic: "Петрович".into(),
        head_inn: HEAD_INN.into(),
        head_position: "Президент".into(),
        ..RequisitesDraft::default()
    }
}

pub fn registry() -> InMemoryRegistry {
    let mut r = InMemoryRegistry::new();
    r.insert(RegistryRecord {
        full_name: "ПАО «Сбербанк»".into(),
        inn: Inn::parse(COMPANY_INN).unwrap(),
        kpp: Some(kabinet::identifiers::Kpp::parse(COMPANY_KPP).unwrap()),
        ogrn: Some(kabinet::identifiers::Ogrn::parse(COMPANY_OGRN).unwrap()),
        ogrnip: None,
        status: RegistryStatus::Active,
        head: RegistryHead {
            name: PersonName::new("Грефов", "Иван", Some("Петрович")),
            inn: Inn::parse(HEAD_INN).unwrap(),
            position: "Президент".into(),
        },
    });
    r
}

/// Submits the company and records the registry's answer: the head becomes its head.
pub fn company(dir: &mut Directory, head: AccountId) -> OrgId {
    let events = run(
        dir,
        Command::Organizations(OrganizationCommand::SubmitOrganization {
            kind: OrganizationKind::LegalEntity,
            requisites: company_draft(),
        }),
        &Context::account(head, t(T0)),
    );
    let Event::Organizations(OrganizationEvent::OrganizationSubmitted {
        org,
        ref requisites,
        ..
    }) = events[0]
    else {
        panic!("not submitted")
    };
    let answer: RegistryAnswer = registry().lookup(&requisites.inn).unwrap();
    run(
        dir,
        Command::Organizations(OrganizationCommand::RecordRegistryAnswer { org, answer }),
        &Context::system(t(T0)),
    );
    org
}

/// Invites `account` by СНИЛС with `roles` and has them accept.
pub fn hire(
    dir: &mut Directory,
    org: OrgId,
    by: AccountId,
    account: AccountId,
    roles: Vec<RoleRef>,
) {
    let snils = dir.account(account).unwrap().snils.clone().unwrap();
    let events = run(
        dir,
        Command::Employees(EmployeeCommand::InviteEmployee {
            org,
            invitee: Invitee::Snils(snils),
            name: PersonName::new("Сотрудник", "Иван", None),
            position: Some("специалист".into()),
            roles,
        }),
        &Context::account(by, t(T0)),
    );
    let Event::Employees(EmployeeEvent::InvitationSent { ref invitation }) = events[0] else {
        panic!("not invited")
    };
    let id = invitation.id;
    run(
        dir,
        Command::Employees(EmployeeCommand::AcceptInvitation { invitation: id }),
        &Context::account(account, t(T0)),
    );
}

/// A head with a registered company.
pub fn world() -> (Directory, AccountId, OrgId) {
    world_with(Policy::default())
}

/// [`world`] under a policy.
pub fn world_with(policy: Policy) -> (Directory, AccountId, OrgId) {
    let mut dir = Directory::with_policy(policy);
    let head = person(
        &mut dir,
        "Грефов",
        "112-233-445 95",
        Some(HEAD_INN),
        "head@example.ru",
    );
    let org = company(&mut dir, head);
    (dir, head, org)
}

/// A company with five more people (`p0@example.ru` …), three of them hired:
/// people[0] as administrator and people[1] as accountant by the head, people[2]
/// without roles by people[0]. The log of commands is cleared first, so
/// `take_commands()` afterwards returns exactly the commands that built it.
pub fn staffed_world() -> (Directory, AccountId, OrgId, Vec<AccountId>) {
    staffed_world_with(Policy::default())
}

/// [`staffed_world`] under a policy.
pub fn staffed_world_with(policy: Policy) -> (Directory, AccountId, OrgId, Vec<AccountId>) {
    take_commands();
    let (mut dir, head, org) = world_with(policy);
    let people: Vec<AccountId> = (0..5)
        .map(|i| {
            person(
                &mut dir,
                "Сотрудник",
                &snils_of(i),
                None,
                &format!("p{i}@example.ru"),
            )
        })
        .collect();
    hire(
        &mut dir,
        org,
        head,
        people[0],
        vec![RoleRef::BuiltIn(BuiltInRole::Administrator)],
    );
    hire(
        &mut dir,
        org,
        head,
        people[1],
        vec![RoleRef::BuiltIn(BuiltInRole::Accountant)],
    );
    hire(&mut dir, org, people[0], people[2], vec![]);
    (dir, head, org, people)
}

/// A path `file` under the target's temporary folder, with any file there
/// of an earlier run (and a database's `-wal`, `-shm` files) removed.
pub fn fresh_temp_path(file: &str) -> std::path::PathBuf {
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(file);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    path
}

// Powers of attorney: numbers, qualified signatures, terms.

/// ИНН and ОГРН of an accounting firm (published requisites of ООО «Яндекс»).
pub const FIRM_INN: &str = "7736207543";
pub const FIRM_OGRN: &str = "1027700229193";

pub fn num(n: u128) -> PowerNumber {
    Uuid::from_u128(n)
}

pub fn command_code(e: &CommandError) -> &'static str {
    Coded::code(e)
}

/// A qualified signature of the account's own certificate.
pub fn qes(dir: &Directory, who: AccountId) -> SignatureEvidence {
    let a = dir.account(who).unwrap();
    SignatureEvidence::certified(
        SignatureLevel::Qualified,
        SignerIdentity {
            snils: a.snils.clone(),
            inn: a.inn.clone(),
            ..SignerIdentity::default()
        },
    )
}

pub fn signed(dir: &Directory, who: AccountId, at: &str) -> Context {
    Context::account(who, t(at)).signed(qes(dir, who))
}

/// Runs a command signed with the account's qualified certificate.
pub fn exec(dir: &mut Directory, who: AccountId, at: &str, command: Command) -> Vec<Event> {
    let ctx = signed(dir, who, at);
    run(dir, command, &ctx)
}

pub fn terms(n: u128, representative: Representative, powers: RightSet) -> PowerTerms {
    PowerTerms {
        number: num(n),
        internal_number: None,
        representative,
        powers,
        valid_from: None,
        valid_until: None,
        redelegation: Redelegation::None,
    }
}

pub fn to(account: AccountId) -> Representative {
    Representative::Account { account }
}

pub fn issue(dir: &mut Directory, head: AccountId, org: OrgId, terms: PowerTerms) {
    exec(
        dir,
        head,
        T0,
        Command::Delegation(DelegationCommand::IssuePower {
            org,
            terms,
            irrevocable: false,
        }),
    );
}

pub fn ask(dir: &Directory, who: AccountId, org: OrgId, right: Right, at: &str) -> Decision {
    dir.check(&AccessRequest::new(who, org, right, t(at)).signed(qes(dir, who)))
}

pub fn employee(
    dir: &mut Directory,
    org: OrgId,
    head: AccountId,
    n: u32,
    roles: Vec<RoleRef>,
) -> AccountId {
    let a = person(
        dir,
        "Сотрудников",
        &snils_of(n),
        None,
        &format!("e{n}@example.ru"),
    );
    hire(dir, org, head, a, roles);
    a
}

/// A notice that the head's certificate expires, of high importance, to the
/// head, the administrators and the person, at `T0`.
pub fn head_certificate_expiring(head: AccountId, org: OrgId) -> kabinet::notifications::Notice {
    use kabinet::notifications::{Audience, Category, Importance, Notice};
    Notice {
        category: Category::CertificateExpiring,
        importance: Importance::High,
        person: Some(head),
        org: Some(org),
        audience: Audience {
            person: true,
            administrators: true,
            head: true,
        },
        reference: "01D7A1".into(),
        at: t(T0),
    }
}

/// Runs a command, returning the record the journal keeps of it.
pub fn recorded(dir: &mut Directory, command: Command, ctx: &Context) -> kabinet::journal::Record {
    let before = dir.clone();
    let result = dir.run(command.clone(), ctx);
    kabinet::journal::Record::of(&before, command, ctx, &result)
}
