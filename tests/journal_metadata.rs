//! The journal's metadata of a command is read from the typed command: its
//! kind is its JSON tag, and its organization is found for every command that
//! concerns one — powers of attorney and applications included, which the
//! JSON lookup of an `"org"` key used to journal with none.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::applications::{ApplicationCommand, ApplicationEvent};
use kabinet::*;
use support::*;

fn tag(command: &Command) -> String {
    serde_json::to_value(command).unwrap()["command"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn every_command_of_a_company_is_journaled_with_its_kind_and_organization() {
    let (mut dir, head, org, people) = staffed_world();
    let commands = take_commands();
    // Replayed from scratch, each command's record names its tag and, for
    // those about the company, the company.
    let mut replay = Directory::new();
    for (c, ctx) in commands {
        let r = recorded(&mut replay, c.clone(), &ctx);
        assert_eq!(r.kind, tag(&c));
        assert_eq!(r.kind, c.kind());
        let about_people = matches!(
            c,
            Command::Accounts(AccountCommand::RegisterAccount { .. })
                | Command::Accounts(AccountCommand::RaiseAccountLevel { .. })
                | Command::Accounts(AccountCommand::ChangeContact { .. })
                | Command::Accounts(AccountCommand::ConfirmContact { .. })
        );
        assert_eq!(r.organization, (!about_people).then_some(org), "{}", r.kind);
    }
    assert_eq!(replay, dir);

    // Powers of attorney: issued, passed on, revoked, refused.
    let view = RightSet::of(&[Right::ReportsView]);
    let mut first = terms(1, to(people[1]), view);
    first.redelegation = Redelegation::Once;
    let steps = [
        (
            head,
            Command::Delegation(DelegationCommand::IssuePower {
                org,
                terms: first,
                irrevocable: false,
            }),
        ),
        (
            people[1],
            Command::Delegation(DelegationCommand::RedelegatePower {
                parent: num(1),
                terms: terms(2, to(people[2]), view),
            }),
        ),
        (
            people[2],
            Command::Delegation(DelegationCommand::RefusePower { number: num(2) }),
        ),
        (
            head,
            Command::Delegation(DelegationCommand::RevokePower {
                number: num(1),
                ground: None,
            }),
        ),
    ];
    for (who, command) in steps {
        let ctx = signed(&dir, who, T0);
        let r = recorded(&mut dir, command, &ctx);
        assert!(!r.refused(), "{}: {:?}", r.kind, r.outcome);
        assert_eq!(r.organization, Some(org), "{}", r.kind);
        assert!(r.basis.is_some(), "{}: the authority is recorded", r.kind);
    }

    // Applications: created with the organization named, then acted on by
    // number alone.
    let ctx = Context::account(head, t(T0));
    let r = recorded(
        &mut dir,
        Command::Application(ApplicationCommand::Create {
            org,
            kind: "report".into(),
            title: "Отчёт".into(),
        }),
        &ctx,
    );
    assert_eq!(
        (r.kind.as_str(), r.organization),
        ("application", Some(org))
    );
    let Some(Event::Application(ApplicationEvent::Created { application, .. })) =
        r.outcome.events().first()
    else {
        panic!("{:?}", r.outcome)
    };
    let r = recorded(
        &mut dir,
        Command::Application(ApplicationCommand::AddComment {
            application: *application,
            text: "проверено".into(),
        }),
        &ctx,
    );
    assert_eq!(r.organization, Some(org));
    // A refused command about an unknown application concerns nobody known.
    let r = recorded(
        &mut dir,
        Command::Application(ApplicationCommand::Submit {
            application: kabinet::applications::ApplicationId(999),
        }),
        &ctx,
    );
    assert!(r.refused());
    assert_eq!(r.organization, None);
}
