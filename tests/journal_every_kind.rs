//! Every kind of command, the families' commands included, is journaled
//! with its kind and the organization it concerns. The list of kinds is the
//! command types' own (read from serde), so a new kind fails this test until
//! a command of it runs here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::journal::Record;
use kabinet::*;
use support::*;

/// Every tag serde reads for an internally tagged enum, from the error an
/// unknown tag gets ("unknown variant `x`, expected one of `a`, `b`"): the
/// type's own list, so a new kind cannot be missed by this test.
fn tags_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(
    mut probe: serde_json::Value,
    field: &str,
) -> Vec<String> {
    probe[field] = serde_json::json!("no_such_kind");
    let message = serde_json::from_value::<T>(probe).unwrap_err().to_string();
    let expected = message.split("expected").nth(1).unwrap();
    let tags: Vec<String> = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    assert!(!tags.is_empty(), "{message}");
    tags
}

/// The kind of a command with, for a family (`auth`, `application`, …), the
/// command within it: `auth/record_login`.
fn full_kind(command: &Command) -> String {
    let value = serde_json::to_value(command).unwrap();
    let inner = value
        .as_object()
        .unwrap()
        .iter()
        .find(|(k, _)| k.ends_with("_command"))
        .map(|(_, v)| v.as_str().unwrap().to_owned());
    match inner {
        Some(inner) => format!("{}/{inner}", command.kind()),
        None => command.kind().to_owned(),
    }
}

/// Every kind of command the directory reads, the families' commands
/// included.
fn every_kind() -> std::collections::BTreeSet<String> {
    use kabinet::applications::ApplicationCommand as A;
    use kabinet::auth::{AuthCommand, SessionCommand};
    use kabinet::certificates::CertificateCommand;
    use kabinet::notifications::NotificationCommand;
    use serde_json::json;
    let families = [
        ("auth", tags_of::<AuthCommand>(json!({}), "auth_command")),
        (
            "session",
            tags_of::<SessionCommand>(json!({}), "session_command"),
        ),
        (
            "notification",
            tags_of::<NotificationCommand>(json!({}), "notification_command"),
        ),
        (
            "application",
            tags_of::<A>(json!({}), "application_command"),
        ),
        (
            "certificate",
            tags_of::<CertificateCommand>(json!({}), "certificate_command"),
        ),
    ];
    let mut kinds = std::collections::BTreeSet::new();
    for tag in tags_of::<Command>(json!({}), "command") {
        match families.iter().find(|(family, _)| *family == tag) {
            Some((family, inner)) => kinds.extend(inner.iter().map(|i| format!("{family}/{i}"))),
            None => {
                kinds.insert(tag);
            }
        }
    }
    kinds
}

