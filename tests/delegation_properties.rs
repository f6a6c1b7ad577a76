//! Property tests of powers of attorney over random trees of delegation,
//! revocations, refusals and times:
//! - no decision grants a right outside the intersection of its chain;
//! - nothing revoked, refused or expired grants at any later time;
//! - revoking or refusing a power ends its whole subtree;
//! - the boundaries behave as documented: `valid_from` inclusive,
//!   `valid_until` exclusive (one nanosecond before works, the instant and
//!   one nanosecond after do not);
//! - replaying the events rebuilds an equal directory.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use jiff::SignedDuration;
use kabinet::*;
use proptest::prelude::*;
use support::*;

const PEOPLE: usize = 5;

/// A small pool of rights, so that random sets overlap often.
const POOL: [Right; 6] = [
    Right::DocumentsView,
    Right::DocumentsEdit,
    Right::ReportsView,
    Right::ReportsApprove,
    Right::PaymentsView,
    Right::ApplicationsView,
];

fn set(bits: u8) -> RightSet {
    POOL.iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, &r)| r)
        .collect()
}

/// Three marks in four allow successive re-delegation, so that trees grow deep.
fn mark(m: u8) -> Redelegation {
    match m % 8 {
        0 => Redelegation::None,
        1 => Redelegation::Once,
        _ => Redelegation::Successive,
    }
}

