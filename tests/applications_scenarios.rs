//! Scenarios of DOMAIN §8 and the guides: applications with numbers,
//! documents recognized by content, a submission missing a document
//! returned with the list, statuses with history, rights from the catalog.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::applications::*;
use kabinet::identifiers::{Inn, Snils};
use kabinet::notifications::{Category, NotificationCommand};
use kabinet::*;
use support::*;

const PDF: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n";
const XML: &[u8] = b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><\xD4\xE0\xE9\xEB/>";

fn qualified(dir: &Directory, who: AccountId) -> SignatureEvidence {
    let a = dir.account(who).unwrap();
    SignatureEvidence::certified(
        SignatureLevel::Qualified,
        SignerIdentity {
            snils: a.snils.clone(),
            inn: a.inn.clone(),
            organization_inn: Some(Inn::parse(COMPANY_INN).unwrap()),
            ..SignerIdentity::default()
        },
    )
}

fn create(dir: &mut Directory, by: AccountId, org: OrgId, kind: &str) -> (ApplicationId, String) {
    let ev = run(
        dir,
        Command::Application(ApplicationCommand::Create {
            org,
            kind: kind.into(),
            title: "Изменение сведений".into(),
        }),
        &Context::account(by, t(T0)),
    );
    let Event::Application(ApplicationEvent::Created {
        application,
        ref number,
        ..
    }) = ev[0]
    else {
        panic!("not created")
    };
    (application, number.clone())
}

fn attach(
    application: ApplicationId,
    slot: &str,
    bytes: &[u8],
    signature: Option<SignatureLevel>,
) -> Command {
    let content = DocumentContent::inspect(bytes, bytes.len() as u64, 10 * 1024 * 1024).unwrap();
    Command::Application(ApplicationCommand::AttachDocument {
        application,
        slot: slot.into(),
        file_name: format!("{slot}.bin"),
        content,
        signature,
    })
}

#[test]
fn an_application_without_a_required_document_returns_with_the_list() {
    let (mut dir, head, org) = world();
    let (app, number) = create(&mut dir, head, org, "registration_change");
    assert_eq!(number, format!("ЗВ-{}-000001", org.0));
    let me = Context::account(head, t(T0));
    run(
        &mut dir,
        attach(app, "form", XML, Some(SignatureLevel::Simple)),
        &me,
    );
    let submit = Command::Application(ApplicationCommand::Submit { application: app });
    let signed = me.clone().signed(qualified(&dir, head));
    let ev = run(&mut dir, submit.clone(), &signed);
    let Event::Application(ApplicationEvent::Returned { missing, .. }) = &ev[0] else {
        panic!("not returned: {ev:?}")
    };
    assert_eq!(
        missing,
        &[
            Missing::Signature {
                slot: "form".into(),
                required: SignatureLevel::Qualified,
                offered: Some(SignatureLevel::Simple),
            },
            Missing::Document {
                slot: "charter".into()
            },
        ]
    );
    let a = dir.application_state().get(app).unwrap();
    assert_eq!(a.status, ApplicationStatus::Draft);
    // The applicant is told.
    let notices = dir.notices_for(&ev[0], t(T0));
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].reference, number);

    // Replacing the form keeps the first one in the history.
    run(
        &mut dir,
        attach(app, "form", PDF, Some(SignatureLevel::Qualified)),
        &me,
    );
    run(&mut dir, attach(app, "charter", PDF, None), &me);
    let a = dir.application_state().get(app).unwrap();
    assert_eq!(a.document("form").unwrap().version, 2);
    assert_eq!(a.document("form").unwrap().format, DocumentFormat::Pdf);
    assert_eq!(a.replaced.len(), 1);
    assert_eq!(a.replaced[0].format, DocumentFormat::Xml);

    let ev = run(&mut dir, submit, &signed);
    let Event::Application(ApplicationEvent::StatusChanged { status, .. }) = &ev[0] else {
        panic!("not submitted: {ev:?}")
    };
    assert_eq!(*status, ApplicationStatus::Processing);
    let notices = dir.notices_for(&ev[0], t(T0));
    assert_eq!(notices[0].category, Category::ApplicationRegistered);
}