/// One command of every kind, run in turn on a staffed company (and, for a
/// registration by power, on a world of a head and a representative): each
/// record names the command's kind, which is its JSON tag, and the
/// organization the command concerns — the company when it is named, reached
/// through an invitation, power or application, or created; nobody for
/// commands about people alone and for references to nothing known.
#[test]
fn every_command_kind_is_journaled_with_its_kind_and_organization() {
    use kabinet::accounts::{AccountLevel, ContactKind};
    use kabinet::auth::{AuthEvent, CodeChannel, CodeDigest, CodePurpose, LoginMethod};
    use kabinet::notifications::NotificationEvent;
    use serde_json::json;

    let (mut dir, head, org, people) = staffed_world();
    let (admin, clerk, newcomer) = (people[0], people[2], people[3]);
    let sys = Context::system(t(T0));
    let as_head = signed(&dir, head, T0);
    let mut covered = std::collections::BTreeSet::new();
    let mut step =
        |dir: &mut Directory, json: serde_json::Value, ctx: &Context, want: Option<OrgId>| {
            let command: Command = serde_json::from_value(json.clone()).unwrap();
            let r = recorded(dir, command.clone(), ctx);
            assert_eq!(r.kind, json["command"].as_str().unwrap());
            assert_eq!(r.kind, command.kind());
            assert_eq!(r.organization, want, "{json}: {:?}", r.outcome);
            covered.insert(full_kind(&command));
            r
        };
    let events = |r: &Record| r.outcome.events().to_vec();

    // People alone.
    let r = step(
        &mut dir,
        json!({"command": "register_account", "name": {"surname": "Новиков", "given_name": "Пётр"}, "snils": snils_of(70), "inn": null, "email": "n@example.ru", "phone": null}),
        &sys,
        None,
    );
    let Some(Event::Accounts(AccountEvent::AccountRegistered { account: new, .. })) =
        events(&r).first().cloned()
    else {
        panic!("{:?}", r.outcome)
    };
    for c in [
        json!({"command": "raise_account_level", "account": new, "level": AccountLevel::Standard}),
        json!({"command": "confirm_identity", "account": new}),
        json!({"command": "change_contact", "account": new, "contact": {"kind": "phone", "value": "+79161234567"}}),
        json!({"command": "confirm_contact", "account": new, "kind": ContactKind::Phone}),
        json!({"command": "block_account", "account": new, "reason": "operator"}),
        json!({"command": "restore_account", "account": new}),
        json!({"command": "disable_account", "account": new}),
        json!({"command": "restore_account", "account": new}),
    ] {
        let r = step(&mut dir, c, &sys, None);
        assert!(!r.refused(), "{}: {:?}", r.kind, r.outcome);
    }

    // Logins, codes, tokens, sessions.
    let auth = |c: serde_json::Value| {
        let mut v = json!({"command": "auth"});
        v.as_object_mut()
            .unwrap()
            .extend(c.as_object().unwrap().clone());
        v
    };
    let digest = CodeDigest::of(head, CodePurpose::Login, "123456");
    let r = step(
        &mut dir,
        auth(
            json!({"auth_command": "record_login", "account": head, "method": LoginMethod::Password, "succeeded": true}),
        ),
        &sys,
        None,
    );
    let Some(Event::Auth(AuthEvent::LoginSucceeded { session, .. })) = events(&r).first().cloned()
    else {
        panic!("{:?}", r.outcome)
    };
    step(
        &mut dir,
        auth(json!({"auth_command": "use_totp_step", "account": head, "step": 1})),
        &sys,
        None,
    );
    step(
        &mut dir,
        auth(
            json!({"auth_command": "issue_code", "account": head, "purpose": CodePurpose::Login, "channel": CodeChannel::Email, "digest": digest}),
        ),
        &sys,
        None,
    );
    step(
        &mut dir,
        auth(
            json!({"auth_command": "submit_code", "account": head, "purpose": CodePurpose::Login, "digest": digest}),
        ),
        &sys,
        None,
    );
    step(
        &mut dir,
        auth(
            json!({"auth_command": "record_pin_entry", "token": "T-1", "account": head, "correct": false}),
        ),
        &sys,
        None,
    );
    step(
        &mut dir,
        auth(json!({"auth_command": "unlock_token", "token": "T-1"})),
        &sys,
        None,
    );
    step(
        &mut dir,
        json!({"command": "session", "session_command": "touch", "session": session}),
        &sys,
        None,
    );
    step(
        &mut dir,
        json!({"command": "session", "session_command": "end", "session": session}),
        &sys,
        None,
    );
    step(
        &mut dir,
        json!({"command": "session", "session_command": "sweep"}),
        &sys,
        None,
    );

    // Notifications: a notice about the company concerns it.
    step(
        &mut dir,
        json!({"command": "notification", "notification_command": "set_preferences", "account": head, "preferences": kabinet::notifications::Preferences::default()}),
        &sys,
        None,
    );
    let r = step(
        &mut dir,
        json!({"command": "notification", "notification_command": "notify", "notice": head_certificate_expiring(head, org)}),
        &sys,
        Some(org),
    );
    let delivery = events(&r)
        .iter()
        .find_map(|e| match e {
            Event::Notification(NotificationEvent::Queued { delivery }) => Some(delivery.id),
            _ => None,
        })
        .unwrap();
    step(
        &mut dir,
        json!({"command": "notification", "notification_command": "mark_sent", "delivery": delivery}),
        &sys,
        None,
    );

    // The company, named.
    let requisites = company_draft();
    for c in [
        json!({"command": "change_requisites", "org": org, "requisites": requisites}),
        json!({"command": "resubmit_organization", "org": org, "requisites": requisites}),
        json!({"command": "resubmit_organization_by_power", "org": org, "requisites": requisites, "power": mchd(9)}),
        json!({"command": "block_employee", "org": org, "account": clerk}),
        json!({"command": "restore_employee", "org": org, "account": clerk}),
        json!({"command": "disable_employee", "org": org, "account": clerk}),
        json!({"command": "restore_employee", "org": org, "account": clerk}),
        json!({"command": "assign_role", "org": org, "account": clerk, "role": {"built_in": "accountant"}}),
        json!({"command": "revoke_role", "org": org, "account": clerk, "role": {"built_in": "accountant"}}),
        json!({"command": "grant_rights", "org": org, "account": clerk, "rights": ["reports.view"]}),
        json!({"command": "revoke_rights", "org": org, "account": clerk, "rights": ["reports.view"]}),
        json!({"command": "create_custom_role", "org": org, "name": "Платёжник", "rights": ["payments.approve"]}),
        json!({"command": "update_custom_role", "org": org, "role": 1, "name": "Платёжник", "rights": ["payments.view"]}),
        json!({"command": "delete_custom_role", "org": org, "role": 1}),
        json!({"command": "create_access_group", "org": org, "name": "1С", "system": "1С"}),
        json!({"command": "rename_access_group", "org": org, "group": 1, "name": "1С:Бухгалтерия"}),
        json!({"command": "add_to_access_group", "org": org, "group": 1, "account": clerk}),
        json!({"command": "remove_from_access_group", "org": org, "group": 1, "account": clerk}),
        json!({"command": "add_to_access_group", "org": org, "group": 1, "account": clerk}),
        json!({"command": "clear_access_group", "org": org, "group": 1}),
        json!({"command": "delete_access_group", "org": org, "group": 1}),
        json!({"command": "certificate", "certificate_command": "unbind", "org": org, "account": clerk, "fingerprint": "00"}),
        json!({"command": "dismiss_employee", "org": org, "account": clerk}),
    ] {
        step(&mut dir, c, &as_head, Some(org));
    }

    // Reached through an invitation, then through nothing known.
    let as_newcomer = Context::account(newcomer, t(T0));
    for (closing, ctx) in [
        ("decline_invitation", &as_newcomer),
        ("revoke_invitation", &as_head),
        ("accept_invitation", &as_newcomer),
    ] {
        let r = step(
            &mut dir,
            json!({"command": "invite_employee", "org": org, "invitee": {"by": "snils", "value": snils_of(3)}, "name": {"surname": "Новенький", "given_name": "Иван"}, "position": null, "roles": []}),
            &as_head,
            Some(org),
        );
        let Some(Event::Employees(EmployeeEvent::InvitationSent { invitation })) =
            events(&r).first().cloned()
        else {
            panic!("{:?}", r.outcome)
        };
        let r = step(
            &mut dir,
            json!({"command": closing, "invitation": invitation.id}),
            ctx,
            Some(org),
        );
        assert!(!r.refused(), "{closing}: {:?}", r.outcome);
    }
    step(
        &mut dir,
        json!({"command": "revoke_invitation", "invitation": 999}),
        &as_head,
        None,
    );

    // Reached through a power of attorney.
    let power = |n: u128, account: AccountId, redelegation: &str| json!({"number": num(n), "representative": {"kind": "account", "account": account}, "powers": ["reports.view"], "redelegation": redelegation});
    let (as_admin, as_newcomer) = (signed(&dir, admin, T0), signed(&dir, newcomer, T0));
    for (c, ctx) in [
        (
            json!({"command": "issue_power", "org": org, "terms": power(1, admin, "once"), "irrevocable": false}),
            &as_head,
        ),
        (
            json!({"command": "redelegate_power", "parent": num(1), "terms": power(2, newcomer, "none")}),
            &as_admin,
        ),
        (
            json!({"command": "refuse_power", "number": num(2)}),
            &as_newcomer,
        ),
        (
            json!({"command": "revoke_power", "number": num(1), "ground": null}),
            &as_head,
        ),
    ] {
        let r = step(&mut dir, c, ctx, Some(org));
        assert!(!r.refused(), "{}: {:?}", r.kind, r.outcome);
        assert!(r.basis.is_some(), "{}: the authority is recorded", r.kind);
    }
    step(
        &mut dir,
        json!({"command": "revoke_power", "number": num(404), "ground": null}),
        &as_head,
        None,
    );
    let imported = dir.power(num(1)).unwrap().clone();
    let imported = kabinet::delegation::PowerOfAttorney {
        number: num(3),
        ..imported
    };
    step(
        &mut dir,
        json!({"command": "import_power", "power": imported}),
        &sys,
        Some(org),
    );

    // Reached through an application.
    let app = |c: serde_json::Value| {
        let mut v = json!({"command": "application"});
        v.as_object_mut()
            .unwrap()
            .extend(c.as_object().unwrap().clone());
        v
    };
    let r = step(
        &mut dir,
        app(
            json!({"application_command": "create", "org": org, "kind": "report", "title": "Отчёт"}),
        ),
        &as_head,
        Some(org),
    );
    let application = events(&r)
        .first()
        .map(|e| serde_json::to_value(e).unwrap()["application"].clone())
        .unwrap();
    for c in [
        json!({"application_command": "attach_document", "application": application, "slot": "report", "file_name": "r.xml", "content": {"format": "xml", "size": 10}, "signature": null}),
        json!({"application_command": "submit", "application": application}),
        json!({"application_command": "set_status", "application": application, "status": "awaiting_confirmation", "comment": null}),
        json!({"application_command": "confirm", "application": application}),
        json!({"application_command": "add_comment", "application": application, "text": "проверено"}),
    ] {
        step(&mut dir, app(c), &as_head, Some(org));
    }
    step(
        &mut dir,
        app(json!({"application_command": "submit", "application": 999})),
        &as_head,
        None,
    );

    // A certificate bound; the organization's own states, ending with its end.
    let certificate = json!({"fingerprint": "ab", "serial": "01", "issuer": "CN=УЦ", "subject": "CN=Сотрудник", "holder": {}, "not_before": T0, "not_after": "2027-03-02T09:00:00Z", "level": "qualified"});
    step(
        &mut dir,
        json!({"command": "certificate", "certificate_command": "bind", "org": org, "account": admin, "certificate": certificate}),
        &as_head,
        Some(org),
    );
    for c in [
        json!({"command": "record_registry_answer", "org": org, "answer": kabinet::organizations::StateRegistry::lookup(&registry(), &kabinet::identifiers::Inn::parse(COMPANY_INN).unwrap()).unwrap()}),
        json!({"command": "block_organization", "org": org, "reason": "operator"}),
        json!({"command": "unblock_organization", "org": org}),
        json!({"command": "liquidate_organization", "org": org}),
    ] {
        step(&mut dir, c, &sys, Some(org));
    }

    // Created: a submission concerns the organization it creates, found by
    // its events; a refused one (by no known account) concerns nobody.
    let mut fresh = Directory::new();
    let head_of_fresh = person(
        &mut fresh,
        "Грефов",
        HEAD_SNILS,
        Some(HEAD_INN),
        "h@example.ru",
    );
    let rep = person(
        &mut fresh,
        "Поверенный",
        &rep_snils(),
        Some(REP_INN),
        "r@example.ru",
    );
    let submissions = [
        (
            json!({"command": "submit_organization_by_power", "kind": {"kind": "legal_entity"}, "requisites": requisites, "power": mchd(1)}),
            rep,
        ),
        (
            json!({"command": "submit_organization", "kind": {"kind": "legal_entity"}, "requisites": requisites}),
            head_of_fresh,
        ),
        (
            json!({"command": "submit_organization", "kind": {"kind": "legal_entity"}, "requisites": requisites}),
            AccountId(404),
        ),
    ];
    let mut created = Vec::new();
    for (c, who) in submissions {
        let before: Vec<OrgId> = fresh.organizations().map(|o| o.id).collect();
        let command: Command = serde_json::from_value(c).unwrap();
        let r = recorded(&mut fresh, command.clone(), &Context::account(who, t(T0)));
        let after: Vec<OrgId> = fresh
            .organizations()
            .map(|o| o.id)
            .filter(|o| !before.contains(o))
            .collect();
        assert_eq!(r.kind, command.kind());
        assert_eq!(
            r.organization,
            after.first().copied(),
            "{}: {:?}",
            r.kind,
            r.outcome
        );
        created.extend(after);
        covered.insert(full_kind(&command));
    }
    assert_eq!(
        created.len(),
        2,
        "an unknown account's submission creates nothing"
    );

    let missing: Vec<_> = every_kind().difference(&covered).cloned().collect();
    assert!(
        missing.is_empty(),
        "kinds never journaled here: {missing:?}"
    );
    assert!(covered.len() >= 60, "{}", covered.len());
}

