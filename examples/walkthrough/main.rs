//! A walk through kabinet: a company registers through the state registry,
//! its head invites employees, gives them built-in and custom roles, and the
//! library decides who may do what — explaining every refusal; a second
//! company is registered by a representative holding the head's power of
//! attorney (`representative.rs`). Everything is
//! kept in an SQLite file with its hash-chained journal: run it twice and
//! the second run finds the company and its people where the first left them.
//!
//! Run: `cargo run --release --example walkthrough [database] [--lang ru|en]`
//! (the database defaults to `target/walkthrough.db`; the walk speaks
//! Russian unless told `--lang en`). The companies and people are
//! fictional; their identifiers are computed with valid check digits.

use kabinet::accounts::{AccountLevel, ContactKind, PersonName};
use kabinet::employees::Invitee;
use kabinet::journal::Filter;
use kabinet::organizations::{
    InMemoryRegistry, OrganizationKind, OrganizationStatus, RegistryHead, RegistryRecord,
    RegistryStatus, RequisitesDraft, StateRegistry,
};
use kabinet::*;
use std::error::Error;

mod representative;
mod say;

use say::say;

/// ООО «Ромашка», a fictional company: computed ИНН, КПП and ОГРН.
const INN: &str = "7710034568";
const KPP: &str = "771001001";
const OGRN: &str = "1027700345672";
/// How many lines a list shows before saying how many more there are.
const SHOWN: usize = 5;

type Res<T> = Result<T, Box<dyn Error>>;

fn main() -> Res<()> {
    let args = say::choose(std::env::args().skip(1).collect())?;
    let path = args
        .into_iter()
        .next()
        .unwrap_or_else(|| "target/walkthrough.db".into());
    let k = Kabinet::open(&path)?;
    let at: Timestamp = "2026-03-02T09:00:00Z".parse()?;
    let inn = Inn::parse(INN)?;
    let entries = k.journal_head().seq;
    say!(
        "== 0. База данных {path}: записей в журнале — {entries}",
        "== 0. The database {path}: {entries} journal entries"
    );

    let existing = k
        .read()
        .organizations_by_inn(&inn)
        .find(|o| o.is_active())
        .map(|o| o.id);
    // Everyone of the story, if an earlier run got them all in.
    let found = existing.and_then(|org| {
        let dir = k.read();
        let people = [
            "112-233-445 95",
            "001-001-997 00",
            "001-001-996 00",
            "001-001-995 00",
        ]
        .map(|s| {
            let snils = Snils::parse(s).ok()?;
            let id = dir.account_by_snils(&snils)?.id;
            dir.membership(org, id).map(|_| id)
        });
        match people {
            [Some(h), Some(a), Some(d), Some(c)] => Some((org, h, a, d, c)),
            _ => None,
        }
    });
    let (org, head, accountant, admin, clerk) = match found {
        Some((org, head, accountant, admin, clerk)) => {
            let members = k.read().members(org).count();
            say!(
                "   {org} найдена после прошлого запуска, сотрудников: {members} — руководитель {head}, бухгалтер {accountant}, администратор {admin}, делопроизводитель {clerk}",
                "   found {org} from an earlier run, with {members} members: head {head}, accountant {accountant}, administrator {admin}, clerk {clerk}"
            );
            say!(
                "   регистрация и приём на работу пропущены; переходим к решениям",
                "   registration and hiring are skipped; on to the decisions"
            );
            (org, head, accountant, admin, clerk)
        }
        None => setup(&k, at, &inn)?,
    };
    decisions(&k, at, &inn, org, (head, accountant, admin, clerk))?;
    representative::run(&k, &registry()?, at)?;
    journal(&k, org)
}

