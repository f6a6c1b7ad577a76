//! Property tests of registration, by the head and by representatives with
//! powers of attorney, in any order with revocations, refusals, resubmissions
//! and registry answers at any time:
//! - only the registry makes a head: every head is the person it names;
//! - a presented power grants nothing until its organization is active, and
//!   then only as signed by that head;
//! - replaying the events rebuilds an equal directory.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::delegation::mchd::{
    MchdDocument, MchdOrganization, MchdPerson, MchdPower, MchdRepresentative, FORMAT,
};
use kabinet::delegation::{Mchd, PowerLevel};
use kabinet::employees::Standing;
use kabinet::organizations::{OrganizationKind, StateRegistry};
use kabinet::*;
use proptest::prelude::*;
use support::*;

/// The people: the head the registry names, and two others.
const PEOPLE: [(&str, &str); 3] = [
    ("112-233-445 95", HEAD_INN),
    ("001-001-994 00", "500123456750"),
    ("001-001-993 00", "500100732259"),
];

#[derive(Debug, Clone)]
struct Presented {
    signer: usize,
    attorney: usize,
    hours_valid: u8,
    full: bool,
}

#[derive(Debug, Clone)]
enum Op {
    Submit {
        who: usize,
        power: Option<Presented>,
    },
    Resubmit {
        who: usize,
        nth: usize,
        power: Option<Presented>,
    },
    Revoke {
        who: usize,
        nth: usize,
    },
    Refuse {
        who: usize,
        nth: usize,
    },
    Answer {
        nth: usize,
    },
}

fn presented() -> impl Strategy<Value = Option<Presented>> {
    prop::option::of((0..3usize, 0..3usize, any::<u8>(), any::<bool>()).prop_map(
        |(signer, attorney, hours_valid, full)| Presented {
            signer,
            attorney,
            hours_valid,
            full,
        },
    ))
}

