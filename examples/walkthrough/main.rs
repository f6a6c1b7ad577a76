//! A walk through kabinet: a company registers through the state registry,
//! its head invites employees, gives them built-in and custom roles, and the
//! library decides who may do what — explaining every refusal; a second
//! company is registered by a representative holding the head's power of
//! attorney (`representative.rs`). Everything is
//! kept in an SQLite file with its hash-chained journal: run it twice and
//! the second run finds the company and its people where the first left them.
//!
//! Run: `cargo run --release --example walkthrough [database]`
//! (the database defaults to `target/walkthrough.db`).

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

type Res<T> = Result<T, Box<dyn Error>>;

fn main() -> Res<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/walkthrough.db".into());
    let k = Kabinet::open(&path)?;
    let at: Timestamp = "2026-03-02T09:00:00Z".parse()?;
    let inn = Inn::parse("7707083893")?;
    println!(
        "== 0. The database {path}: {} journal entries",
        k.journal_head().seq
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
            println!(
                "   found {org} from an earlier run, with {members} members: head {head}, \
                 accountant {accountant}, administrator {admin}, clerk {clerk}"
            );
            println!("   registration and hiring are skipped; on to the decisions");
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
        println!("   empty: registering everything");
    } else {
        println!("   the company is not registered yet: completing what an earlier run began");
    }

    println!("\n== 1. People register on the portal and confirm their identity");
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
    println!("   head {head}, accountant {accountant}, administrator {admin}, clerk {clerk}");

    println!("\n== 2. The head submits the company; the registry (ЕГРЮЛ) confirms it");
    let submitted = k.read().organizations_by_inn(inn).next().map(|o| o.id);
    let org = match submitted {
        Some(org) => org,
        None => {
            let events = k.execute(
                Command::SubmitOrganization {
                    kind: OrganizationKind::LegalEntity,
                    requisites: draft(),
                },
                &Context::account(head, at),
            )?;
            match events.first() {
                Some(Event::OrganizationSubmitted { org, .. }) => *org,
                _ => return Err("the organization was not submitted".into()),
            }
        }
    };
    let active = k.read().organization(org).is_some_and(|o| o.is_active());
    if !active {
        let registry = registry()?;
        let answer = registry.lookup(inn)?;
        for e in k.execute(Command::RecordRegistryAnswer { org, answer }, &system)? {
            println!("   event: {}", e.kind());
        }
    }
    let status = k.read().organization(org).map(|o| o.status.clone());
    println!(
        "   {org} is {:?}",
        status.unwrap_or(OrganizationStatus::Liquidated)
    );

    println!("\n== 3. The head invites employees with built-in roles; they accept");
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

    println!("\n== 4. The administrator defines a custom role within their own rights");
    let as_admin = Context::account(admin, at);
    let too_much = k.execute(
        Command::CreateCustomRole {
            org,
            name: "Казначей".into(),
            rights: RightSet::of(&[Right::PaymentsApprove]),
        },
        &as_admin,
    );
    if let Err(e) = too_much {
        println!("   refused [{}]: {}", e.code(), e.message_ru());
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
                Command::CreateCustomRole {
                    org,
                    name: "Аудитор доступа".into(),
                    rights: RightSet::of(&[
                        Right::UsersView,
                        Right::AccessGroupsView,
                        Right::JournalView,
                    ]),
                },
                &as_admin,
            )?;
            match events.into_iter().next() {
                Some(Event::CustomRoleDefined { role, .. }) => Some(role),
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
            Command::AssignRole {
                org,
                account: clerk,
                role: RoleRef::Custom(role.id),
            },
            &as_admin,
        )?;
        println!("   {} «{}» given to {clerk}", role.id, role.name);
    }
    match k.execute(Command::DismissEmployee { org, account: head }, &as_admin) {
        Err(e) => println!(
            "   dismissing the head refused [{}]: {}",
            e.code(),
            e.message_en()
        ),
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
    println!("\n== 5. Decisions, explained");
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
            "accountant files a declaration with a login only",
            AccessRequest::new(accountant, org, Right::AccountingApprove, at),
        ),
        (
            "accountant files a declaration with her КЭП",
            AccessRequest::new(accountant, org, Right::AccountingApprove, at).signed(qualified),
        ),
        (
            "clerk reads the journal",
            AccessRequest::new(clerk, org, Right::JournalView, at),
        ),
        (
            "clerk tries to pay",
            AccessRequest::new(clerk, org, Right::PaymentsApprove, at),
        ),
        (
            "administrator manages users",
            AccessRequest::new(admin, org, Right::UsersManage, at),
        ),
        (
            "head changes requisites with a login only",
            AccessRequest::new(head, org, Right::OrganizationEdit, at),
        ),
    ];
    for (what, request) in asks {
        let d = k.check(&request);
        println!(
            "   {what}:\n     {}\n     {}",
            d.explain_en(),
            d.explain_ru()
        );
    }

    println!("\n== 6. Dismissal ends access at once");
    match k.execute(
        Command::DismissEmployee {
            org,
            account: clerk,
        },
        &Context::account(head, at),
    ) {
        Ok(_) => println!("   {clerk} dismissed"),
        Err(e) => println!(
            "   {clerk} was dismissed in an earlier run; again: refused [{}] (journaled)",
            e.code()
        ),
    }
    let d = k.check(&AccessRequest::new(clerk, org, Right::JournalView, at));
    println!("   {} {:?}", d.explain_en(), d.refusal_codes());

    println!("\n== 7. Where the accountant's rights come from");
    for r in k.effective_rights(accountant, org, at).iter().take(5) {
        let sources: Vec<String> = r.sources.iter().map(|b| format!("{b:?}")).collect();
        println!("   {:<22} {}", r.right.code(), sources.join(", "));
    }
    Ok(())
}