/// Steps 1 to 4: people, the company, employees, a custom role.
fn setup(
    k: &Kabinet,
    at: Timestamp,
    inn: &Inn,
) -> Res<(OrgId, AccountId, AccountId, AccountId, AccountId)> {
    let system = Context::system(at);
    if k.journal_head().seq == 0 {
        say!(
            "   база пуста: регистрируем всё",
            "   empty: registering everything"
        );
    } else {
        say!(
            "   компания ещё не зарегистрирована: доделываем начатое прошлым запуском",
            "   the company is not registered yet: completing what an earlier run began"
        );
    }

    say!(
        "\n== 1. Люди регистрируются на портале и подтверждают личность",
        "\n== 1. People register on the portal and confirm their identity"
    );
    let head = person(
        k,
        &system,
        ("Иванов", "Иван", "Иванович"),
        "112-233-445 95",
        Some("770712345633"),
        "ivanov@example.ru",
    )?;
    let accountant = person(
        k,
        &system,
        ("Петрова", "Анна", "Сергеевна"),
        "001-001-997 00",
        None,
        "petrova@example.ru",
    )?;
    let admin = person(
        k,
        &system,
        ("Сидоров", "Олег", "Павлович"),
        "001-001-996 00",
        None,
        "sidorov@example.ru",
    )?;
    let clerk = person(
        k,
        &system,
        ("Кузнецова", "Мария", "Игоревна"),
        "001-001-995 00",
        None,
        "kuznetsova@example.ru",
    )?;
    say!(
        "   руководитель {head}, бухгалтер {accountant}, администратор {admin}, делопроизводитель {clerk}",
        "   head {head}, accountant {accountant}, administrator {admin}, clerk {clerk}"
    );

    say!(
        "\n== 2. Руководитель подаёт заявку на компанию; реестр (ЕГРЮЛ) её подтверждает",
        "\n== 2. The head submits the company; the registry (ЕГРЮЛ) confirms it"
    );
    let submitted = k.read().organizations_by_inn(inn).next().map(|o| o.id);
    let org = match submitted {
        Some(org) => org,
        None => {
            let events = k.execute(
                Command::Organizations(OrganizationCommand::SubmitOrganization {
                    kind: OrganizationKind::LegalEntity,
                    requisites: draft(),
                }),
                &Context::account(head, at),
            )?;
            match events.first() {
                Some(Event::Organizations(OrganizationEvent::OrganizationSubmitted {
                    org,
                    ..
                })) => *org,
                _ => return Err("the organization was not submitted".into()),
            }
        }
    };
    let active = k.read().organization(org).is_some_and(|o| o.is_active());
    if !active {
        let registry = registry()?;
        let answer = registry.lookup(inn)?;
        for e in k.execute(
            Command::Organizations(OrganizationCommand::RecordRegistryAnswer { org, answer }),
            &system,
        )? {
            let kind = e.kind();
            say!("   событие: {kind}", "   event: {kind}");
        }
    }
    let active = k
        .read()
        .organization(org)
        .is_some_and(|o| o.status == OrganizationStatus::Active);
    match active {
        true => say!(
            "   {org} действует: реестр подтвердил реквизиты и руководителя",
            "   {org} is active: the registry confirmed its requisites and head"
        ),
        false => say!(
            "   {org} не действует: реестр не подтвердил её",
            "   {org} is not active: the registry did not confirm it"
        ),
    }

    say!(
        "\n== 3. Руководитель приглашает сотрудников со встроенными ролями; они принимают приглашения",
        "\n== 3. The head invites employees with built-in roles; they accept"
    );
    hire(
        k,
        org,
        head,
        accountant,
        at,
        vec![RoleRef::BuiltIn(BuiltInRole::Accountant)],
    )?;
    hire(
        k,
        org,
        head,
        admin,
        at,
        vec![RoleRef::BuiltIn(BuiltInRole::Administrator)],
    )?;
    hire(k, org, head, clerk, at, vec![])?;

    say!(
        "\n== 4. Администратор создаёт свою роль в пределах собственных прав",
        "\n== 4. The administrator defines a custom role within their own rights"
    );
    let as_admin = Context::account(admin, at);
    let too_much = k.execute(
        Command::Roles(RoleCommand::CreateCustomRole {
            org,
            name: "Казначей".into(),
            rights: RightSet::of(&[Right::PaymentsApprove]),
        }),
        &as_admin,
    );
    if let Err(e) = too_much {
        let (code, why) = (e.code(), say::message(&e));
        say!(
            "   роль «Казначей» с правом подтверждать платежи: отказано [{code}]: {why}",
            "   a role «Казначей» with the right to approve payments: refused [{code}]: {why}"
        );
    }
    let defined = k.read().organization(org).and_then(|o| {
        o.custom_roles
            .iter()
            .find(|r| r.name == "Аудитор доступа")
            .cloned()
    });
    let role = match defined {
        Some(role) => Some(role),
        None => {
            let events = k.execute(
                Command::Roles(RoleCommand::CreateCustomRole {
                    org,
                    name: "Аудитор доступа".into(),
                    rights: RightSet::of(&[
                        Right::UsersView,
                        Right::AccessGroupsView,
                        Right::JournalView,
                    ]),
                }),
                &as_admin,
            )?;
            match events.into_iter().next() {
                Some(Event::Roles(RoleEvent::CustomRoleDefined { role, .. })) => Some(role),
                _ => None,
            }
        }
    };
    let held = |r: &kabinet::roles::CustomRole| {
        k.read()
            .membership(org, clerk)
            .is_some_and(|m| m.roles.contains(RoleRef::Custom(r.id)))
    };
    if let Some(role) = role.filter(|r| !held(r)) {
        k.execute(
            Command::Roles(RoleCommand::AssignRole {
                org,
                account: clerk,
                role: RoleRef::Custom(role.id),
            }),
            &as_admin,
        )?;
        let name = &role.name;
        say!(
            "   роль «{name}» назначена: {clerk}",
            "   the role «{name}» is given to {clerk}"
        );
    }
    match k.execute(
        Command::Employees(EmployeeCommand::DismissEmployee { org, account: head }),
        &as_admin,
    ) {
        Err(e) => {
            let (code, why) = (e.code(), say::message(&e));
            say!(
                "   уволить руководителя: отказано [{code}]: {why}",
                "   dismissing the head: refused [{code}]: {why}"
            );
        }
        Ok(_) => return Err("the head was dismissed".into()),
    }

    Ok((org, head, accountant, admin, clerk))
}

