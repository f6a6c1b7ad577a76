//! The access review as a security officer uses it: the HTML page opened in
//! a real browser (Debian's Chromium, headless; `./scripts/test` installs
//! it, and this test fails when it is missing) loads without a script error,
//! shows every flag with its count, sorts its columns, and is captured as a
//! screenshot under the target folder; the XLSX and CSV exports carry the
//! formula-injection payloads as inert text.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod bound_pki;
mod common;
mod support;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

use bound_pki::{bind, Pki, HEAD};
use kabinet::accounts::PersonName;
use kabinet::*;
use support::*;

const REVIEW_AT: &str = "2026-03-10T00:00:00Z";
/// An employee's surname carrying a spreadsheet formula, and another.
const FORMULA: &str = "=cmd|' /C calc'!A0";
const AT_FORMULA: &str = "@SUM(A1)";

/// A company whose review raises every flag: a grant beyond roles, unused
/// members, a power and a certificate ending within 30 days, a dismissed
/// member still holding a power; and two employees named like formulas.
fn company(name: &str) -> (PathBuf, OrgId) {
    let path = fresh_temp_path(name);
    let (_dir, head, org, people) = staffed_world();
    let k = Kabinet::open(&path).unwrap();
    for (c, ctx) in take_commands() {
        k.execute(c, &ctx).unwrap();
    }
    let at = |s: &str| Context::account(head, t(s));
    let signed = |s: &str| at(s).signed(qes(&k.read(), head));
    // the head's certificate ends on 2026-03-25
    let pki = Pki::new();
    let report = pki.report(&pki.leaf(&HEAD, 41, (2026, 3, 25)), bound_pki::AT);
    assert!(report.valid, "{:?}", report.problems);
    let cert =
        kabinet::certificates::BoundCertificate::from_report(&report, t(bound_pki::AT)).unwrap();
    k.execute(bind(org, head, cert), &at(bound_pki::AT))
        .unwrap();
    // a grant beyond the clerk's roles
    k.execute(
        Command::Roles(RoleCommand::GrantRights {
            org,
            account: people[2],
            rights: RightSet::of(&[Right::ReportsView]),
        }),
        &at("2026-03-09T09:00:00Z"),
    )
    .unwrap();
    // the administrator's power ends on 2026-03-20
    let mut short = terms(8, to(people[0]), RightSet::of(&[Right::ReportsView]));
    short.valid_until = Some(t("2026-03-20T00:00:00Z"));
    let issue = |terms| {
        Command::Delegation(DelegationCommand::IssuePower {
            org,
            terms,
            irrevocable: false,
        })
    };
    k.execute(issue(short), &signed("2026-03-09T09:00:00Z"))
        .unwrap();
    // the accountant holds a power and is dismissed
    k.execute(
        issue(terms(9, to(people[1]), RightSet::of(&[Right::ReportsView]))),
        &signed("2026-03-09T09:00:00Z"),
    )
    .unwrap();
    k.execute(
        Command::Employees(EmployeeCommand::DismissEmployee {
            org,
            account: people[1],
        }),
        &at("2026-03-09T10:00:00Z"),
    )
    .unwrap();
    // two employees whose names a spreadsheet would take for formulas
    for (i, surname) in [(70, FORMULA), (71, AT_FORMULA)] {
        let sys = Context::system(t(T0));
        let events = k
            .execute(
                Command::Accounts(AccountCommand::RegisterAccount {
                    name: PersonName::new(surname, "Иван", None),
                    snils: Some(Snils::parse(&snils_of(i)).unwrap()),
                    inn: None,
                    email: None,
                    phone: None,
                }),
                &sys,
            )
            .unwrap();
        let Event::Accounts(AccountEvent::AccountRegistered { account, .. }) = events[0] else {
            panic!()
        };
        for level in [
            kabinet::accounts::AccountLevel::Standard,
            kabinet::accounts::AccountLevel::Confirmed,
        ] {
            k.execute(
                Command::Accounts(AccountCommand::RaiseAccountLevel { account, level }),
                &sys,
            )
            .unwrap();
        }
        let events = k
            .execute(
                Command::Employees(EmployeeCommand::InviteEmployee {
                    org,
                    invitee: kabinet::employees::Invitee::Snils(
                        Snils::parse(&snils_of(i)).unwrap(),
                    ),
                    name: PersonName::new(surname, "Иван", None),
                    position: None,
                    roles: vec![],
                }),
                &at("2026-03-09T09:00:00Z"),
            )
            .unwrap();
        let Event::Employees(EmployeeEvent::InvitationSent { ref invitation }) = events[0] else {
            panic!()
        };
        k.execute(
            Command::Employees(EmployeeCommand::AcceptInvitation {
                invitation: invitation.id,
            }),
            &Context::account(account, t("2026-03-09T09:30:00Z")),
        )
        .unwrap();
    }
    (path, org)
}

fn report(db: &Path, org: OrgId, extra: &[&str]) -> Output {
    let org = org.0.to_string();
    let mut args = vec![
        "report",
        "access",
        "--db",
        db.to_str().unwrap(),
        "--org",
        &org,
        "--at",
        REVIEW_AT,
        "--unused-days",
        "5",
    ];
    args.extend(extra);
    let o = Process::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// Headless Chromium with the flags this machine needs (no sandbox as
/// root, no background networking), a fresh profile each run.
fn chromium(args: &[&str]) -> Output {
    let profile = fresh_temp_path("chromium-profile");
    let _ = std::fs::remove_dir_all(&profile);
    let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|b| Path::new(b).exists())
        .unwrap_or_else(|| {
            panic!("Chromium is missing: ./scripts/test installs it (Debian package chromium)")
        });
    let o = Process::new(binary)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            &format!("--user-data-dir={}", profile.display()),
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o
}

