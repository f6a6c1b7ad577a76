//! `kabinet report access`: the periodic access review of an organization
//! (DOMAIN §5) over a journal database.
//!
//! `kabinet report access --db <path> --org <id> [--format json|csv|html]
//! [--unused-days 90] [--at <time>]` lists every member with their standing,
//! status, roles, rights granted individually beyond their roles, every
//! right they can exercise and why (head, role, grant), and when they last
//! acted — "used" is the last journal entry of that account, for any
//! organization; members with none within `--unused-days` are flagged.
//! Powers of attorney the organization gave that expire within 30 days are
//! listed after the members (`expiring_powers`).
//!
//! Exit codes: 0 the report was printed, 2 usage (missing database, unknown
//! organization).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use kabinet::decisions::Basis;
use kabinet::delegation::Representative;
use kabinet::journal::Filter;
use kabinet::{AccountId, Actor, Coded, Kabinet, OrgId, Timestamp};
use serde::Serialize;

/// Reports.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// The access review: who holds which right and why.
    Access {
        /// The database file.
        #[arg(long)]
        db: PathBuf,
        /// The organization's number.
        #[arg(long)]
        org: u64,
        /// The output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Accounts with no journal entry for this many days are flagged unused.
        #[arg(long, default_value_t = 90)]
        unused_days: u32,
        /// The time of the review (RFC 3339); now by default.
        #[arg(long)]
        at: Option<Timestamp>,
    },
}

/// Output formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// One JSON document.
    Json,
    /// One line per member.
    Csv,
    /// A standalone HTML page.
    Html,
}

