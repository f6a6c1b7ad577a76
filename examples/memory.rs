//! Resident memory of a large directory: 100,000 organizations and 1,000,000
//! memberships, built through commands exactly as a host would.
//!
//! Run: `cargo run --release --example memory -- [organizations] [memberships] [people]`
//! (defaults 100000 1000000 300000). Prints the resident size (VmRSS) before
//! and after, read from /proc/self/status (Linux); then times `check` on a
//! million requests drawn at random (seeded) over the whole directory: a
//! random account asking, for one of its organizations, one of six rights,
//! each call timed on its own (`benches/common/latency.rs`).

use kabinet::accounts::{AccountLevel, PersonName};
use kabinet::employees::Invitee;
use kabinet::organizations::{
    OrganizationKind, RegistryAnswer, RegistryHead, RegistryRecord, RegistryStatus, RequisitesDraft,
};
use kabinet::*;
use std::alloc::{GlobalAlloc, Layout, System};
use std::error::Error;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

#[allow(dead_code, clippy::indexing_slicing)]
#[path = "../benches/common/latency.rs"]
mod latency;

/// Counts the bytes the program holds on the heap, to tell live data from
/// what the allocator keeps in reserve.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged and only
// keeps a count beside it.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract for `dealloc` is passed on as is.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

type Res<T> = Result<T, Box<dyn Error>>;

fn main() -> Res<()> {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<u64>());
    let orgs = args.next().transpose()?.unwrap_or(100_000);
    let memberships = args.next().transpose()?.unwrap_or(1_000_000);
    let people = args.next().transpose()?.unwrap_or(300_000);
    let at: Timestamp = "2026-03-02T09:00:00Z".parse()?;
    let before = rss_kib()?;
    let started = Instant::now();
    let mut dir = Directory::new();
    let sys = Context::system(at);

    let mut heads = Vec::new();
    let mut org_ids = Vec::new();
    for n in 0..orgs {
        let head_inn = inn12(n)?;
        let head = person(&mut dir, &sys, snils(n)?, Some(head_inn.clone()))?;
        let draft = RequisitesDraft {
            full_name: format!("ООО «Организация {n}»"),
            inn: inn10(n)?.to_string(),
            kpp: "773601001".into(),
            ogrn: ogrn(n)?.to_string(),
            legal_address: format!("г. Москва, ул. Тверская, д. {n}"),
            head_surname: "Руководитель".into(),
            head_given_name: "Иван".into(),
            head_position: "Генеральный директор".into(),
            ..RequisitesDraft::default()
        };
        let ev = dir.run(
            Command::Organizations(OrganizationCommand::SubmitOrganization {
                kind: OrganizationKind::LegalEntity,
                requisites: draft,
            }),
            &Context::account(head, at),
        )?;
        let Some(Event::Organizations(OrganizationEvent::OrganizationSubmitted {
            org,
            requisites,
            ..
        })) = ev.first()
        else {
            return Err("not submitted".into());
        };
        let record = RegistryRecord {
            full_name: requisites.full_name.to_string(),
            inn: requisites.inn.clone(),
            kpp: requisites.kpp.clone(),
            ogrn: requisites.ogrn.clone(),
            ogrnip: None,
            status: RegistryStatus::Active,
            head: RegistryHead {
                name: PersonName::new("Руководитель", "Иван", None),
                inn: head_inn,
                position: "Генеральный директор".into(),
            },
        };
        let org = *org;
        dir.run(
            Command::Organizations(OrganizationCommand::RecordRegistryAnswer {
                org,
                answer: RegistryAnswer::Found {
                    record: Box::new(record),
                },
            }),
            &sys,
        )?;
        heads.push(head);
        org_ids.push(org);
    }
    let after_orgs = rss_kib()?;
    let mut staff = Vec::new();
    for p in 0..people {
        staff.push(person(&mut dir, &sys, snils(orgs + p)?, None)?);
    }
    let after_people = rss_kib()?;
    let roles = [
        BuiltInRole::Accountant,
        BuiltInRole::Operator,
        BuiltInRole::Specialist,
        BuiltInRole::Observer,
        BuiltInRole::Hr,
    ];
    let mut made = orgs; // every head is a member
    let mut i: u64 = 0;
    while made < memberships && !staff.is_empty() {
        let p = (i % people) as usize;
        let o = ((i * 7_919 + i / people) % orgs) as usize;
        i += 1;
        let (Some(&account), Some(&org), Some(&head)) =
            (staff.get(p), org_ids.get(o), heads.get(o))
        else {
            continue;
        };
        if dir.membership(org, account).is_some() {
            continue;
        }
        let snils = dir
            .account(account)
            .and_then(|a| a.snils.clone())
            .ok_or("no СНИЛС")?;
        let role = roles
            .get((i % 5) as usize)
            .copied()
            .unwrap_or(BuiltInRole::Observer);
        let ev = dir.run(
            Command::Employees(EmployeeCommand::InviteEmployee {
                org,
                invitee: Invitee::Snils(snils),
                name: PersonName::new("Сотрудник", "Иван", None),
                position: None,
                roles: vec![RoleRef::BuiltIn(role)],
            }),
            &Context::account(head, at),
        )?;
        let Some(Event::Employees(EmployeeEvent::InvitationSent { invitation })) = ev.first()
        else {
            return Err("not invited".into());
        };
        dir.run(
            Command::Employees(EmployeeCommand::AcceptInvitation {
                invitation: invitation.id,
            }),
            &Context::account(account, at),
        )?;
        made += 1;
    }
    let after = rss_kib()?;
    println!(
        "organizations with their heads {} MiB, other people {} MiB, memberships {} MiB",
        (after_orgs - before) / 1024,
        (after_people - after_orgs) / 1024,
        (after - after_people) / 1024
    );
    let (a, o, m) = dir.counts();
    println!(
        "accounts {a}, organizations {o}, memberships {m}; built in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    println!(
        "resident before {} MiB, after {} MiB, directory ≈ {} MiB",
        before / 1024,
        after / 1024,
        (after - before) / 1024
    );
    println!(
        "live heap {} MiB",
        LIVE.load(Ordering::Relaxed) / (1024 * 1024)
    );
    random_checks(&dir, &heads, &staff, at);
    Ok(())
}

