//! The access review as one self-contained HTML page: the counts of every
//! flag at the top, a row per member (name and standing, roles, status,
//! rights grouped by area with why each is held — those beyond the roles
//! highlighted —, last action, powers of attorney and certificates with
//! their ends, the flags as coloured marks), then the organization's powers
//! about to expire. Columns sort on a click; the page prints (`@media
//! print`). Nothing is loaded from outside: the style and the script are
//! inside (`page.css`, `page.js`).

use std::fmt::Write;

use super::labels::{Lang, Words};
use super::review::{AccessReview, Flag, MemberReview, RightReview};
use kabinet::Timestamp;

const CSS: &str = include_str!("page.css");
const JS: &str = include_str!("page.js");

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The date of an instant (UTC).
pub fn day(t: Timestamp) -> String {
    t.strftime("%Y-%m-%d").to_string()
}

/// The page.
pub fn html(r: &AccessReview, lang: Lang) -> String {
    let w = lang.words();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{l}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}: {name}</title><style>\n{CSS}</style></head>\n<body>\n\
         <h1>{title}: {name}</h1>\n<p class=\"lead\">{at_word} {at}; {rule} {days} {days_word}.</p>\n",
        l = w.lang,
        title = w.title,
        name = esc(&r.name),
        at_word = w.at,
        at = r.at.strftime("%Y-%m-%d %H:%M UTC"),
        rule = w.unused_rule,
        days = r.unused_days,
        days_word = if lang == Lang::Ru { "дней" } else { "days" },
    );
    summary(&mut out, r, lang);
    let _ = write!(
        out,
        "<p class=\"hint noprint\">{hint}</p>\n<table id=\"members\" class=\"sortable\">\n<thead><tr>\
         <th data-sort>{name}</th><th data-sort>{role}</th><th data-sort>{status}</th><th>{rights}</th>\
         <th data-sort>{last}</th><th data-sort>{powers}</th><th data-sort>{certs}</th><th data-sort>{flags}</th>\
         </tr></thead>\n<tbody>\n",
        hint = w.sort_hint,
        name = w.name,
        role = w.role,
        status = w.status,
        rights = w.rights,
        last = w.last_used,
        powers = w.powers,
        certs = w.certificates,
        flags = w.flags,
    );
    for m in &r.members {
        member(&mut out, m, lang, w);
    }
    out.push_str("</tbody></table>\n");
    expiring(&mut out, r, lang, w);
    let _ = write!(out, "<script>\n{JS}</script>\n</body></html>\n");
    out
}

fn summary(out: &mut String, r: &AccessReview, lang: Lang) {
    let w = lang.words();
    let _ = write!(
        out,
        "<section class=\"summary\" id=\"summary\">\n<div class=\"count\" data-flag=\"members\"><b>{}</b>{}</div>\n",
        r.summary.members, w.members
    );
    for f in Flag::ALL {
        let n = r.summary.of(f);
        let _ = writeln!(
            out,
            "<div class=\"count flag-{code}{nz}\" data-flag=\"{code}\"><b>{n}</b>{name}</div>",
            code = f.code(),
            nz = if n > 0 { " nonzero" } else { "" },
            name = lang.flag(f),
        );
    }
    out.push_str("</section>\n");
}

fn member(out: &mut String, m: &MemberReview, lang: Lang, w: &Words) {
    let _ = write!(
        out,
        "<tr data-account=\"{}\"{}><td data-key=\"{}\">{}<br><small>{}</small></td><td>{}</td><td>{}</td><td>",
        m.account,
        if m.flags.is_empty() { "" } else { " class=\"flagged\"" },
        esc(&m.name),
        esc(&m.name),
        lang.standing(m.standing),
        esc(&lang.roles(m).join(", ")),
        lang.status(m),
    );
    rights(out, m, lang, w);
    let last = m.last_used.map(day);
    let _ = write!(
        out,
        "</td><td data-key=\"{}\">{}</td><td>",
        last.clone().unwrap_or_default(),
        last.unwrap_or_else(|| w.never.to_owned()),
    );
    ends(
        out,
        m.powers_held.iter().map(|p| (&p.number, p.valid_until)),
        w,
    );
    out.push_str("</td><td>");
    ends(
        out,
        m.certificates.iter().map(|c| (&c.serial, c.not_after)),
        w,
    );
    out.push_str("</td><td>");
    for f in &m.flags {
        let _ = write!(
            out,
            "<span class=\"flag flag-{}\">{}</span>",
            f.code(),
            lang.flag(*f)
        );
    }
    out.push_str("</td></tr>\n");
}

/// Things held with their ends (powers of attorney, certificates), one a line.
fn ends<'a>(out: &mut String, items: impl Iterator<Item = (&'a String, Timestamp)>, w: &Words) {
    for (what, end) in items {
        let _ = write!(
            out,
            "{} <small>{} {}</small><br>",
            esc(what),
            w.until,
            day(end)
        );
    }
}

/// The rights grouped by area, one line an area: its levels in catalog
/// order with why each is held (said once when every level of the area has
/// the same reason); those beyond the roles marked.
fn rights(out: &mut String, m: &MemberReview, lang: Lang, w: &Words) {
    out.push_str("<dl class=\"rights\">");
    let mut rest = m.rights.as_slice();
    while let Some(first) = rest.first() {
        let area = first.right.area();
        let n = rest.iter().take_while(|r| r.right.area() == area).count();
        let (group, after) = rest.split_at(n);
        rest = after;
        let why = |r: &RightReview| {
            let mut why: Vec<String> = r.because.iter().map(|b| lang.because(b)).collect();
            if m.beyond_roles.contains(r.right) {
                why.push(w.beyond_roles.to_lowercase());
            }
            why.join(", ")
        };
        let shared = group.iter().all(|r| why(r) == why(first));
        let _ = write!(out, "<dt>{}</dt><dd>", lang.area(area));
        for (i, r) in group.iter().enumerate() {
            let _ = write!(
                out,
                "{}<span{} data-right=\"{}\" title=\"{}\">{}",
                if i == 0 { "" } else { ", " },
                if m.beyond_roles.contains(r.right) {
                    " class=\"beyond\""
                } else {
                    ""
                },
                r.right.code(),
                esc(lang.right(r.right)),
                lang.level(r.right.level()),
            );
            if !shared {
                let _ = write!(out, " <span class=\"why\">({})</span>", esc(&why(r)));
            }
            out.push_str("</span>");
        }
        if shared {
            let _ = write!(out, " <span class=\"why\">({})</span>", esc(&why(first)));
        }
        out.push_str("</dd>");
    }
    out.push_str("</dl>");
}

fn expiring(out: &mut String, r: &AccessReview, lang: Lang, w: &Words) {
    let _ = writeln!(out, "<h2>{}</h2>", w.expiring_powers);
    if r.expiring_powers.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", w.none);
        return;
    }
    let _ = writeln!(
        out,
        "<table id=\"expiring\" class=\"sortable\"><thead><tr><th data-sort>{}</th><th data-sort>{}</th><th>{}</th><th data-sort>{}</th></tr></thead><tbody>",
        w.number, w.representative, w.rights, w.until
    );
    for p in &r.expiring_powers {
        let names: Vec<&str> = p.powers.iter().map(|x| lang.right(x)).collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&p.number),
            esc(&p.representative),
            esc(&names.join(", ")),
            day(p.valid_until)
        );
    }
    out.push_str("</tbody></table>\n");
}
