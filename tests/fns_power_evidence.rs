//! Conformance: the real signed power of attorney of `mchd/valid/` becomes
//! the directory's evidence. Verified at its signing time and read through a
//! classifier table, it is registered with `ImportPower` (or presented with
//! `SubmitOrganizationByPower`), the representative acts under it, the
//! decision names its registry number, and it stops working after its last
//! day (Moscow time). What is not authentic, expired, unmapped or
//! restricted gives nothing; a re-delegation needs its parent and its
//! parent's representative as signer.
//!
//! Every person's and organization's value is read from the file at run
//! time; none is written here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod conformance;
mod support;

use conformance::fns_power::{
    account, options, principal, register, representative, requisites, signed, store,
};
use kabinet::delegation::fns_xml::{
    verify_signed_power, DocumentKind, FirstPower, FullName, Party, Person, PowerClassifier,
    Principal, SignedPowerReport,
};
use kabinet::delegation::{PowerLevel, Redelegation};
use kabinet::organizations::{OrganizationKind, StateRegistry};
use kabinet::*;
use support::{command_code, qes, run, t};

const VERIFIED: &str = "2024-12-03T09:00:00Z";

fn report(at: &str) -> SignedPowerReport {
    let (xml, sig) = signed();
    let r = verify_signed_power(&xml, &sig, &[], &store(), &options(at)).unwrap();
    assert!(r.valid, "{:?}", r.problems);
    r
}

struct World {
    dir: Directory,
    head: AccountId,
    rep: AccountId,
    org: OrgId,
}

/// The principal registered by its head, and the representative's account.
fn world(r: &SignedPowerReport) -> World {
    let mut dir = Directory::new();
    let (head, rep, org) = register(r, &mut |c, ctx| run(&mut dir, c, ctx));
    assert!(dir.organization(org).unwrap().is_active());
    World {
        dir,
        head,
        rep,
        org,
    }
}

/// The first code of the document gives `rights`, the second is known and
/// gives nothing, the rest are unknown to the table.
fn classifier(r: &SignedPowerReport, rights: RightSet) -> PowerClassifier {
    let codes = &r.power.powers.codes;
    PowerClassifier::new()
        .with(codes[0].code.clone(), rights)
        .with(codes[1].code.clone(), RightSet::EMPTY)
}

fn ask(w: &World, right: Right, at: &str) -> Decision {
    w.dir
        .check(&AccessRequest::new(w.rep, w.org, right, t(at)).signed(qes(&w.dir, w.rep)))
}