/// Steps 5 to 7: decisions, dismissal, provenance.
fn decisions(
    k: &Kabinet,
    at: Timestamp,
    inn: &Inn,
    org: OrgId,
    (head, accountant, admin, clerk): (AccountId, AccountId, AccountId, AccountId),
) -> Res<()> {
    say!(
        "\n== 5. Решения с объяснением",
        "\n== 5. Decisions, explained"
    );
    let qualified = SignatureEvidence::certified(
        SignatureLevel::Qualified,
        SignerIdentity {
            snils: Some(Snils::parse("001-001-997 00")?),
            organization_inn: Some(inn.clone()),
            ..Default::default()
        },
    );
    let asks = [
        (
            (
                "бухгалтер сдаёт декларацию, войдя только по паролю",
                "the accountant files a declaration with a login only",
            ),
            AccessRequest::new(accountant, org, Right::AccountingApprove, at),
        ),
        (
            (
                "бухгалтер сдаёт декларацию со своей КЭП",
                "the accountant files a declaration with her КЭП",
            ),
            AccessRequest::new(accountant, org, Right::AccountingApprove, at).signed(qualified),
        ),
        (
            (
                "делопроизводитель читает журнал",
                "the clerk reads the journal",
            ),
            AccessRequest::new(clerk, org, Right::JournalView, at),
        ),
        (
            (
                "делопроизводитель пытается заплатить",
                "the clerk tries to pay",
            ),
            AccessRequest::new(clerk, org, Right::PaymentsApprove, at),
        ),
        (
            (
                "администратор управляет пользователями",
                "the administrator manages users",
            ),
            AccessRequest::new(admin, org, Right::UsersManage, at),
        ),
        (
            (
                "руководитель меняет реквизиты, войдя только по паролю",
                "the head changes requisites with a login only",
            ),
            AccessRequest::new(head, org, Right::OrganizationEdit, at),
        ),
    ];
    for ((ru, en), request) in asks {
        let why = say::explain(&k.check(&request));
        say!("   {ru}:\n     {why}", "   {en}:\n     {why}");
    }

    say!(
        "\n== 6. Увольнение сразу прекращает доступ",
        "\n== 6. Dismissal ends access at once"
    );
    match k.execute(
        Command::Employees(EmployeeCommand::DismissEmployee {
            org,
            account: clerk,
        }),
        &Context::account(head, at),
    ) {
        Ok(_) => say!("   {clerk} уволен(а)", "   {clerk} dismissed"),
        Err(e) => {
            let code = e.code();
            say!(
                "   {clerk} уволен(а) ещё прошлым запуском; повторно: отказано [{code}] (записано в журнал)",
                "   {clerk} was dismissed in an earlier run; again: refused [{code}] (journaled)"
            );
        }
    }
    let d = k.check(&AccessRequest::new(clerk, org, Right::JournalView, at));
    let (why, codes) = (say::explain(&d), d.refusal_codes().join(", "));
    say!(
        "   {why}\n     коды: {codes}",
        "   {why}\n     codes: {codes}"
    );

    say!(
        "\n== 7. Откуда у бухгалтера права",
        "\n== 7. Where the accountant's rights come from"
    );
    let rights = k.effective_rights(accountant, org, at);
    for r in rights.iter().take(SHOWN) {
        let sources: Vec<String> = r.sources.iter().map(basis).collect();
        let (right, from) = (r.right.code(), sources.join(", "));
        say!("   {right:<22} {from}", "   {right:<22} {from}");
    }
    if let Some(more) = rights.len().checked_sub(SHOWN).filter(|n| *n > 0) {
        say!("   … и ещё прав: {more}", "   … and {more} more rights");
    }
    Ok(())
}

