//! The access review as a table, a row per member, for spreadsheets: CSV
//! (every cell neutralized against formula injection) and XLSX (every cell
//! written as a string, so nothing in it is ever evaluated).

use super::html::day;
use super::labels::Lang;
use super::review::AccessReview;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The heading and the rows, every cell as text.
pub fn rows(r: &AccessReview, lang: Lang) -> Vec<Vec<String>> {
    let w = lang.words();
    let mut out = vec![[
        "№",
        w.name,
        w.role,
        w.status,
        w.rights,
        w.beyond_roles,
        w.last_used,
        w.powers,
        w.certificates,
        w.flags,
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect::<Vec<_>>()];
    for m in &r.members {
        let rights: Vec<String> = m
            .rights
            .iter()
            .map(|x| {
                let why: Vec<String> = x.because.iter().map(|b| lang.because(b)).collect();
                format!("{} ({})", lang.right(x.right), why.join(", "))
            })
            .collect();
        let beyond: Vec<&str> = m.beyond_roles.iter().map(|x| lang.right(x)).collect();
        let powers: Vec<String> = m
            .powers_held
            .iter()
            .map(|p| format!("{} {} {}", p.number, w.until, day(p.valid_until)))
            .collect();
        let certificates: Vec<String> = m
            .certificates
            .iter()
            .map(|c| format!("{} {} {}", c.serial, w.until, day(c.not_after)))
            .collect();
        let flags: Vec<&str> = m.flags.iter().map(|f| lang.flag(*f)).collect();
        out.push(vec![
            m.account.to_string(),
            m.name.clone(),
            lang.roles(m).join(", "),
            format!("{} ({})", lang.status(m), lang.standing(m.standing)),
            rights.join("; "),
            beyond.join("; "),
            m.last_used.map(day).unwrap_or_else(|| w.never.to_owned()),
            powers.join("; "),
            certificates.join("; "),
            flags.join("; "),
        ]);
    }
    out
}

/// CSV (RFC 4180), cells neutralized (`journal::export::csv_cell`).
pub fn csv(r: &AccessReview, lang: Lang) -> String {
    rows(r, lang)
        .iter()
        .map(|row| {
            row.iter()
                .map(|f| kabinet::journal::export::csv_cell(f))
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An XLSX workbook of one sheet: the heading bold and frozen, a filter on
/// every column; cells written as strings, never as formulas.
///
/// # Errors
/// What the writer reports.
pub fn xlsx(r: &AccessReview, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(if lang == Lang::Ru {
        "Доступ"
    } else {
        "Access"
    })?;
    let bold = Format::new().set_bold().set_text_wrap();
    let wrap = Format::new().set_text_wrap();
    let rows = rows(r, lang);
    let mut last_col = 0u16;
    for (i, row) in rows.iter().enumerate() {
        let i = u32::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (j, cell) in row.iter().enumerate() {
            let j = u16::try_from(j).map_err(|_| XlsxError::RowColumnLimitError)?;
            last_col = last_col.max(j);
            let format = if i == 0 { &bold } else { &wrap };
            sheet.write_string_with_format(i, j, cell, format)?;
        }
    }
    for (j, width) in [6.0, 28.0, 20.0, 18.0, 60.0, 24.0, 14.0, 30.0, 24.0, 28.0]
        .into_iter()
        .enumerate()
    {
        let j = u16::try_from(j).map_err(|_| XlsxError::RowColumnLimitError)?;
        sheet.set_column_width(j, width)?;
    }
    let last_row =
        u32::try_from(rows.len().saturating_sub(1)).map_err(|_| XlsxError::RowColumnLimitError)?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    sheet.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}