fn op() -> impl Strategy<Value = (Op, u8)> {
    let op = prop_oneof![
        (0..3usize, presented()).prop_map(|(who, power)| Op::Submit { who, power }),
        (0..3usize, 0..4usize, presented()).prop_map(|(who, nth, power)| Op::Resubmit {
            who,
            nth,
            power
        }),
        (0..3usize, 0..8usize).prop_map(|(who, nth)| Op::Revoke { who, nth }),
        (0..3usize, 0..8usize).prop_map(|(who, nth)| Op::Refuse { who, nth }),
        (0..4usize).prop_map(|nth| Op::Answer { nth }),
    ];
    (op, 0..12u8)
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

fn mchd(n: u128, p: &Presented, from: Timestamp) -> Mchd {
    let until = from
        .checked_add(jiff::SignedDuration::from_hours(
            i64::from(p.hours_valid) + 1,
        ))
        .unwrap();
    let level = if p.full {
        PowerLevel::REGISTRATION
    } else {
        PowerLevel::Operational
    };
    Mchd {
        format: FORMAT.into(),
        document: MchdDocument {
            number: num(n).to_string(),
            internal_number: None,
            issued_at: from.to_string(),
            valid_from: from.to_string(),
            valid_until: until.to_string(),
            redelegation: "1".into(),
            irrevocable: "0".into(),
            parent: None,
            depth: 0,
        },
        principal: MchdOrganization {
            inn: COMPANY_INN.into(),
            ogrn: Some(COMPANY_OGRN.into()),
        },
        signer: MchdPerson {
            snils: Some(digits(PEOPLE[p.signer].0)),
            inn: Some(PEOPLE[p.signer].1.into()),
        },
        representative: MchdRepresentative {
            snils: Some(digits(PEOPLE[p.attorney].0)),
            inn: Some(PEOPLE[p.attorney].1.into()),
            organization_inn: None,
            organization_ogrn: None,
        },
        powers: MchdPower::list(level.rights()),
    }
}

/// A new МЧД numbered after the last one, when the op presents one.
fn fresh(numbers: &mut u128, p: &Option<Presented>, at: Timestamp) -> Option<Box<Mchd>> {
    p.as_ref().map(|p| {
        *numbers += 1;
        Box::new(mchd(*numbers, p, at))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn only_the_registry_makes_a_head_and_unchecked_powers_grant_nothing(
        ops in prop::collection::vec(op(), 1..40)
    ) {
        take_log();
        let mut dir = Directory::new();
        let people: Vec<AccountId> = PEOPLE
            .iter()
            .enumerate()
            .map(|(i, (snils, inn))| person(&mut dir, "Лицо", snils, Some(inn), &format!("p{i}@example.ru")))
            .collect();
        let head = people[0];
        let mut log = take_log();
        let mut at = t(T0);
        let mut numbers = 0u128;
        let answer = registry().lookup(&Inn::parse(COMPANY_INN).unwrap()).unwrap();
        for (op, hours) in &ops {
            at = at.checked_add(jiff::SignedDuration::from_hours(i64::from(*hours))).unwrap();
            let mut orgs: Vec<OrgId> = dir.organizations().map(|o| o.id).collect();
            orgs.sort();
            let pick = |nth: usize| orgs.get(nth % orgs.len().max(1)).copied();
            let (ctx, command) = match op {
                Op::Submit { who, power } => {
                    let requisites = company_draft();
                    let kind = OrganizationKind::LegalEntity;
                    let command = match fresh(&mut numbers, power, at) {
                        Some(power) => Command::Delegation(DelegationCommand::SubmitOrganizationByPower { kind, requisites, power }),
                        None => Command::Organizations(OrganizationCommand::SubmitOrganization { kind, requisites }),
                    };
                    (Context::account(people[*who], at), command)
                }
                Op::Resubmit { who, nth, power } => {
                    let Some(org) = pick(*nth) else { continue };
                    let requisites = company_draft();
                    let command = match fresh(&mut numbers, power, at) {
                        Some(power) => Command::Delegation(DelegationCommand::ResubmitOrganizationByPower { org, requisites, power }),
                        None => Command::Organizations(OrganizationCommand::ResubmitOrganization { org, requisites }),
                    };
                    (Context::account(people[*who], at), command)
                }
                Op::Revoke { who, nth } => (
                    signed(&dir, people[*who], &at.to_string()),
                    Command::Delegation(DelegationCommand::RevokePower { number: num(1 + (*nth as u128) % numbers.max(1)), ground: None }),
                ),
                Op::Refuse { who, nth } => (
                    Context::account(people[*who], at),
                    Command::Delegation(DelegationCommand::RefusePower { number: num(1 + (*nth as u128) % numbers.max(1)) }),
                ),
                Op::Answer { nth } => {
                    let Some(org) = pick(*nth) else { continue };
                    (Context::system(at), Command::Organizations(OrganizationCommand::RecordRegistryAnswer { org, answer: answer.clone() }))
                }
            };
            let Ok(events) = dir.run(command, &ctx) else { continue };
            log.extend(events);
            for o in dir.organizations() {
                prop_assert!(o.head.is_none() || o.head == Some(head), "{:?} has head {:?}", o.id, o.head);
                prop_assert_eq!(o.is_active(), o.head.is_some());
                for (a, m) in dir.members(o.id) {
                    prop_assert!(m.standing != Standing::Head || a == head, "only the registry makes a head");
                }
            }
            for n in 1..=numbers {
                if let Some(p) = dir.power(num(n)) {
                    let o = dir.organization(p.principal).unwrap();
                    prop_assert!(o.is_active() && p.issuer == head, "power {n} recorded unchecked");
                }
                prop_assert!(dir.power(num(n)).is_none() || dir.registration_power(dir.power(num(n)).unwrap().principal).is_none());
            }
            for &a in &people[1..] {
                for o in dir.organizations() {
                    if !o.is_active() {
                        let d = dir.check(&AccessRequest::new(a, o.id, Right::OrganizationView, at));
                        prop_assert!(!d.allowed, "nothing is granted before activation");
                    }
                }
            }
        }
        let mut replayed = Directory::new();
        for e in &log {
            replayed.apply(e);
        }
        prop_assert_eq!(&replayed, &dir);
    }
}