#[test]
fn the_agency_moves_it_through_statuses_with_history_and_comments() {
    take_log();
    let (mut dir, head, org) = world();
    let (app, _) = create(&mut dir, head, org, "report");
    let me = Context::account(head, t(T0));
    run(
        &mut dir,
        attach(app, "form", XML, Some(SignatureLevel::Qualified)),
        &me,
    );
    let signed = me.clone().signed(qualified(&dir, head));
    run(
        &mut dir,
        Command::Application(ApplicationCommand::Submit { application: app }),
        &signed,
    );
    let sys = Context::system(t(T0));
    let set = |status, comment: Option<&str>| {
        Command::Application(ApplicationCommand::SetStatus {
            application: app,
            status,
            comment: comment.map(str::to_owned),
        })
    };
    run(
        &mut dir,
        set(
            ApplicationStatus::AwaitingConfirmation,
            Some("уточните период"),
        ),
        &sys,
    );
    // Only the agency decides; only an approver confirms.
    let e = dir
        .run(set(ApplicationStatus::Approved, None), &me)
        .unwrap_err();
    assert_eq!(Coded::code(&e), "command.system_only");
    run(
        &mut dir,
        Command::Application(ApplicationCommand::Confirm { application: app }),
        &signed,
    );
    run(
        &mut dir,
        Command::Application(ApplicationCommand::AddComment {
            application: app,
            text: "период уточнён".into(),
        }),
        &me,
    );
    let ev = run(&mut dir, set(ApplicationStatus::Approved, None), &sys);
    let e = dir
        .run(set(ApplicationStatus::Rejected, None), &sys)
        .unwrap_err();
    assert_eq!(Coded::code(&e), "application.wrong_status");
    let a = dir.application_state().get(app).unwrap();
    let statuses: Vec<_> = a.history.iter().map(|h| h.status.title_ru()).collect();
    assert_eq!(
        statuses,
        [
            "Черновик",
            "В обработке",
            "Ожидает подтверждения",
            "В обработке",
            "Одобрено"
        ]
    );
    assert_eq!(a.history[2].comment.as_deref(), Some("уточните период"));
    assert_eq!(a.comments.len(), 1);
    // The final decision reaches the applicant and the head (here the same
    // person): one recipient.
    let n = &dir.notices_for(&ev[0], t(T0))[0];
    assert_eq!(dir.recipients(n), [head]);
    let queued = run(
        &mut dir,
        Command::Notification(NotificationCommand::Notify { notice: n.clone() }),
        &sys,
    );
    assert!(!queued.is_empty());
    // The journal rebuilds applications and the outbox exactly.
    let log = take_log();
    let json = serde_json::to_string(&log).unwrap();
    let mut replayed = Directory::new();
    for e in serde_json::from_str::<Vec<Event>>(&json).unwrap() {
        replayed.apply(&e);
    }
    assert_eq!(replayed, dir);
}

#[test]
fn rights_of_the_catalog_decide_who_creates_and_who_submits() {
    let (mut dir, head, org) = world();
    let operator = person(&mut dir, "Оператор", &snils_of(1), None, "op@example.ru");
    let observer = person(&mut dir, "Наблюдатель", &snils_of(2), None, "ob@example.ru");
    hire(
        &mut dir,
        org,
        head,
        operator,
        vec![RoleRef::BuiltIn(BuiltInRole::Operator)],
    );
    hire(
        &mut dir,
        org,
        head,
        observer,
        vec![RoleRef::BuiltIn(BuiltInRole::Observer)],
    );
    let create_cmd = Command::Application(ApplicationCommand::Create {
        org,
        kind: "request".into(),
        title: "Запрос справки".into(),
    });
    let e = dir
        .run(create_cmd.clone(), &Context::account(observer, t(T0)))
        .unwrap_err();
    assert_eq!(Coded::code(&e), "access.denied");
    let (app, _) = create(&mut dir, operator, org, "request");
    // A simple signature cannot send it: applications.approve needs КЭП.
    let submit = Command::Application(ApplicationCommand::Submit { application: app });
    let e = dir
        .run(submit.clone(), &Context::account(operator, t(T0)))
        .unwrap_err();
    assert_eq!(Coded::code(&e), "access.denied");
    assert!(
        Coded::message_en(&e).contains("signature"),
        "{}",
        Coded::message_en(&e)
    );
    // Sequence numbers are per organization and never repeat.
    let (_, second) = create(&mut dir, operator, org, "request");
    assert_eq!(second, format!("ЗВ-{}-000002", org.0));
    let _ = Snils::parse(&snils_of(1)).unwrap();
}

#[test]
fn documents_are_checked_by_content_and_size() {
    let (mut dir, head, org) = world();
    let (app, _) = create(&mut dir, head, org, "report");
    let max = 10 * 1024 * 1024;
    // An executable renamed to .pdf is refused by its content.
    let e = DocumentContent::inspect(b"MZ\x90\x00\x03", 5, max).unwrap_err();
    assert_eq!(Coded::code(&e), "document.unrecognized_content");
    let e = DocumentContent::inspect(PDF, max + 1, max).unwrap_err();
    assert_eq!(Coded::code(&e), "document.too_large");
    assert!(Coded::message_ru(&e).contains("10485760"));
    // A JPEG is not a report form.
    let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'];
    let me = Context::account(head, t(T0));
    let e = dir
        .run(
            attach(app, "form", &jpeg, Some(SignatureLevel::Qualified)),
            &me,
        )
        .unwrap_err();
    assert_eq!(Coded::code(&e), "document.wrong_format");
    let e = dir.run(attach(app, "nope", PDF, None), &me).unwrap_err();
    assert_eq!(Coded::code(&e), "application.unknown_slot");
    // Only the first bytes and the size: the format still comes from content.
    let head_only = DocumentContent::inspect(&PDF[..8], 4 * 1024 * 1024, max).unwrap();
    assert_eq!(head_only.format, DocumentFormat::Pdf);
    assert_eq!(head_only.sha256, None);
    let whole = DocumentContent::inspect(PDF, PDF.len() as u64, max).unwrap();
    assert!(whole.sha256.is_some());
}