#[derive(Debug, Clone)]
enum Op {
    Issue {
        to: usize,
        powers: u8,
        start_hours: u16,
        term_hours: Option<u16>,
        mark: u8,
    },
    Redelegate {
        parent: usize,
        to: usize,
        powers: u8,
        /// Whether `powers` is taken as is (often beyond the parent's) rather
        /// than within the parent's.
        raw: bool,
        term_hours: Option<u16>,
        mark: u8,
    },
    Revoke {
        nth: usize,
    },
    Refuse {
        nth: usize,
    },
    Wait {
        hours: u16,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let to = 0..PEOPLE;
    let term = prop::option::of(1u16..2000);
    prop_oneof![
        3 => (to.clone(), any::<u8>(), prop_oneof![3 => Just(0u16), 1 => 0u16..100], term.clone(), any::<u8>()).prop_map(
            |(to, powers, start_hours, term_hours, mark)| Op::Issue {
                to,
                powers,
                start_hours,
                term_hours,
                mark
            }
        ),
        10 => (prop_oneof![0..3usize, 0..16usize], to, any::<u8>(), prop::bool::weighted(0.25), term, any::<u8>()).prop_map(
            |(parent, to, powers, raw, term_hours, mark)| Op::Redelegate {
                parent,
                to,
                powers,
                raw,
                term_hours,
                mark
            }
        ),
        1 => (0..16usize).prop_map(|nth| Op::Revoke { nth }),
        1 => (0..16usize).prop_map(|nth| Op::Refuse { nth }),
        2 => (1u16..1500).prop_map(|hours| Op::Wait { hours }),
    ]
}

fn hours(h: u16) -> SignedDuration {
    SignedDuration::from_hours(i64::from(h))
}

fn qes(dir: &Directory, who: AccountId) -> SignatureEvidence {
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

struct Run {
    dir: Directory,
    head: AccountId,
    org: OrgId,
    people: Vec<AccountId>,
    issued: Vec<PowerNumber>,
    log: Vec<Event>,
    now: Timestamp,
}

impl Run {
    fn new() -> Self {
        let (mut dir, head, org) = world();
        let people = (0..PEOPLE)
            .map(|i| {
                let n = u32::try_from(i).unwrap() + 100;
                person(
                    &mut dir,
                    "Представитель",
                    &snils_of(n),
                    None,
                    &format!("p{n}@example.ru"),
                )
            })
            .collect();
        Run {
            dir,
            head,
            org,
            people,
            issued: Vec::new(),
            log: take_log(),
            now: t(T0),
        }
    }

    fn exec(&mut self, who: AccountId, command: Command) {
        let ctx = Context::account(who, self.now).signed(qes(&self.dir, who));
        // refusals are part of the exploration: only what succeeds is logged
        let res = self.dir.run(command, &ctx);
        if let Ok(events) = res {
            for e in &events {
                if let Event::Delegation(DelegationEvent::PowerIssued { power }) = e {
                    self.issued.push(power.number);
                }
            }
            self.log.extend(events);
        }
    }

    fn number(&self) -> PowerNumber {
        Uuid::from_u128(self.issued.len() as u128 + 1)
    }

    fn nth(&self, nth: usize) -> Option<PowerNumber> {
        (!self.issued.is_empty()).then(|| self.issued[nth % self.issued.len()])
    }

    fn recent(&self, nth: usize) -> Option<PowerNumber> {
        let len = self.issued.len();
        (len > 0).then(|| self.issued[len - 1 - nth % len])
    }

    fn step(&mut self, op: &Op) {
        match *op {
            Op::Issue {
                to,
                powers,
                start_hours,
                term_hours,
                mark: m,
            } => {
                let from = self.now + hours(start_hours);
                let terms = PowerTerms {
                    number: self.number(),
                    internal_number: None,
                    representative: Representative::Account {
                        account: self.people[to],
                    },
                    powers: set(powers),
                    valid_from: Some(from),
                    valid_until: term_hours.map(|h| from + hours(h)),
                    redelegation: mark(m),
                };
                let command = Command::Delegation(DelegationCommand::IssuePower {
                    org: self.org,
                    terms,
                    irrevocable: false,
                });
                self.exec(self.head, command);
            }
            Op::Redelegate {
                parent,
                to,
                powers,
                raw,
                term_hours,
                mark: m,
            } => {
                // mostly one of the latest powers: older ones have often ended
                let Some(parent) = self.recent(parent) else {
                    return;
                };
                let Some((Representative::Account { account: by }, held)) = self
                    .dir
                    .power(parent)
                    .map(|p| (p.representative.clone(), p.powers))
                else {
                    return;
                };
                let powers = if raw {
                    set(powers)
                } else {
                    set(powers).intersection(held)
                };
                let terms = PowerTerms {
                    number: self.number(),
                    internal_number: None,
                    representative: Representative::Account {
                        account: self.people[to],
                    },
                    powers,
                    valid_from: None,
                    valid_until: term_hours.map(|h| self.now + hours(h)),
                    redelegation: mark(m),
                };
                self.exec(
                    by,
                    Command::Delegation(DelegationCommand::RedelegatePower { parent, terms }),
                );
            }
            Op::Revoke { nth } => {
                if let Some(number) = self.nth(nth) {
                    let command = Command::Delegation(DelegationCommand::RevokePower {
                        number,
                        ground: None,
                    });
                    self.exec(self.head, command);
                }
            }
            Op::Refuse { nth } => {
                let Some(number) = self.nth(nth) else { return };
                if let Some(Representative::Account { account }) =
                    self.dir.power(number).map(|p| p.representative.clone())
                {
                    self.exec(
                        account,
                        Command::Delegation(DelegationCommand::RefusePower { number }),
                    );
                }
            }
            Op::Wait { hours: h } => self.now += hours(h),
        }
    }

    /// Every instant worth probing: now, and around every power's boundaries.
    fn probes(&self) -> Vec<Timestamp> {
        let ns = SignedDuration::from_nanos(1);
        let mut out = vec![self.now, t(T0)];
        for n in &self.issued {
            let p = self.dir.power(*n).unwrap();
            for b in [p.valid_from, p.valid_until] {
                out.extend([b - ns, b, b + ns]);
            }
        }
        out
    }

    /// When a command ended the power, if one did.
    fn ended_at(&self, n: PowerNumber) -> Option<Timestamp> {
        match self.dir.power(n).unwrap().status {
            PowerStatus::InForce => None,
            PowerStatus::Revoked { at, .. }
            | PowerStatus::Refused { at }
            | PowerStatus::Ended { at, .. } => Some(at),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn chains_never_grant_beyond_their_links(ops in prop::collection::vec(op(), 1..40)) {
        let mut r = Run::new();
        for op in &ops {
            r.step(op);
        }
        let dir = &r.dir;
        for at in r.probes() {
            for &who in &r.people {
                for right in POOL {
                    let request = AccessRequest::new(who, r.org, right, at).signed(qes(dir, who));
                    let d = dir.check(&request);
                    if !d.allowed {
                        continue;
                    }
                    // the people are not members: only a chain can give anything
                    prop_assert_eq!(d.basis, Some(Basis::PowerOfAttorney));
                    let basis = d.delegation.as_ref().unwrap();
                    let mut meet = RightSet::all();
                    for link in &basis.chain {
                        let p = dir.power(link.number).unwrap();
                        meet = meet.intersection(p.powers);
                        // nothing revoked, refused or expired grants
                        prop_assert_eq!(&p.status, &PowerStatus::InForce);
                        prop_assert!(p.valid_from <= at && at < p.valid_until);
                    }
                    prop_assert!(meet.contains(right));
                    prop_assert!(basis.powers.is_subset(meet));
                    prop_assert!(basis.valid_until > at);
                    let used = dir.power(basis.number).unwrap();
                    let for_who = matches!(&used.representative,
                        Representative::Account { account } if *account == who);
                    prop_assert!(for_who);
                }
            }
        }
    }

    #[test]
    fn ended_powers_and_their_subtrees_never_grant(ops in prop::collection::vec(op(), 1..40)) {
        let mut r = Run::new();
        for op in &ops {
            r.step(op);
        }
        let dir = &r.dir;
        for &n in &r.issued {
            let p = dir.power(n).unwrap();
            // a revoked or refused power ends its whole subtree
            if p.status != PowerStatus::InForce {
                let mut stack = vec![n];
                while let Some(m) = stack.pop() {
                    for child in dir.powers_redelegated_from(m) {
                        prop_assert_ne!(&child.status, &PowerStatus::InForce);
                        stack.push(child.number);
                    }
                }
            }
            for at in r.probes() {
                let verdict = dir.verify_power(n, at);
                if let Ok(basis) = &verdict {
                    // a working chain: every link is in force and inside its term
                    for link in &basis.chain {
                        prop_assert!(r.ended_at(link.number).is_none());
                        prop_assert!(at < link.valid_until);
                    }
                }
                if r.ended_at(n).is_some() || at >= p.valid_until || at < p.valid_from {
                    prop_assert!(verdict.is_err());
                }
            }
        }
    }

    #[test]
    fn the_end_of_validity_is_exclusive(ops in prop::collection::vec(op(), 1..30)) {
        let mut r = Run::new();
        for op in &ops {
            r.step(op);
        }
        let ns = SignedDuration::from_nanos(1);
        for &n in &r.issued {
            let p = r.dir.power(n).unwrap();
            if r.dir.verify_power(n, p.valid_until - ns).is_ok() {
                for after in [p.valid_until, p.valid_until + ns] {
                    let e = r.dir.verify_power(n, after).unwrap_err();
                    prop_assert_eq!(e.code(), "delegation.expired");
                }
            }
            if r.dir.verify_power(n, p.valid_from).is_ok() {
                let e = r.dir.verify_power(n, p.valid_from - ns).unwrap_err();
                prop_assert_eq!(e.code(), "delegation.not_yet_valid");
            }
        }
    }

    #[test]
    fn replaying_the_events_rebuilds_the_directory(ops in prop::collection::vec(op(), 1..40)) {
        let mut r = Run::new();
        for op in &ops {
            r.step(op);
        }
        let mut replayed = Directory::new();
        for e in &r.log {
            replayed.apply(e);
        }
        prop_assert!(replayed == r.dir);
        // and through JSON, as a journal would keep them
        let json = serde_json::to_string(&r.log).unwrap();
        let events: Vec<Event> = serde_json::from_str(&json).unwrap();
        let mut again = Directory::new();
        for e in &events {
            again.apply(e);
        }
        prop_assert!(again == r.dir);
    }
}

#[test]
fn the_generator_builds_deep_trees_and_ends_them() {
    // the properties above are only as good as the trees they see: make sure
    // a fixed sequence reaches re-delegation, revocation and expiry
    let mut r = Run::new();
    let ops = [
        Op::Issue {
            to: 0,
            powers: 0b111111,
            start_hours: 0,
            term_hours: None,
            mark: 2,
        },
        Op::Redelegate {
            parent: 0,
            to: 1,
            powers: 0b111,
            raw: true,
            term_hours: Some(500),
            mark: 2,
        },
        Op::Redelegate {
            parent: 0,
            to: 2,
            powers: 0b11,
            raw: true,
            term_hours: None,
            mark: 0,
        },
        Op::Redelegate {
            parent: 0,
            to: 3,
            powers: 0b1,
            raw: true,
            term_hours: None,
            mark: 0,
        },
        Op::Revoke { nth: 1 },
    ];
    for op in &ops {
        r.step(op);
    }
    assert_eq!(
        r.issued.len(),
        3,
        "the third re-delegation is refused: its parent forbids it"
    );
    assert!(r.dir.verify_power(r.issued[0], r.now).is_ok());
    assert_eq!(
        r.dir.verify_power(r.issued[2], r.now).unwrap_err().code(),
        "delegation.revoked"
    );
    r.step(&Op::Wait { hours: 9000 });
    assert_eq!(
        r.dir.verify_power(r.issued[0], r.now).unwrap_err().code(),
        "delegation.expired"
    );
}

#[test]
fn random_runs_reach_deep_chains_and_endings() {
    // a generator that never re-delegates or revokes would make the
    // properties vacuous: sample it and count what it reaches
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = prop::collection::vec(op(), 1..40);
    let (mut deep, mut ended, mut granted) = (0, 0, 0);
    for _ in 0..64 {
        let ops = strategy.new_tree(&mut runner).unwrap().current();
        let mut r = Run::new();
        for op in &ops {
            r.step(op);
        }
        let powers: Vec<_> = r.issued.iter().map(|n| r.dir.power(*n).unwrap()).collect();
        deep += usize::from(powers.iter().any(|p| p.depth >= 2));
        ended += usize::from(powers.iter().any(|p| p.status != PowerStatus::InForce));
        granted += usize::from(
            r.issued
                .iter()
                .any(|n| r.dir.verify_power(*n, r.now).is_ok()),
        );
    }
    eprintln!("of 64 runs: {deep} deep, {ended} ended, {granted} granted");
    assert!(deep >= 8, "{deep} runs of 64 reached depth 2");
    assert!(ended >= 8, "{ended} runs of 64 ended a power");
    assert!(
        granted >= 16,
        "{granted} runs of 64 ended with a working power"
    );
}
