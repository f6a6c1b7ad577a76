//! Untrusted XML read within bounds: no DTD (and so no entity but the five
//! predefined ones, no external fetch), a node limit, and a nesting limit
//! checked by a linear scan *before* the tree is built — `roxmltree`'s
//! tokenizer recurses once per level of nesting, so a few kilobytes of
//! `<a><a><a>…` would otherwise exhaust the stack and abort the process.

pub mod c14n;
pub mod smev;

use roxmltree::{Document, ParsingOptions};

/// The limits of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XmlLimits {
    /// Most nodes (elements, texts, comments, processing instructions).
    pub nodes: u32,
    /// Most levels of element nesting.
    pub depth: usize,
}

/// Why a document was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XmlBoundsError {
    /// It has a document type declaration.
    Dtd,
    /// It is not well-formed.
    Malformed {
        /// Line of the fault, from 1.
        line: u32,
        /// What the parser said.
        reason: String,
    },
    /// It is over a limit: `"nodes"` or `"nesting"`.
    TooComplex {
        /// Which limit.
        limit: &'static str,
    },
}

/// Parses `text` within `limits`.
///
/// # Errors
/// An [`XmlBoundsError`]: a DTD, a fault of well-formedness, or a limit.
pub fn parse_bounded(text: &str, limits: XmlLimits) -> Result<Document<'_>, XmlBoundsError> {
    if nesting_exceeds(text.as_bytes(), limits.depth) {
        return Err(XmlBoundsError::TooComplex { limit: "nesting" });
    }
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: limits.nodes,
    };
    let doc = Document::parse_with_options(text, options).map_err(|e| match e {
        roxmltree::Error::DtdDetected => XmlBoundsError::Dtd,
        roxmltree::Error::NodesLimitReached => XmlBoundsError::TooComplex { limit: "nodes" },
        other => XmlBoundsError::Malformed {
            line: other.pos().row,
            reason: other.to_string(),
        },
    })?;
    reserved_pi_target(&doc).map_or(Ok(doc), Err)
}

/// A processing instruction named `xml` in any case, which XML 1.0 reserves
/// (§2.6: `PITarget ::= Name - (('X'|'x') ('M'|'m') ('L'|'l'))`) and
/// `roxmltree` lets through after a byte-order mark or elsewhere than the
/// declaration: refused, or it would come out of canonicalization as a
/// declaration no parser reads back.
fn reserved_pi_target(doc: &Document<'_>) -> Option<XmlBoundsError> {
    let node = doc.descendants().find(|n| {
        n.pi()
            .is_some_and(|pi| pi.target.eq_ignore_ascii_case("xml"))
    })?;
    Some(XmlBoundsError::Malformed {
        line: doc.text_pos_at(node.range().start).row,
        reason: "a processing instruction may not be named xml".into(),
    })
}

/// Whether elements nest deeper than `max` anywhere in `xml`.
///
/// A single pass over the bytes: comments, CDATA sections, processing
/// instructions and declarations are skipped whole, quoted attribute values
/// may hold `>`, an end tag closes a level, an empty-element tag opens none.
/// On well-formed input the count is exact; on malformed input it follows
/// the tokenizer up to the fault, where the parser stops anyway.
pub fn nesting_exceeds(xml: &[u8], max: usize) -> bool {
    let mut depth = 0usize;
    let mut i = 0usize;
    while let Some(offset) = xml
        .get(i..)
        .and_then(|rest| rest.iter().position(|b| *b == b'<'))
    {
        i += offset;
        let rest = xml.get(i..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            i = skip_past(xml, i + 4, b"-->");
        } else if rest.starts_with(b"<![CDATA[") {
            i = skip_past(xml, i + 9, b"]]>");
        } else if rest.starts_with(b"<?") {
            i = skip_past(xml, i + 2, b"?>");
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            i = skip_past(xml, i + 2, b">");
        } else {
            let (end, empty) = tag_end(xml, i + 1);
            if !empty && !rest.starts_with(b"<!") {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            i = end;
        }
    }
    false
}

/// The index after `needle` at or after `from` (the end when absent).
fn skip_past(xml: &[u8], from: usize, needle: &[u8]) -> usize {
    xml.get(from..)
        .and_then(|rest| rest.windows(needle.len()).position(|w| w == needle))
        .map_or(xml.len(), |p| from + p + needle.len())
}

/// The index after the `>` closing a start tag begun before `from`, quotes
/// respected, and whether the tag is empty (`/>`).
fn tag_end(xml: &[u8], from: usize) -> (usize, bool) {
    let mut quote: Option<u8> = None;
    let mut previous = 0u8;
    for (k, b) in xml.iter().enumerate().skip(from) {
        match (quote, *b) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, c @ (b'"' | b'\'')) => quote = Some(c),
            (None, b'>') => return (k + 1, previous == b'/'),
            (None, _) => {}
        }
        previous = *b;
    }
    (xml.len(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_as_the_parser_sees_it() {
        let doc = r#"<?xml version="1.0"?><!-- <a><a><a> --><r a="x>y" b='<'><e/><a><![CDATA[<a><a>]]></a><b></b></r>"#;
        assert!(!nesting_exceeds(doc.as_bytes(), 2));
        assert!(nesting_exceeds(doc.as_bytes(), 1));
        let deep = format!("{}{}", "<a>".repeat(1000), "</a>".repeat(1000));
        assert!(nesting_exceeds(deep.as_bytes(), 64));
        assert!(!nesting_exceeds(deep.as_bytes(), 1000));
    }

    #[test]
    fn deep_documents_are_refused_before_the_parser_recurses() {
        let deep = format!("{}{}", "<a>".repeat(100_000), "</a>".repeat(100_000));
        let limits = XmlLimits {
            nodes: u32::MAX,
            depth: 64,
        };
        assert_eq!(
            parse_bounded(&deep, limits).unwrap_err(),
            XmlBoundsError::TooComplex { limit: "nesting" }
        );
        // unclosed, and behind a stray declaration: still counted
        let open = format!("<r><!x>{}", "<a>".repeat(100_000));
        assert!(parse_bounded(&open, limits).is_err());
        assert!(nesting_exceeds(open.as_bytes(), 64));
    }

    #[test]
    fn a_processing_instruction_named_xml_is_not_well_formed() {
        let limits = XmlLimits {
            nodes: 1000,
            depth: 64,
        };
        // After a byte-order mark, `<?xml]]> …?>` reads in roxmltree as a PI
        // named xml, which canonicalization would write as a declaration.
        for doc in [
            "\u{feff}<?xml]]> version=\"8.0\"?><a/>",
            "<a><?XmL data?></a>",
        ] {
            match parse_bounded(doc, limits) {
                Err(XmlBoundsError::Malformed { .. }) => {}
                other => panic!("{doc:?}: {other:?}"),
            }
        }
        assert!(parse_bounded(
            "<?xml version=\"1.0\"?><a><?xml-stylesheet href=\"s\"?></a>",
            limits
        )
        .is_ok());
    }
}