/// `check` over the whole directory: a million requests, each by a random
/// account for a random one of its organizations.
fn random_checks(dir: &Directory, heads: &[AccountId], staff: &[AccountId], at: Timestamp) {
    const RIGHTS: [Right; 6] = [
        Right::DocumentsView,
        Right::AccountingApprove,
        Right::ReportsView,
        Right::JournalView,
        Right::ApplicationsEdit,
        Right::UsersManage,
    ];
    let everyone: Vec<AccountId> = heads.iter().chain(staff).copied().collect();
    let mut draw = latency::Draw::seeded(0x6d65_6d6f_7279);
    let requests: Vec<AccessRequest> = (0..1_000_000)
        .filter_map(|_| {
            let actor = *everyone.get(draw.below(everyone.len()))?;
            let orgs = dir.organizations_of(actor);
            let org = *orgs.get(draw.below(orgs.len().max(1)))?;
            let right = *RIGHTS.get(draw.below(RIGHTS.len()))?;
            Some(AccessRequest::new(actor, org, right, at))
        })
        .collect();
    let allowed = requests.iter().filter(|r| dir.check(r).allowed).count();
    let timer = latency::timer_cost();
    let figures = latency::per_call(&requests, &timer, |r| dir.check(r));
    println!(
        "check, random over the directory ({allowed} of {} allowed): {figures}",
        requests.len()
    );
}

fn person(dir: &mut Directory, sys: &Context, snils: Snils, inn: Option<Inn>) -> Res<AccountId> {
    let ev = dir.run(
        Command::Accounts(AccountCommand::RegisterAccount {
            name: PersonName::new("Сотрудник", "Иван", None),
            snils: Some(snils),
            inn,
            email: None,
            phone: None,
        }),
        sys,
    )?;
    let Some(Event::Accounts(AccountEvent::AccountRegistered { account, .. })) = ev.first() else {
        return Err("no account".into());
    };
    for level in [AccountLevel::Standard, AccountLevel::Confirmed] {
        dir.run(
            Command::Accounts(AccountCommand::RaiseAccountLevel {
                account: *account,
                level,
            }),
            sys,
        )?;
    }
    Ok(*account)
}

fn digits(n: u64, width: usize) -> Vec<u32> {
    format!("{n:0width$}")
        .chars()
        .filter_map(|c| c.to_digit(10))
        .collect()
}

fn weighted(d: &[u32], w: &[u32]) -> u32 {
    d.iter().zip(w).map(|(a, b)| a * b).sum::<u32>() % 11 % 10
}

fn inn10(n: u64) -> Res<Inn> {
    let mut d = digits(7_700_000_000 / 10 + n, 9);
    d.push(weighted(&d, &[2, 4, 10, 3, 5, 9, 4, 6, 8]));
    Ok(Inn::parse(
        &d.iter().map(u32::to_string).collect::<String>(),
    )?)
}

fn inn12(n: u64) -> Res<Inn> {
    let mut d = digits(7_700_000_000 + n, 10);
    d.push(weighted(&d, &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]));
    d.push(weighted(&d, &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]));
    Ok(Inn::parse(
        &d.iter().map(u32::to_string).collect::<String>(),
    )?)
}

fn ogrn(n: u64) -> Res<Ogrn> {
    let body = 102_770_000_000 + n; // twelve digits, the first one 1
    Ok(Ogrn::parse(&format!("{body}{}", body % 11 % 10))?)
}

fn snils(n: u64) -> Res<Snils> {
    let d = digits(2_000_000 + n, 9);
    let sum: u32 = d.iter().enumerate().map(|(i, x)| x * (9 - i as u32)).sum();
    let check = if sum < 100 { sum } else { (sum % 101) % 100 };
    Ok(Snils::parse(&format!(
        "{}{check:02}",
        d.iter().map(u32::to_string).collect::<String>()
    ))?)
}

fn rss_kib() -> Res<u64> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    let line = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .ok_or("no VmRSS")?;
    Ok(line.split_whitespace().nth(1).ok_or("no number")?.parse()?)
}
