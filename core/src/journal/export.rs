//! Exports for audit: CSV (RFC 4180) and JSON Lines, one entry at a time.
//!
//! The core builds the text; the caller writes it where it wants.

use super::Entry;
use crate::directory::Actor;

/// The CSV header line, without the line ending.
pub const CSV_HEADER: &str =
    "seq,at,actor,organization,basis,signature,ip,command,result,refusals,events,prev,hash";

/// One entry as a CSV line, without the line ending.
pub fn csv_row(entry: &Entry) -> String {
    let r = &entry.record;
    let actor = match r.actor {
        Actor::System => "system".to_owned(),
        Actor::Account(a) => a.0.to_string(),
    };
    let basis = r
        .basis
        .as_ref()
        .map(|b| {
            let mut parts: Vec<String> = b
                .standing
                .iter()
                .map(|s| format!("{s:?}").to_lowercase())
                .collect();
            parts.extend(b.roles.iter().map(ToString::to_string));
            if !b.grants.is_empty() {
                parts.push(format!("grants:{}", b.grants.len()));
            }
            parts.extend(b.powers.iter().map(|p| format!("power:{p}")));
            parts.join(" ")
        })
        .unwrap_or_default();
    let refusals = match &r.outcome {
        super::Outcome::Refused { refusals, .. } => refusals
            .iter()
            .map(|m| m.code.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        super::Outcome::Applied { .. } => String::new(),
    };
    let events = r
        .outcome
        .events()
        .iter()
        .map(|e| e.kind())
        .collect::<Vec<_>>()
        .join(" ");
    let fields = [
        entry.seq.to_string(),
        r.at.to_string(),
        actor,
        r.organization.map(|o| o.0.to_string()).unwrap_or_default(),
        basis,
        format!("{:?}", r.signature).to_lowercase(),
        r.ip.map(|ip| ip.to_string()).unwrap_or_default(),
        r.kind.clone(),
        r.outcome.code().to_owned(),
        refusals,
        events,
        entry.prev.to_string(),
        entry.hash.to_string(),
    ];
    fields
        .iter()
        .map(|f| csv_cell(f))
        .collect::<Vec<_>>()
        .join(",")
}

/// One entry as a JSON line (`seq`, `prev`, `hash`, `record`), without the line ending.
pub fn json_line(entry: &Entry) -> String {
    // Plain data with derived `Serialize` cannot fail to serialize.
    serde_json::to_string(entry).unwrap_or_default()
}

/// One CSV cell (RFC 4180): quoted when it holds a comma, quote or line
/// break; and, since the file is opened in spreadsheets, a cell that begins
/// with `=`, `+`, `-`, `@`, a tab or a carriage return — which Excel and
/// LibreOffice would run as a formula (`=cmd|' /C calc'!A0`) — is prefixed
/// with `'` and quoted, as OWASP advises for CSV injection.
pub fn csv_cell(field: &str) -> String {
    let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula {
        format!("\"'{}\"", field.replace('"', "\"\""))
    } else if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_separators_are_quoted() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("plain"), "plain");
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralized() {
        assert_eq!(csv_cell("=cmd|' /C calc'!A0"), "\"'=cmd|' /C calc'!A0\"");
        assert_eq!(csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_cell("+7 495"), "\"'+7 495\"");
        assert_eq!(csv_cell("-1+1"), "\"'-1+1\"");
        assert_eq!(csv_cell("\t=1"), "\"'\t=1\"");
        assert_eq!(csv_cell("\r=1"), "\"'\r=1\"");
        assert_eq!(csv_cell("=\"x\""), "\"'=\"\"x\"\"\"");
        assert_eq!(csv_cell("Иванов = Петров"), "Иванов = Петров");
    }
}