/// One member under review.
#[derive(Debug, Serialize)]
struct MemberReview {
    account: u64,
    name: String,
    standing: String,
    status: String,
    roles: Vec<String>,
    /// Rights granted individually, beyond the roles.
    beyond_roles: Vec<String>,
    /// Every right the member can exercise now, with its sources.
    rights: Vec<RightReview>,
    last_used: Option<Timestamp>,
    unused: bool,
    /// Numbers of the powers of attorney from the organization the member
    /// holds that have not ended at the time of the review.
    powers_held: Vec<String>,
    /// What the reviewer should look at: `dismissed_holds_power` when a
    /// dismissed member still holds a power (dismissal does not end it).
    flags: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
struct RightReview {
    right: String,
    because: Vec<String>,
}

/// The whole review.
#[derive(Debug, Serialize)]
struct AccessReview {
    organization: u64,
    name: String,
    at: Timestamp,
    unused_days: u32,
    members: Vec<MemberReview>,
    /// Powers of attorney the organization gave that expire within 30 days.
    expiring_powers: Vec<ExpiringPower>,
}

/// A power of attorney about to expire.
#[derive(Debug, Serialize)]
struct ExpiringPower {
    number: String,
    representative: String,
    powers: Vec<String>,
    valid_until: Timestamp,
}

/// How far ahead expiring powers of attorney are listed (DOMAIN §5, §8).
const EXPIRING_DAYS: u32 = 30;

/// Runs a report.
pub fn run(command: ReportCommand) -> ExitCode {
    let ReportCommand::Access {
        db,
        org,
        format,
        unused_days,
        at,
    } = command;
    if !db.is_file() {
        return crate::fail(
            "store.not_found",
            format!("no database at {}", db.display()),
        );
    }
    let k = match Kabinet::open(&db) {
        Ok(k) => k,
        Err(e) => return crate::fail_coded(&e),
    };
    let at = at.unwrap_or_else(Kabinet::now);
    let review = match review(&k, OrgId(org), at, unused_days) {
        Ok(r) => r,
        Err(message) => return crate::fail("report.failed", message),
    };
    let text = match format {
        Format::Json => serde_json::to_string_pretty(&review).unwrap_or_default(),
        Format::Csv => csv(&review),
        Format::Html => html(&review),
    };
    println!("{text}");
    ExitCode::SUCCESS
}

fn basis(b: &Basis) -> String {
    match b {
        Basis::Head => "head".into(),
        Basis::Role(r) => format!("role {r}"),
        Basis::Grant => "grant".into(),
        Basis::PowerOfAttorney => "power of attorney".into(),
    }
}

fn review(
    k: &Kabinet,
    org: OrgId,
    at: Timestamp,
    unused_days: u32,
) -> Result<AccessReview, String> {
    let dir = k.read();
    let o = dir
        .organization(org)
        .ok_or_else(|| format!("organization {org} not found"))?;
    let cutoff = at
        .checked_sub(jiff::SignedDuration::from_hours(
            24 * i64::from(unused_days),
        ))
        .unwrap_or(at);
    let mut members = Vec::new();
    for (account, m) in dir.members(org) {
        let last_used = last_used(k, account).map_err(|e| e.message_en())?;
        let powers_held: Vec<String> = dir
            .powers_held_from(org, account, at)
            .iter()
            .map(|p| p.number.to_string())
            .collect();
        let mut flags = Vec::new();
        if m.status == kabinet::employees::MembershipStatus::Dismissed && !powers_held.is_empty() {
            flags.push("dismissed_holds_power");
        }
        let role_rights = m.roles.iter().fold(kabinet::RightSet::EMPTY, |acc, r| {
            acc.union(o.role_rights(r))
        });
        members.push(MemberReview {
            account: account.0,
            name: dir
                .account(account)
                .map(|a| a.name.to_string())
                .unwrap_or_default(),
            standing: format!("{:?}", m.standing).to_lowercase(),
            status: m.status.code().to_owned(),
            roles: m.roles.iter().map(|r| r.to_string()).collect(),
            beyond_roles: m
                .grants
                .iter()
                .filter(|r| !role_rights.contains(*r))
                .map(|r| r.code().to_owned())
                .collect(),
            rights: dir
                .effective_rights(account, org, at)
                .iter()
                .map(|r| RightReview {
                    right: r.right.code().to_owned(),
                    because: r.sources.iter().map(basis).collect(),
                })
                .collect(),
            last_used,
            unused: last_used.is_none_or(|t| t < cutoff),
            powers_held,
            flags,
        });
    }
    Ok(AccessReview {
        organization: org.0,
        name: o.requisites.full_name.to_string(),
        at,
        unused_days,
        members,
        expiring_powers: dir
            .powers_expiring_within(Some(org), at, EXPIRING_DAYS)
            .into_iter()
            .map(|p| ExpiringPower {
                number: p.number.to_string(),
                representative: match &p.representative {
                    Representative::Account { account } => account.to_string(),
                    Representative::Person { snils, inn, .. } => snils
                        .as_ref()
                        .map(|s| format!("СНИЛС {s}"))
                        .or_else(|| inn.as_ref().map(|i| format!("ИНН {i}")))
                        .unwrap_or_default(),
                },
                powers: p.powers.iter().map(|r| r.code().to_owned()).collect(),
                valid_until: p.valid_until,
            })
            .collect(),
    })
}

/// The time of the last journal entry of an account.
fn last_used(
    k: &Kabinet,
    account: AccountId,
) -> Result<Option<Timestamp>, kabinet::store::StoreError> {
    let mut last = None;
    k.store().scan(
        &Filter {
            actor: Some(Actor::Account(account)),
            ..Filter::default()
        },
        &mut |e| {
            last = Some(last.map_or(e.record.at, |t: Timestamp| t.max(e.record.at)));
            true
        },
    )?;
    Ok(last)
}

fn csv(r: &AccessReview) -> String {
    let mut out = String::from(
        "account,name,standing,status,roles,beyond_roles,rights,last_used,unused,powers_held,flags",
    );
    for m in &r.members {
        let rights: Vec<String> = m
            .rights
            .iter()
            .map(|x| format!("{} ({})", x.right, x.because.join("; ")))
            .collect();
        let fields = [
            m.account.to_string(),
            m.name.clone(),
            m.standing.clone(),
            m.status.clone(),
            m.roles.join(" "),
            m.beyond_roles.join(" "),
            rights.join(" "),
            m.last_used.map(|t| t.to_string()).unwrap_or_default(),
            m.unused.to_string(),
            m.powers_held.join(" "),
            m.flags.join(" "),
        ];
        out.push('\n');
        out.push_str(
            &fields
                .iter()
                .map(|f| kabinet::journal::export::csv_cell(f))
                .collect::<Vec<_>>()
                .join(","),
        );
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn html(r: &AccessReview) -> String {
    let mut out = format!(
        "<!doctype html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Access review: {name}</title></head><body>\n\
         <h1>Access review: {name} ({org})</h1>\n<p>At {at}; unused = no journal entry for {days} days.</p>\n\
         <table border=\"1\">\n<tr><th>account</th><th>name</th><th>standing</th><th>status</th><th>roles</th>\
         <th>beyond roles</th><th>rights (why)</th><th>last used</th><th>unused</th><th>powers held</th><th>flags</th></tr>\n",
        name = esc(&r.name),
        org = r.organization,
        at = r.at,
        days = r.unused_days
    );
    for m in &r.members {
        let rights: Vec<String> = m
            .rights
            .iter()
            .map(|x| format!("{} ({})", esc(&x.right), esc(&x.because.join("; "))))
            .collect();
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            m.account,
            esc(&m.name),
            esc(&m.standing),
            esc(&m.status),
            esc(&m.roles.join(", ")),
            esc(&m.beyond_roles.join(", ")),
            rights.join("<br>"),
            m.last_used.map(|t| t.to_string()).unwrap_or_else(|| "never".into()),
            if m.unused { "yes" } else { "no" },
            esc(&m.powers_held.join(", ")),
            esc(&m.flags.join(", "))
        ));
    }
    out.push_str("</table>\n<h2>Powers of attorney expiring within 30 days</h2>\n");
    if r.expiring_powers.is_empty() {
        out.push_str("<p>none</p>\n");
    } else {
        out.push_str("<table border=\"1\">\n<tr><th>number</th><th>representative</th><th>powers</th><th>valid until</th></tr>\n");
        for p in &r.expiring_powers {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                esc(&p.number),
                esc(&p.representative),
                esc(&p.powers.join(", ")),
                p.valid_until
            ));
        }
        out.push_str("</table>\n");
    }
    out.push_str("</body></html>");
    out
}