/// Step 9: the journal.
fn journal(k: &Kabinet, org: OrgId) -> Res<()> {
    println!("\n== 9. The journal: every command, refusals included, hash-chained");
    let entries = k.journal(&Filter {
        organization: Some(org),
        ..Filter::default()
    })?;
    for e in entries.iter().rev().take(4).rev() {
        let actor = match e.record.actor {
            Actor::System => "system".to_owned(),
            Actor::Account(a) => a.to_string(),
        };
        println!(
            "   #{:<4} {} {actor:<11} {:<20} {}",
            e.seq,
            e.record.at,
            e.record.kind,
            e.record.outcome.code()
        );
    }
    match k.verify_journal()? {
        Ok(h) => println!("   {} entries verified; head {}", h.seq, h.hash),
        Err(e) => println!("   verification failed: {}", e.message_en()),
    }
    println!("   run again: the state is read back from the database");
    Ok(())
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
                Command::RegisterAccount {
                    name: PersonName::new(name.0, name.1, Some(name.2)),
                    snils: Some(snils),
                    inn: inn.map(Inn::parse).transpose()?,
                    email: Some(Email::parse(email)?),
                    phone: None,
                },
                system,
            )?;
            let Some(Event::AccountRegistered { account, .. }) = events.first() else {
                return Err("no account".into());
            };
            *account
        }
    };
    for level in [AccountLevel::Standard, AccountLevel::Confirmed] {
        let below = k.read().account(account).is_some_and(|a| a.level < level);
        if below {
            k.execute(Command::RaiseAccountLevel { account, level }, system)?;
        }
    }
    let unconfirmed = k
        .read()
        .account(account)
        .is_some_and(|a| a.email.as_ref().is_some_and(|e| !e.confirmed));
    if unconfirmed {
        k.execute(
            Command::ConfirmContact {
                account,
                kind: ContactKind::Email,
            },
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
                Command::InviteEmployee {
                    org,
                    invitee,
                    name,
                    position: None,
                    roles,
                },
                &Context::account(by, at),
            )?;
            let Some(Event::InvitationSent { invitation }) = events.into_iter().next() else {
                return Err("not invited".into());
            };
            invitation
        }
    };
    k.execute(
        Command::AcceptInvitation {
            invitation: invitation.id,
        },
        &Context::account(who, at),
    )?;
    let roles: Vec<String> = invitation.roles.iter().map(ToString::to_string).collect();
    println!("   {who} joined {org} as [{}]", roles.join(", "));
    Ok(())
}

fn draft() -> RequisitesDraft {
    RequisitesDraft {
        full_name: "ПАО Сбербанк".into(),
        inn: "7707083893".into(),
        kpp: "773601001".into(),
        ogrn: "1027700132195".into(),
        legal_address: "117312, г. Москва, ул. Вавилова, д. 19".into(),
        bank_account: "40702810200000000001".into(),
        bank_name: "ПАО Сбербанк".into(),
        bik: "044525225".into(),
        head_surname: "Иванов".into(),
        head_given_name: "Иван".into(),
        head_patronymic: "Иванович".into(),
        head_inn: "770712345633".into(),
        head_position: "Президент".into(),
        ..RequisitesDraft::default()
    }
}

fn registry() -> Res<InMemoryRegistry> {
    let mut r = InMemoryRegistry::new();
    r.insert(RegistryRecord {
        full_name: "ПАО «Сбербанк»".into(),
        inn: Inn::parse("7707083893")?,
        kpp: Some(Kpp::parse("773601001")?),
        ogrn: Some(Ogrn::parse("1027700132195")?),
        ogrnip: None,
        status: RegistryStatus::Active,
        head: RegistryHead {
            name: PersonName::new("Иванов", "Иван", Some("Иванович")),
            inn: Inn::parse("770712345633")?,
            position: "Президент".into(),
        },
    });
    representative::add_to_registry(&mut r)?;
    Ok(r)
}
