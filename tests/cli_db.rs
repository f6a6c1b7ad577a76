//! The database commands of the CLI: `db init|verify|export`, `report
//! access`, `import employees`, with their exit codes.
#![cfg(feature = "sqlite")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::employees::MembershipStatus;
use kabinet::journal::Filter;
use kabinet::*;
use std::path::{Path, PathBuf};
use std::process::Output;
use support::*;

fn kabinet(args: &[&str], path: &Path, more: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(args)
        .arg(path)
        .args(more)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// A company: head, administrator (people[0]), accountant (people[1]),
/// a clerk without roles (people[2]) and two people not hired.
fn company_db(name: &str) -> (PathBuf, OrgId, AccountId, Vec<AccountId>) {
    let path = fresh_temp_path(name);
    let (_dir, head, org, people) = staffed_world();
    let k = Kabinet::open(&path).unwrap();
    for (c, ctx) in take_commands() {
        k.execute(c, &ctx).unwrap();
    }
    (path, org, head, people)
}

#[test]
fn init_creates_and_verify_and_export_read() {
    let path = fresh_temp_path("cli-init.db");
    let o = kabinet(&["db", "init"], &path, &[]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("schema version 2, 0 journal entries"));
    let o = kabinet(&["db", "verify"], &path, &[]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("ok: 0 entries"));

    let missing = fresh_temp_path("cli-missing.db");
    assert_eq!(
        kabinet(&["db", "verify"], &missing, &[]).status.code(),
        Some(2)
    );
    assert!(!missing.exists(), "verify does not create a database");
    assert_eq!(
        kabinet(&["db", "export"], &path, &["--format", "xml"])
            .status
            .code(),
        Some(2)
    );

    let (path, _, _, _) = company_db("cli-export.db");
    let n = Kabinet::open(&path).unwrap().journal_head().seq as usize;
    let csv = stdout(&kabinet(&["db", "export"], &path, &["--format", "csv"]));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), n + 1);
    assert!(lines[0].starts_with("seq,at,actor,organization"));
    assert!(lines[1].starts_with("1,2026-03-02T09:00:00Z,system,"));
    let jsonl = stdout(&kabinet(&["db", "export"], &path, &["--format", "jsonl"]));
    let seqs: Vec<u64> = jsonl
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["seq"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(seqs, (1..=n as u64).collect::<Vec<_>>());

    let joined = stdout(&kabinet(
        &["db", "export"],
        &path,
        &["--format", "csv", "--kind", "member_joined", "--org", "1"],
    ));
    // the head on activation and three employees accepting
    assert_eq!(joined.lines().count(), 1 + 4, "{joined}");
    let system = stdout(&kabinet(&["db", "export"], &path, &["--actor", "system"]));
    assert!(system
        .lines()
        .all(|l| l.contains(r#""actor":{"actor":"system"}"#)));
    assert!(system.lines().count() > 10);
    assert_eq!(
        kabinet(&["db", "export"], &path, &["--actor", "nobody"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn the_access_review_says_who_holds_what_and_why() {
    let (path, org, head, people) = company_db("cli-report.db");
    let k = Kabinet::open(&path).unwrap();
    // an individual grant beyond the clerk's (empty) roles
    k.execute(
        Command::Roles(RoleCommand::GrantRights {
            org,
            account: people[2],
            rights: RightSet::of(&[Right::ReportsView]),
        }),
        &Context::account(head, t("2026-05-01T09:00:00Z")),
    )
    .unwrap();
    // The accountant holds a power from the company and is dismissed: the
    // power remains (DOMAIN §2) and the review flags it.
    let signed = Context::account(head, t("2026-05-01T09:00:00Z")).signed(qes(&k.read(), head));
    k.execute(
        Command::Delegation(DelegationCommand::IssuePower {
            org,
            terms: terms(7, to(people[1]), RightSet::of(&[Right::ReportsView])),
            irrevocable: false,
        }),
        &signed,
    )
    .unwrap();
    k.execute(
        Command::Employees(EmployeeCommand::DismissEmployee {
            org,
            account: people[1],
        }),
        &Context::account(head, t("2026-05-02T09:00:00Z")),
    )
    .unwrap();
    drop(k);
    let org_arg = org.0.to_string();
    let o = kabinet(
        &["report", "access", "--db"],
        &path,
        &["--org", &org_arg, "--at", "2026-06-15T00:00:00Z"],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let members = v["members"].as_array().unwrap();
    assert_eq!(members.len(), 4);
    let by = |a: AccountId| members.iter().find(|m| m["account"] == a.0).unwrap();
    assert_eq!(by(head)["standing"], "head");
    assert_eq!(by(people[1])["roles"][0], "accountant");
    assert_eq!(
        by(people[2])["beyond_roles"],
        serde_json::json!(["reports.view"])
    );
    let why = by(people[2])["rights"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["right"] == "reports.view")
        .unwrap()["because"]
        .clone();
    assert_eq!(why, serde_json::json!(["grant"]));
    // the head acted on 2026-05-01 (within 90 days of 2026-06-15); the
    // accountant last on 2026-03-02 (105 days before)
    assert_eq!(by(head)["unused"], false);
    assert_eq!(by(people[1])["unused"], true);
    assert_eq!(by(people[1])["status"], "dismissed");
    assert_eq!(
        by(people[1])["powers_held"],
        serde_json::json!([{"number": num(7).to_string(), "valid_until": "2027-05-01T09:00:00Z"}])
    );
    assert_eq!(
        by(people[1])["flags"],
        serde_json::json!(["unused", "dismissed_holds_power"])
    );
    assert_eq!(by(people[2])["flags"][0], "beyond_roles");
    assert_eq!(by(head)["flags"], serde_json::json!([]));
    assert_eq!(v["summary"]["members"], 4);
    assert_eq!(v["summary"]["dismissed_holds_power"], 1);
    assert_eq!(v["summary"]["beyond_roles"], 1);
    // the page and the spreadsheets: tests/report_browser.rs
    let csv = stdout(&kabinet(
        &["report", "access", "--db"],
        &path,
        &["--org", &org_arg, "--format", "csv"],
    ));
    assert_eq!(csv.lines().count(), 5);
    assert_eq!(
        kabinet(&["report", "access", "--db"], &path, &["--org", "999"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn import_plans_invites_updates_and_dismissals() {
    let (path, org, head, people) = company_db("cli-import.db");
    let hr = fresh_temp_path("cli-import.csv");
    let snils = |i: u32| snils_of(i);
    std::fs::write(
        &hr,
        format!(
            "snils,email,surname,given_name,patronymic,position,roles\n\
             {},,Сотрудник,Иван,,администратор,administrator\n\
             {},,Сотрудник,Иван,,бухгалтер,observer\n\
             {},,\"Новиков, мл.\",Пётр,Ильич,оператор,operator\n",
            snils(0),
            snils(1),
            snils(3)
        ),
    )
    .unwrap();
    let org_arg = org.0.to_string();
    let as_arg = head.0.to_string();
    let args = ["--org", org_arg.as_str(), "--as", as_arg.as_str()];
    let before = Kabinet::open(&path).unwrap().journal_head().seq;

    let mut dry: Vec<&str> = args.to_vec();
    dry.extend(["--dry-run", hr.to_str().unwrap()]);
    let o = kabinet(&["import", "employees", "--db"], &path, &dry);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let plan = stdout(&o);
    assert!(plan.starts_with("plan (4 steps"), "{plan}");
    assert!(plan.contains(&format!("assign   observer to {}", people[1])));
    assert!(plan.contains(&format!("revoke   accountant from {}", people[1])));
    assert!(plan.contains("invite   Новиков, мл. Пётр Ильич"));
    assert!(plan.contains(&format!("dismiss  {} (not in the file)", people[2])));
    dry.push("--json");
    let o = kabinet(&["import", "employees", "--db"], &path, &dry);
    assert_eq!(o.status.code(), Some(0));
    let planned: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(planned["dry_run"], true);
    let steps = planned["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 4);
    assert!(steps.iter().all(|s| s["result"] == "planned"));
    let kinds: Vec<&str> = steps.iter().map(|s| s["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"invite_employee"), "{kinds:?}");
    assert_eq!(
        Kabinet::open(&path).unwrap().journal_head().seq,
        before,
        "a dry run changes nothing"
    );

    let mut real: Vec<&str> = args.to_vec();
    real.push(hr.to_str().unwrap());
    let o = kabinet(&["import", "employees", "--db"], &path, &real);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let k = Kabinet::open(&path).unwrap();
    assert_eq!(k.journal_head().seq, before + 4);
    let dir = k.read();
    let roles: Vec<RoleRef> = dir
        .membership(org, people[1])
        .unwrap()
        .roles
        .iter()
        .collect();
    assert_eq!(roles, vec![RoleRef::BuiltIn(BuiltInRole::Observer)]);
    assert_eq!(
        dir.membership(org, people[2]).unwrap().status,
        MembershipStatus::Dismissed
    );
    assert_eq!(dir.invitations_of(org).count(), 1);
    drop(dir);
    assert_eq!(
        k.journal(&Filter {
            actor: Some(Actor::Account(head)),
            ..Filter::default()
        })
        .unwrap()
        .len(),
        4 + 3
    );

    // a second run finds nothing to do
    let o = kabinet(&["import", "employees", "--db"], &path, &real);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("nothing to do"), "{}", stdout(&o));

    // a step the actor may not take is refused and reported: exit 1
    std::fs::write(
        &hr,
        "snils,email,surname,given_name,patronymic,position,roles\n",
    )
    .unwrap();
    let clerk_arg = people[1].0.to_string();
    let o = kabinet(
        &["import", "employees", "--db"],
        &path,
        &["--org", &org_arg, "--as", &clerk_arg, hr.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("refused"));
    let o = kabinet(
        &["import", "employees", "--db"],
        &path,
        &[
            "--org",
            &org_arg,
            "--as",
            &clerk_arg,
            "--json",
            hr.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["dry_run"], false);
    let refused = report["refused"].as_u64().unwrap();
    assert!(refused > 0);
    let steps = report["steps"].as_array().unwrap();
    assert_eq!(
        steps.iter().filter(|s| s["result"] == "refused").count() as u64,
        refused
    );
    assert!(steps
        .iter()
        .filter(|s| s["result"] == "refused")
        .all(|s| s["code"].as_str().unwrap().contains('.')
            && !s["message_ru"].as_str().unwrap().is_empty()));

    // a malformed file is a usage error
    std::fs::write(&hr, "name,roles\n").unwrap();
    assert_eq!(
        kabinet(&["import", "employees", "--db"], &path, &real)
            .status
            .code(),
        Some(2)
    );
}

/// A closed pipe (`kabinet … | head`) ends a command quietly with 0, a full
/// disk with `error: output.write` and 2: never a panic.
#[test]
fn closed_and_full_outputs_end_cleanly() {
    let path = fresh_temp_path("cli-output.db");
    {
        let k = Kabinet::open(&path).unwrap();
        let batch = (0..800)
            .map(|i| (registration(i), Context::system(t(T0))))
            .collect();
        k.execute_batch(batch).unwrap();
    }
    let bin = env!("CARGO_BIN_EXE_kabinet");
    for args in [
        vec!["db", "export", path.to_str().unwrap(), "--format", "csv"],
        vec!["db", "verify", path.to_str().unwrap()],
        vec!["id", "check", "inn", "7707083893", "--json"],
    ] {
        // The reader goes away at once, before the command writes (or, for
        // the export's hundreds of KB, before it has written them all).
        let mut child = std::process::Command::new(bin)
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    }
    for args in [
        vec!["db", "export", path.to_str().unwrap()],
        vec!["db", "verify", path.to_str().unwrap()],
        vec!["id", "check", "inn", "7707083893"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(bin)
            .args(&args)
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("error: output.write"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// `db verify --json`: one object, `intact` with the head and root, or
/// `broken` with the entry, code and both messages; the same exit codes.
#[test]
fn verify_reports_as_json() {
    let (path, _, _, _) = company_db("cli-verify-json.db");
    let o = kabinet(&["db", "verify"], &path, &["--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["verdict"], "intact");
    assert!(v["entries"].as_u64().unwrap() > 10);
    assert_eq!(v["root"].as_str().unwrap().len(), 64);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE journal SET result = 'access.denied' WHERE seq = 3",
            [],
        )
        .unwrap();
    let o = kabinet(&["db", "verify"], &path, &["--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["verdict"], "broken");
    assert_eq!(v["seq"], 3);
    assert_eq!(v["code"], "journal.columns");
    assert!(v["message_ru"].as_str().unwrap().contains("3"));
    // A missing database: the one error format on standard error.
    let o = kabinet(
        &["db", "verify"],
        Path::new("/nonexistent/k.db"),
        &["--json"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("error: store.not_found: "));
}

/// The README's import runs as written on `examples/data/staff.csv`, and
/// `--help` says which columns the file has.
#[test]
fn the_sample_staff_file_imports_and_help_names_the_columns() {
    let (path, org, head, _) = company_db("cli-sample-staff.db");
    let staff = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/staff.csv");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(["import", "employees", "--db"])
        .arg(&path)
        .args(["--org", &org.0.to_string(), "--as", &head.0.to_string()])
        .arg(&staff)
        .arg("--dry-run")
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(stdout(&o).matches("invite ").count(), 4, "{}", stdout(&o));
    let help = std::process::Command::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(["import", "employees", "--help"])
        .output()
        .unwrap();
    assert!(stdout(&help).contains("snils,email,surname,given_name,patronymic,position,roles"));
}

/// The import says what is wrong in the tool's one error format.
#[test]
fn import_failures_have_codes() {
    let (path, org, head, _) = company_db("cli-import-codes.db");
    let bad = fresh_temp_path("bad-staff.csv");
    std::fs::write(&bad, "name,role\nИванов,accountant\n").unwrap();
    let run = |csv: &Path, org: u64| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kabinet"))
            .args(["import", "employees", "--db"])
            .arg(&path)
            .args(["--org", &org.to_string(), "--as", &head.0.to_string()])
            .arg(csv)
            .output()
            .unwrap()
    };
    let o = run(&bad, org.0);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("error: import.csv: the header must be"));
    let staff = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/staff.csv");
    let o = run(&staff, 999);
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("error: import.organization: "));
    let o = run(Path::new("/nonexistent/staff.csv"), org.0);
    assert!(
        String::from_utf8_lossy(&o.stderr).starts_with("error: file."),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn an_entry_is_proved_and_the_proof_checked_without_the_database() {
    let (path, _, _, _) = company_db("cli-prove.db");
    let o = kabinet(&["db", "init"], &path, &["--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["schema_version"], 2);
    let entries = v["entries"].as_u64().unwrap();
    assert!(entries > 3);

    let o = kabinet(&["db", "prove"], &path, &["3"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let proof = fresh_temp_path("cli-prove.proof.json");
    std::fs::write(&proof, &o.stdout).unwrap();
    let key = fresh_temp_path("cli-prove.key");
    assert_eq!(
        kabinet(&["db", "checkpoint-key"], &key, &[]).status.code(),
        Some(0)
    );
    let o = kabinet(
        &["db", "checkpoint"],
        &path,
        &["--key", key.to_str().unwrap()],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let checkpoint = fresh_temp_path("cli-prove.checkpoint.json");
    std::fs::write(&checkpoint, &o.stdout).unwrap();

    let o = kabinet(&["db", "check-proof"], &proof, &[]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("ok: entry 3 is in the journal of"));
    let o = kabinet(
        &["db", "check-proof"],
        &proof,
        &["--checkpoint", checkpoint.to_str().unwrap(), "--json"],
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        (o.status.code(), &v["valid"], &v["seq"]),
        (Some(0), &serde_json::json!(true), &serde_json::json!(3))
    );
    assert_eq!(v["size"], entries);

    // a proof whose root was changed proves nothing
    let mut forged: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&proof).unwrap()).unwrap();
    let root = forged["root"].as_str().unwrap().to_owned();
    let flipped = if root.starts_with('0') { "1" } else { "0" };
    forged["root"] = format!("{flipped}{}", &root[1..]).into();
    std::fs::write(&proof, forged.to_string()).unwrap();
    let o = kabinet(&["db", "check-proof"], &proof, &["--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        (o.status.code(), &v["valid"]),
        (Some(1), &serde_json::json!(false))
    );
    assert!(v["code"].as_str().unwrap().contains('.'), "{v}");
    assert!(!v["message_ru"].as_str().unwrap().is_empty());
}

/// Runs the tool under a pseudo-terminal (`script`, util-linux) and returns
/// everything the terminal received.
fn on_a_terminal(args: &[&str]) -> String {
    let line: Vec<String> = std::iter::once(env!("CARGO_BIN_EXE_kabinet").to_owned())
        .chain(args.iter().map(|a| format!("'{a}'")))
        .collect();
    let o = std::process::Command::new("script")
        .args(["-qec", &line.join(" "), "/dev/null"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn progress_bars_show_on_a_terminal_and_never_in_a_pipe() {
    let (path, org, head, _) = company_db("cli-progress.db");
    let db = path.to_str().unwrap();
    let shown = on_a_terminal(&["db", "verify", db]);
    assert!(
        shown.contains("verifying") && shown.contains("ok: "),
        "{shown}"
    );
    let piped = kabinet(&["db", "verify"], &path, &[]);
    assert!(
        piped.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&piped.stderr)
    );
    assert!(!stdout(&piped).contains("verifying"));

    let hr = fresh_temp_path("cli-progress.csv");
    std::fs::write(
        &hr,
        format!(
            "snils,email,surname,given_name,patronymic,position,roles\n{},,Новая,Анна,,,accountant\n",
            snils_of(60)
        ),
    )
    .unwrap();
    let (org, head) = (org.0.to_string(), head.0.to_string());
    let import = [
        "import",
        "employees",
        "--db",
        db,
        "--org",
        &org,
        "--as",
        &head,
    ];
    let shown = on_a_terminal(&[&import[..], &[hr.to_str().unwrap()]].concat());
    assert!(
        shown.contains("importing") && shown.contains("done "),
        "{shown}"
    );
    std::fs::write(
        &hr,
        format!(
            "snils,email,surname,given_name,patronymic,position,roles\n{},,Новая,Анна,,,accountant\n{},,Другая,Анна,,,hr\n",
            snils_of(60),
            snils_of(61)
        ),
    )
    .unwrap();
    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(import)
        .arg(&hr)
        .output()
        .unwrap();
    assert!(
        piped.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&piped.stderr)
    );
    assert!(String::from_utf8_lossy(&piped.stdout).contains("done "));
}

#[test]
fn a_question_is_answered_as_json_and_a_wrong_one_refused_with_its_code() {
    let (path, org, head, people) = company_db("cli-query.db");
    let ask = |q: &str, more: &[&str]| {
        let mut args = vec![q];
        args.extend_from_slice(more);
        kabinet(&["db", "query"], &path, &args)
    };
    let q = format!(r#"{{"query":"organizations_of","account":{}}}"#, head.0);
    let o = ask(&q, &[]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(stdout(&o).trim(), format!("[{}]", org.0));
    let q = format!(r#"{{"query":"members","organization":{}}}"#, org.0);
    let members: serde_json::Value = serde_json::from_str(&stdout(&ask(&q, &[]))).unwrap();
    let accounts: Vec<u64> = members
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["account"].as_u64().unwrap())
        .collect();
    assert!(
        accounts.contains(&head.0) && accounts.contains(&people[1].0),
        "{members}"
    );

    // Refused: the code and both messages, exit 1.
    let q = format!(
        r#"{{"query":"enter_by_power","account":{},"power":"00000000-0000-0000-0000-000000000009"}}"#,
        people[0].0
    );
    let o = ask(&q, &["--at", "2026-03-02T09:00:00Z"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let refusal: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(refusal["code"], "delegation.not_found");
    assert!(refusal["message_ru"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));

    // Malformed: exit 2 with the form's code; no database is created.
    let o = ask(
        r#"{"query":"power_count","valid_untill":"2027-01-01"}"#,
        &[],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("query.unknown_field"));
    let long = format!(r#"{{"query":"token","token":"{}"}}"#, "x".repeat(70_000));
    let o = ask(&long, &[]);
    assert_eq!(o.status.code(), Some(2));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("query.malformed") && said.len() < 1024,
        "{said}"
    );
    let missing = fresh_temp_path("cli-query-missing.db");
    let o = kabinet(&["db", "query"], &missing, &[r#"{"query":"power_count"}"#]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("store.not_found"));
    assert!(!missing.exists());
}