#[test]
fn the_verified_power_is_registered_and_decisions_name_its_number() {
    let r = report(VERIFIED);
    let mut w = world(&r);
    let given = RightSet::of(&[Right::DocumentsView, Right::DocumentsEdit]);
    let evidence = w.dir.power_evidence(&r, &classifier(&r, given)).unwrap();
    let codes = &r.power.powers.codes;
    assert!(codes.iter().all(|c| c.restrictions.is_empty()));
    assert_eq!(evidence.granted.len(), 1);
    assert_eq!(evidence.granted[0].code, codes[0].code);
    assert_eq!(evidence.granted[0].rights, given);
    assert_eq!(evidence.unmapped.len(), codes.len() - 2);
    assert!(evidence.restricted.is_empty() && !evidence.text_powers);
    assert_eq!(evidence.registry_url, r.power.registry_url);

    let power = w.dir.power_from_mchd(&evidence.mchd).unwrap();
    assert_eq!(power.number, r.power.number);
    assert_eq!(
        (power.principal, power.issuer, power.powers),
        (w.org, w.head, given)
    );
    assert_eq!(
        (power.valid_from, power.valid_until),
        (r.valid_from, r.valid_until)
    );
    assert_eq!(power.redelegation, r.power.redelegation);
    assert_eq!(
        power.internal_number.as_deref(),
        Some(r.power.internal_number.as_str())
    );
    run(
        &mut w.dir,
        Command::Delegation(DelegationCommand::ImportPower { power }),
        &Context::system(t(VERIFIED)),
    );

    let d = ask(&w, Right::DocumentsView, "2024-12-04T10:00:00Z");
    assert!(d.allowed, "{:?}", d.refusal_codes());
    assert_eq!(d.basis, Some(Basis::PowerOfAttorney));
    let chain = d.delegation.as_ref().unwrap();
    assert_eq!(chain.number, r.power.number, "the decision names the МЧД");
    assert_eq!(chain.chain.len(), 1);
    // a right no mapped code gives is not held
    assert!(!ask(&w, Right::PaymentsEdit, "2024-12-04T10:00:00Z").allowed);
    // the last day works until midnight in Moscow, not a second more
    let last = (r.valid_until - jiff::SignedDuration::from_secs(1)).to_string();
    assert!(ask(&w, Right::DocumentsView, &last).allowed);
    let after = ask(&w, Right::DocumentsView, &r.valid_until.to_string());
    assert!(!after.allowed);
    assert!(after.basis.is_none());

    // the same document again is refused: the number is taken
    let again = w.dir.power_from_mchd(&evidence.mchd).unwrap();
    let e = w
        .dir
        .run(
            Command::Delegation(DelegationCommand::ImportPower { power: again }),
            &Context::system(t(VERIFIED)),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.duplicate_number");
}

#[test]
fn what_is_not_authentic_expired_or_unmapped_gives_nothing() {
    let r = report(VERIFIED);
    let w = world(&r);
    let any = RightSet::of(&[Right::DocumentsView]);
    // verified today, the power has expired
    let today = report("2026-12-04T00:00:00Z");
    let e = w
        .dir
        .power_evidence(&today, &classifier(&today, any))
        .unwrap_err();
    assert_eq!(e.code(), "mchd_evidence.expired");
    // a report that is not valid
    let mut forged = r.clone();
    forged.valid = false;
    forged.problems = vec![CodedMessage {
        code: "mchd_sig.signature_invalid".into(),
        message_ru: String::new(),
        message_en: String::new(),
    }];
    let e = w
        .dir
        .power_evidence(&forged, &classifier(&r, any))
        .unwrap_err();
    assert_eq!(e.code(), "mchd_evidence.not_authentic");
    assert!(e.to_string().contains("mchd_sig.signature_invalid"), "{e}");
    // no code of the table gives a right
    let e = w
        .dir
        .power_evidence(&r, &PowerClassifier::new())
        .unwrap_err();
    assert_eq!(e.code(), "mchd_evidence.no_rights");
    let e = w
        .dir
        .power_evidence(&r, &classifier(&r, RightSet::EMPTY))
        .unwrap_err();
    assert_eq!(e.code(), "mchd_evidence.no_rights");
    // a code with restrictions gives nothing, even when the table maps it
    let mut restricted = r.clone();
    let first = &mut restricted.power.powers.codes[0];
    first
        .restrictions
        .push(kabinet::delegation::fns_xml::Restriction {
            id: 1,
            code: "LIM_01".into(),
            name: "вид документа".into(),
            value_name: None,
            value: kabinet::delegation::fns_xml::RestrictionValue::Code("1".into()),
        });
    let e = w
        .dir
        .power_evidence(&restricted, &classifier(&r, any))
        .unwrap_err();
    assert_eq!(e.code(), "mchd_evidence.no_rights");
    assert!(e.to_string().contains("1 with restrictions"), "{e}");
    // two representatives, or an organization naming nobody, are refused
    let mut two = r.clone();
    two.power
        .representatives
        .push(two.power.representatives[0].clone());
    let e = w
        .dir
        .power_evidence(&two, &classifier(&r, any))
        .unwrap_err();
    assert_eq!(e.code(), "mchd_evidence.representatives");
    let mut firm = r.clone();
    let (org, _) = principal(&r);
    firm.power.representatives = vec![Party::Organization {
        organization: org.clone(),
        person: None,
    }];
    let e = w
        .dir
        .power_evidence(&firm, &classifier(&r, any))
        .unwrap_err();
    assert_eq!(e.code(), "mchd_evidence.representative_kind");
    // an individual principal is not an organization of the directory
    let mut individual = r.clone();
    individual.power.principals = vec![Principal::Individual(representative(&r).clone())];
    let e = w
        .dir
        .power_evidence(&individual, &classifier(&r, any))
        .unwrap_err();
    assert_eq!(e.code(), "mchd_evidence.principal_kind");
}

#[test]
fn the_classifier_table_is_read_strictly() {
    let table = PowerClassifier::from_json(
        r#"{"CODE_A": ["documents.view", "documents.edit"], "CODE_B": []}"#,
    )
    .unwrap();
    assert_eq!(table.len(), 2);
    assert_eq!(
        table.rights_of("CODE_A"),
        Some(RightSet::of(&[Right::DocumentsView, Right::DocumentsEdit]))
    );
    assert_eq!(table.rights_of("CODE_B"), Some(RightSet::EMPTY));
    assert_eq!(table.rights_of("CODE_C"), None);
    for (bad, says) in [
        (r#"{"A": ["documents.view"], "A": []}"#, "given twice"),
        (r#"{"A": ["documents.fly"]}"#, "unknown right"),
        (r#"{"": ["documents.view"]}"#, "empty or too long"),
        (r#"["A"]"#, "an object from classifier codes"),
        (r#"{"A": "documents.view"}"#, "invalid type"),
    ] {
        let e = PowerClassifier::from_json(bad).unwrap_err();
        assert_eq!(e.code(), "mchd_evidence.classifier");
        assert!(e.to_string().contains(says), "{bad}: {e}");
        assert!(!e.message_ru().is_empty());
    }
    let huge = format!("{{\"A\": [{}]}}", "\"documents.view\",".repeat(70_000));
    let e = PowerClassifier::from_json(&huge).unwrap_err();
    assert!(e.to_string().contains("bytes"), "{e}");
    let many: Vec<String> = (0..=kabinet::delegation::fns_xml::MAX_CLASSIFIER_CODES)
        .map(|i| format!("\"C{i}\": []"))
        .collect();
    let e = PowerClassifier::from_json(&format!("{{{}}}", many.join(","))).unwrap_err();
    assert!(e.to_string().contains("more than"), "{e}");
}

#[test]
fn a_representative_registers_the_principal_with_the_verified_power() {
    let r = report(VERIFIED);
    let mut dir = Directory::new();
    let head = account(&mut |c, ctx| run(&mut dir, c, ctx), principal(&r).1);
    let rep = account(&mut |c, ctx| run(&mut dir, c, ctx), representative(&r));
    let evidence = dir
        .power_evidence(&r, &classifier(&r, PowerLevel::REGISTRATION.rights()))
        .unwrap();
    let (draft, registry) = requisites(&r);
    let events = run(
        &mut dir,
        Command::Delegation(DelegationCommand::SubmitOrganizationByPower {
            kind: OrganizationKind::LegalEntity,
            requisites: draft.clone(),
            power: Box::new(evidence.mchd),
        }),
        &Context::account(rep, t(VERIFIED)),
    );
    let Event::Organizations(OrganizationEvent::OrganizationSubmitted { org, .. }) = events[0]
    else {
        panic!("not submitted: {events:?}")
    };
    let answer = registry
        .lookup(&kabinet::identifiers::Inn::parse(&draft.inn).unwrap())
        .unwrap();
    run(
        &mut dir,
        Command::Organizations(OrganizationCommand::RecordRegistryAnswer { org, answer }),
        &Context::system(t("2024-12-03T10:00:00Z")),
    );
    let o = dir.organization(org).unwrap();
    assert_eq!((o.is_active(), o.head), (true, Some(head)));
    let p = dir.power(r.power.number).unwrap();
    assert_eq!((p.principal, p.issuer), (org, head));
}

#[test]
fn a_re_delegation_needs_its_parent_and_the_parents_representative_as_signer() {
    let mut r = report(VERIFIED);
    r.power.redelegation = Redelegation::Successive;
    let mut w = world(&r);
    let given = RightSet::of(&[Right::DocumentsView, Right::DocumentsEdit]);
    let table = classifier(&r, given);
    let first = w.dir.power_evidence(&r, &table).unwrap();
    let power = w.dir.power_from_mchd(&first.mchd).unwrap();
    run(
        &mut w.dir,
        Command::Delegation(DelegationCommand::ImportPower { power }),
        &Context::system(t(VERIFIED)),
    );
    // the representative passes the power on to a third person: a Передов
    let third = Person {
        inn: None,
        snils: Some(kabinet::identifiers::Snils::parse(&support::snils_of(91)).unwrap()),
        position: None,
        name: FullName {
            surname: "Третьев".into(),
            given: "Пётр".into(),
            patronymic: None,
        },
        birth_date: None,
    };
    let third_account = account(&mut |c, ctx| run(&mut w.dir, c, ctx), &third);
    let mut passed = r.clone();
    passed.power.number = "0193a4c2-5b7e-7000-8000-000000000001".parse().unwrap();
    passed.power.kind = DocumentKind::Redelegation {
        first_power: FirstPower {
            mark: 1,
            form: 1,
            issued_on: r.power.issued_on,
            valid_through: r.power.valid_through,
            first: Some(r.power.number),
            parent: None,
        },
        from_redelegation: false,
        passed_by: Vec::new(),
    };
    passed.power.principals = Vec::new();
    passed.power.representatives = vec![Party::Person(third)];
    // signed by the head, who is not the parent's representative: refused
    let by_head = w.dir.power_evidence(&passed, &table).unwrap();
    assert_eq!(by_head.mchd.document.depth, 1);
    let p = w.dir.power_from_mchd(&by_head.mchd).unwrap();
    let e = w
        .dir
        .run(
            Command::Delegation(DelegationCommand::ImportPower { power: p }),
            &Context::system(t(VERIFIED)),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.not_representative");
    // signed by the representative: registered, the chain has two links
    let rep = representative(&r).clone();
    let signer = passed.signer.signed_by[0].unwrap();
    let holder = passed.signature.signers[signer].holder.as_mut().unwrap();
    holder.snils = rep.snils.as_ref().map(|s| s.as_str().to_owned());
    holder.inn = rep.inn.as_ref().map(|i| i.as_str().to_owned());
    let by_rep = w.dir.power_evidence(&passed, &table).unwrap();
    let p = w.dir.power_from_mchd(&by_rep.mchd).unwrap();
    assert_eq!(
        (p.issuer, p.parent, p.depth),
        (w.rep, Some(r.power.number), 1)
    );
    run(
        &mut w.dir,
        Command::Delegation(DelegationCommand::ImportPower { power: p }),
        &Context::system(t(VERIFIED)),
    );
    let d = w.dir.check(
        &AccessRequest::new(
            third_account,
            w.org,
            Right::DocumentsView,
            t("2024-12-04T10:00:00Z"),
        )
        .signed(qes(&w.dir, third_account)),
    );
    assert!(d.allowed, "{:?}", d.refusal_codes());
    let chain = d.delegation.unwrap();
    let numbers: Vec<_> = chain.chain.iter().map(|l| l.number).collect();
    assert_eq!(numbers, vec![r.power.number, passed.power.number]);
    assert_eq!(chain.number, passed.power.number);
    // a re-delegation from a power the directory does not hold
    let mut orphan = passed.clone();
    orphan.power.number = "0193a4c2-5b7e-7000-8000-000000000002".parse().unwrap();
    if let DocumentKind::Redelegation { first_power, .. } = &mut orphan.power.kind {
        first_power.first = Some("0193a4c2-5b7e-7000-8000-0000000000ff".parse().unwrap());
    }
    let e = w.dir.power_evidence(&orphan, &table).unwrap_err();
    assert_eq!(e.code(), "mchd_evidence.parent_unknown");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Nobody gains a right the document and the table do not both give:
    /// the power's rights are exactly the union of what the table gives for
    /// the document's codes that carry no restriction, and nothing at all
    /// is registrable when that union is empty.
    #[test]
    fn the_rights_are_exactly_what_unrestricted_mapped_codes_give(
        entries in proptest::collection::vec(
            (proptest::bool::ANY, proptest::option::of(proptest::num::u64::ANY)),
            35,
        ),
    ) {
        let base = verified();
        let w = world(&base);
        let mut r = base.clone();
        proptest::prop_assert_eq!(r.power.powers.codes.len(), entries.len());
        let mut table = PowerClassifier::new();
        let mut expected = RightSet::EMPTY;
        for (p, (restricted, mapped)) in r.power.powers.codes.iter_mut().zip(&entries) {
            if *restricted {
                p.restrictions.push(kabinet::delegation::fns_xml::Restriction {
                    id: 1,
                    code: "LIM_01".into(),
                    name: "ограничение".into(),
                    value_name: None,
                    value: kabinet::delegation::fns_xml::RestrictionValue::Text("x".into()),
                });
            }
            if let Some(bits) = mapped {
                let rights = RightSet::from_bits(*bits).intersection(RightSet::all());
                table = table.with(p.code.clone(), rights);
                if !restricted {
                    expected = expected.union(rights);
                }
            }
        }
        match w.dir.power_evidence(&r, &table) {
            Ok(e) => {
                let power = w.dir.power_from_mchd(&e.mchd).unwrap();
                proptest::prop_assert_eq!(power.powers, expected);
                proptest::prop_assert!(!expected.is_empty());
            }
            Err(e) => {
                proptest::prop_assert_eq!(e.code(), "mchd_evidence.no_rights");
                proptest::prop_assert!(expected.is_empty());
            }
        }
    }
}

/// The signed power verified at its signing time, once for the process.
fn verified() -> SignedPowerReport {
    static REPORT: std::sync::OnceLock<SignedPowerReport> = std::sync::OnceLock::new();
    REPORT.get_or_init(|| report(VERIFIED)).clone()
}