/// Step 9: the journal.
fn journal(k: &Kabinet, org: OrgId) -> Res<()> {
    say!(
        "\n== 9. Журнал: каждая команда, отказы тоже, в цепочке хешей и дереве Меркла",
        "\n== 9. The journal: every command, refusals included, hash-chained and in a Merkle tree"
    );
    let entries = k.journal(&Filter {
        organization: Some(org),
        ..Filter::default()
    })?;
    let earlier = entries.len().saturating_sub(SHOWN);
    if earlier > 0 {
        say!(
            "   … ранее записей: {earlier} (все — `kabinet db export`)",
            "   … {earlier} earlier entries (all of them: `kabinet db export`)"
        );
    }
    for e in entries.iter().skip(earlier) {
        let actor = match e.record.actor {
            Actor::System => if say::russian() {
                "портал"
            } else {
                "portal"
            }
            .to_owned(),
            Actor::Account(a) => a.to_string(),
        };
        let (seq, at, kind, result) = (e.seq, e.record.at, &e.record.kind, e.record.outcome.code());
        say!(
            "   №{seq:<4} {at} {actor:<11} {kind:<20} {result}",
            "   #{seq:<4} {at} {actor:<11} {kind:<20} {result}"
        );
    }
    match k.verify_journal()? {
        Ok(h) => {
            let (n, hash) = (h.seq, h.hash);
            say!(
                "   проверено записей: {n}; вершина {hash}",
                "   {n} entries verified; head {hash}"
            );
        }
        Err(e) => {
            let why = say::message(&e);
            say!(
                "   проверка не прошла: {why}",
                "   verification failed: {why}"
            );
        }
    }
    say!(
        "   запустите ещё раз: состояние будет прочитано из базы",
        "   run again: the state is read back from the database"
    );
    Ok(())
}

/// Where a right comes from, in the walk's language.
fn basis(b: &Basis) -> String {
    let russian = say::russian();
    match b {
        Basis::Head if russian => "руководитель".into(),
        Basis::Head => "head".into(),
        Basis::Role(r) if russian => format!("роль {}", say::role(r)),
        Basis::Role(r) => format!("role {}", say::role(r)),
        Basis::Grant if russian => "личное право".into(),
        Basis::Grant => "granted".into(),
        Basis::PowerOfAttorney if russian => "доверенность".into(),
        Basis::PowerOfAttorney => "power of attorney".into(),
    }
}