/// Each family's list of kinds, by which a command's or event's JSON finds
/// its family, is the family's own list as serde reads it.
#[test]
fn each_family_lists_the_kinds_serde_reads() {
    use serde_json::json;
    fn same<T: serde::de::DeserializeOwned + std::fmt::Debug>(kinds: &[&str], tag: &str) {
        let mut listed: Vec<&str> = kinds.to_vec();
        let mut read = tags_of::<T>(json!({}), tag);
        listed.sort_unstable();
        read.sort();
        assert_eq!(listed, read, "{}", std::any::type_name::<T>());
    }
    same::<AccountCommand>(AccountCommand::KINDS, "command");
    same::<OrganizationCommand>(OrganizationCommand::KINDS, "command");
    same::<EmployeeCommand>(EmployeeCommand::KINDS, "command");
    same::<RoleCommand>(RoleCommand::KINDS, "command");
    same::<DelegationCommand>(DelegationCommand::KINDS, "command");
    same::<AccountEvent>(AccountEvent::KINDS, "event");
    same::<OrganizationEvent>(OrganizationEvent::KINDS, "event");
    same::<EmployeeEvent>(EmployeeEvent::KINDS, "event");
    same::<RoleEvent>(RoleEvent::KINDS, "event");
    same::<DelegationEvent>(DelegationEvent::KINDS, "event");
}