#[test]
fn the_review_page_loads_in_a_browser_with_every_flag_visible_and_sorts() {
    let (db, org) = company("report-browser.db");
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report");
    std::fs::create_dir_all(&folder).unwrap();
    let page = folder.join("access-review.html");
    report(
        &db,
        org,
        &["--format", "html", "--out", page.to_str().unwrap()],
    );
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<html lang=\"ru\">") && html.contains("Пересмотр доступа"));
    assert!(
        !html.contains("<script src") && !html.contains("<link"),
        "nothing from outside"
    );
    let url = format!("file://{}#selftest", page.display());

    let o = chromium(&["--dump-dom", &url]);
    let dom = String::from_utf8(o.stdout).unwrap();
    let log = String::from_utf8_lossy(&o.stderr);
    // the body's own attributes, which the page's script sets
    let body = &dom[dom.find("<body").unwrap()..];
    let body = &body[..body.find('>').unwrap()];
    assert!(
        body.contains("data-ready=\"1\""),
        "the script ran: {body}\n{log}"
    );
    assert!(!body.contains("data-errors"), "no script error: {body}");
    assert!(!log.contains("Uncaught"), "no console error:\n{log}");
    // every flag counted at the top, and shown on a member's row
    for flag in [
        "beyond_roles",
        "unused",
        "power_expiring",
        "certificate_expiring",
        "dismissed_holds_power",
    ] {
        let count = format!("data-flag=\"{flag}\"><b>");
        let at = dom
            .find(&count)
            .unwrap_or_else(|| panic!("no count of {flag}"));
        let n: String = dom[at + count.len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        assert!(n.parse::<u32>().unwrap() >= 1, "{flag}: {n}");
        assert!(
            dom.contains(&format!("<span class=\"flag flag-{flag}\">")),
            "{flag} on a row"
        );
    }
    assert!(
        dom.contains("class=\"beyond\" data-right=\"reports.view\""),
        "highlighted"
    );
    assert!(
        dom.contains("Бухгалтер") && dom.contains("Отчётность"),
        "names, not codes"
    );
    // sorted by name twice: descending, in the page's collation
    let at = body.find("data-sorted=\"").unwrap() + "data-sorted=\"".len();
    let json = body[at..body[at..].find('"').unwrap() + at]
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    let sorted: Vec<String> = serde_json::from_str(&json).unwrap();
    assert_eq!(sorted.len(), 6, "{sorted:?}");
    // descending: the three «Сотрудник», the head «Грефов», then the names
    // that begin with symbols (before letters in any collation)
    assert!(
        sorted[..3].iter().all(|n| n.starts_with("Сотрудник")),
        "{sorted:?}"
    );
    assert!(sorted[3].starts_with("Грефов"), "{sorted:?}");
    assert!(
        sorted[4..].iter().all(|n| n.starts_with(['=', '@'])),
        "{sorted:?}"
    );

    let shot = folder.join("access-review.png");
    let _ = std::fs::remove_file(&shot);
    chromium(&[
        &format!("--screenshot={}", shot.display()),
        "--window-size=1400,1000",
        &format!("file://{}", page.display()),
    ]);
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "{} bytes",
        png.len()
    );

    // in English on demand
    let o = report(&db, org, &["--format", "html", "--lang", "en"]);
    let en = String::from_utf8(o.stdout).unwrap();
    assert!(en.contains("<html lang=\"en\">") && en.contains("Access review"));
    assert!(en.contains("Accountant") && en.contains("dismissed, still holds a power"));
}

#[test]
fn spreadsheets_carry_formulas_as_inert_text() {
    let (db, org) = company("report-sheets.db");
    let csv = String::from_utf8(report(&db, org, &["--format", "csv"]).stdout).unwrap();
    assert!(
        csv.contains("'=cmd|' /C calc'!A0") && csv.contains("'@SUM(A1)"),
        "{csv}"
    );
    assert!(!csv.contains(",=cmd") && !csv.contains(",@SUM"));

    let file = fresh_temp_path("report-sheets.xlsx");
    report(
        &db,
        org,
        &["--format", "xlsx", "--out", file.to_str().unwrap()],
    );
    let mut book = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        book.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let sheet = read("xl/worksheets/sheet1.xml");
    let strings = read("xl/sharedStrings.xml");
    assert!(
        !sheet.contains("<f>") && !sheet.contains("<f "),
        "no formula cell"
    );
    assert!(
        strings.contains("=cmd|&apos; /C calc&apos;!A0") || strings.contains("=cmd|' /C calc'!A0"),
        "{strings}"
    );
    assert!(strings.contains("@SUM(A1)"));
    assert!(strings.contains("Сотрудник") && strings.contains("уволен, но держит доверенность"));
    assert!(
        sheet.contains("autoFilter") && sheet.contains("pane"),
        "filter and frozen heading"
    );

    // XLSX goes to a file only
    let o = Process::new(env!("CARGO_BIN_EXE_kabinet"))
        .args([
            "report",
            "access",
            "--db",
            db.to_str().unwrap(),
            "--org",
            &org.0.to_string(),
            "--format",
            "xlsx",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("error: report.usage: "));
}