fn person(
    k: &Kabinet,
    system: &Context,
    name: (&str, &str, &str),
    snils: &str,
    inn: Option<&str>,
    email: &str,
) -> Res<AccountId> {
    // An earlier run that was interrupted may have registered the person:
    // every step below is taken only if it is still missing.
    let snils = Snils::parse(snils)?;
    let existing = k.read().account_by_snils(&snils).map(|a| a.id);
    let account = match existing {
        Some(account) => account,
        None => {
            let events = k.execute(
                Command::Accounts(AccountCommand::RegisterAccount {
                    name: PersonName::new(name.0, name.1, Some(name.2)),
                    snils: Some(snils),
                    inn: inn.map(Inn::parse).transpose()?,
                    email: Some(Email::parse(email)?),
                    phone: None,
                }),
                system,
            )?;
            let Some(Event::Accounts(AccountEvent::AccountRegistered { account, .. })) =
                events.first()
            else {
                return Err("no account".into());
            };
            *account
        }
    };
    for level in [AccountLevel::Standard, AccountLevel::Confirmed] {
        let below = k.read().account(account).is_some_and(|a| a.level < level);
        if below {
            k.execute(
                Command::Accounts(AccountCommand::RaiseAccountLevel { account, level }),
                system,
            )?;
        }
    }
    let unconfirmed = k
        .read()
        .account(account)
        .is_some_and(|a| a.email.as_ref().is_some_and(|e| !e.confirmed));
    if unconfirmed {
        k.execute(
            Command::Accounts(AccountCommand::ConfirmContact {
                account,
                kind: ContactKind::Email,
            }),
            system,
        )?;
    }
    Ok(account)
}

fn hire(
    k: &Kabinet,
    org: OrgId,
    by: AccountId,
    who: AccountId,
    at: Timestamp,
    roles: Vec<RoleRef>,
) -> Res<()> {
    let (snils, name) = {
        let dir = k.read();
        let account = dir.account(who).ok_or("no account")?;
        (
            account.snils.clone().ok_or("no СНИЛС")?,
            account.name.clone(),
        )
    };
    if k.read().membership(org, who).is_some() {
        return Ok(()); // joined in an earlier, interrupted run
    }
    let invitee = Invitee::Snils(snils);
    let pending = k
        .read()
        .invitations_of(org)
        .find(|i| i.invitee == invitee)
        .cloned();
    let invitation = match pending {
        Some(invitation) => invitation,
        None => {
            let events = k.execute(
                Command::Employees(EmployeeCommand::InviteEmployee {
                    org,
                    invitee,
                    name,
                    position: None,
                    roles,
                }),
                &Context::account(by, at),
            )?;
            let Some(Event::Employees(EmployeeEvent::InvitationSent { invitation })) =
                events.into_iter().next()
            else {
                return Err("not invited".into());
            };
            invitation
        }
    };
    k.execute(
        Command::Employees(EmployeeCommand::AcceptInvitation {
            invitation: invitation.id,
        }),
        &Context::account(who, at),
    )?;
    let roles: Vec<String> = invitation.roles.iter().map(say::role).collect();
    let roles = if roles.is_empty() {
        if say::russian() {
            "без ролей"
        } else {
            "no roles"
        }
        .to_owned()
    } else {
        roles.join(", ")
    };
    say!(
        "   {who} принят(а) в {org}: {roles}",
        "   {who} joined {org}: {roles}"
    );
    Ok(())
}

fn draft() -> RequisitesDraft {
    RequisitesDraft {
        full_name: "ООО «Ромашка»".into(),
        inn: INN.into(),
        kpp: KPP.into(),
        ogrn: OGRN.into(),
        legal_address: "101000, г. Москва, ул. Примерная, д. 1".into(),
        head_surname: "Иванов".into(),
        head_given_name: "Иван".into(),
        head_patronymic: "Иванович".into(),
        head_inn: "770712345633".into(),
        head_position: "Генеральный директор".into(),
        ..RequisitesDraft::default()
    }
}

fn registry() -> Res<InMemoryRegistry> {
    let mut r = InMemoryRegistry::new();
    r.insert(RegistryRecord {
        full_name: "ООО «Ромашка»".into(),
        inn: Inn::parse(INN)?,
        kpp: Some(Kpp::parse(KPP)?),
        ogrn: Some(Ogrn::parse(OGRN)?),
        ogrnip: None,
        status: RegistryStatus::Active,
        head: RegistryHead {
            name: PersonName::new("Иванов", "Иван", Some("Иванович")),
            inn: Inn::parse("770712345633")?,
            position: "Генеральный директор".into(),
        },
    });
    representative::add_to_registry(&mut r)?;
    Ok(r)
}