/// The flat JSON form is kept: a command of a family is written with its
/// own tag and read back to the same value; a kind no family has is named
/// with every kind there is; a field a family's command lacks is refused
/// with the family's words.
#[test]
fn the_flat_json_form_reads_by_family() {
    use serde_json::json;
    let command = Command::Roles(RoleCommand::RenameAccessGroup {
        org: OrgId(1),
        group: AccessGroupId(2),
        name: "Кадры".into(),
    });
    let text = serde_json::to_value(&command).unwrap();
    assert_eq!(
        text,
        json!({"command": "rename_access_group", "org": 1, "group": 2, "name": "Кадры"})
    );
    assert_eq!(serde_json::from_value::<Command>(text).unwrap(), command);
    let unknown = serde_json::from_value::<Command>(json!({"command": "rename_group"}))
        .unwrap_err()
        .to_string();
    assert!(
        unknown.starts_with("unknown variant `rename_group`, expected one of "),
        "{unknown}"
    );
    assert!(
        unknown.contains("`rename_access_group`") && unknown.contains("`auth`"),
        "{unknown}"
    );
    let misspelt = serde_json::from_value::<Command>(
        json!({"command": "rename_access_group", "org": 1, "group": 2, "nmae": "Кадры"}),
    )
    .unwrap_err()
    .to_string();
    assert!(misspelt.starts_with("unknown field `nmae`"), "{misspelt}");
    // The tag further down the text is found too, with the same errors.
    let later: Command = serde_json::from_str(
        r#"{"org": 1, "group": 2, "name": "Кадры", "command": "rename_access_group"}"#,
    )
    .unwrap();
    assert_eq!(later, command);
    let later_misspelt = serde_json::from_str::<Command>(
        r#"{"org": 1, "group": 2, "nmae": "Кадры", "command": "rename_access_group"}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(
        later_misspelt.starts_with("unknown field `nmae`"),
        "{later_misspelt}"
    );
    let later_unknown = serde_json::from_str::<Command>(r#"{"org": 1, "command": "rename_group"}"#)
        .unwrap_err()
        .to_string();
    assert!(
        later_unknown.starts_with("unknown variant `rename_group`"),
        "{later_unknown}"
    );
    let untagged = serde_json::from_value::<Command>(json!({"org": 1}))
        .unwrap_err()
        .to_string();
    assert!(untagged.contains("missing field `command`"), "{untagged}");
    // Events too.
    let event: Event = serde_json::from_value(
        json!({"event": "access_group_renamed", "org": 1, "group": 2, "name": "Кадры"}),
    )
    .unwrap();
    assert_eq!(event.kind(), "access_group_renamed");
    assert!(matches!(
        event,
        Event::Roles(RoleEvent::AccessGroupRenamed { .. })
    ));
}

/// The worst JSON a host can send as a command is refused, not followed:
/// a value nested ten thousand deep stops at serde_json's depth limit (no
/// stack exhaustion while the family is found), and a four-megabyte array
/// in a field the family does not have is named as unknown.
#[test]
fn deep_and_large_command_json_is_refused_with_a_code() {
    use kabinet::JsonForm;
    let deep = format!(
        r#"{{"command": "assign_role", "org": 1, "account": 2, "role": {}{}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let e = kabinet::from_json::<Command>(JsonForm::Command, &deep).unwrap_err();
    assert_eq!(kabinet::Coded::code(&e), "command.malformed", "{e}");
    let large = format!(
        r#"{{"command": "assign_role", "org": 1, "account": 2, "role": {{"built_in": "accountant"}}, "extra": [{}0]}}"#,
        "0,".repeat(2_000_000)
    );
    let e = kabinet::from_json::<Command>(JsonForm::Command, &large).unwrap_err();
    assert_eq!(kabinet::Coded::code(&e), "command.unknown_field", "{e}");
    assert_eq!(e.unknown_field.as_deref(), Some("extra"));
}
