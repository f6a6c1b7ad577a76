//! The SMEV 3 transform `urn://smev-gov-ru/xmldsig/transform` (Методические
//! рекомендации по работе с ЕСМЭВ 3.x, «Трансформация СМЭВ»).
//!
//! Its input is the octets of the previous transform (exclusive C14N); its
//! output is the same tree written the one way the reference client
//! (`SmevTransformSpi`) writes it:
//! - everything but elements and text is dropped (declaration, processing
//!   instructions, comments), and so is text made only of whitespace
//!   (characters up to U+0020, as Java's `String.trim` counts them);
//! - every namespace prefix is renamed `ns1`, `ns2`, …: a namespace URI
//!   bound on the element or an ancestor reuses its prefix; otherwise it
//!   takes the next number of one counter that is never reset (the same URI
//!   in two sibling subtrees gets two numbers) and is declared on that
//!   element — the element's namespace first, then its attributes' in their order;
//! - attributes: qualified ones first, by (namespace URI, local name), then
//!   unqualified ones by local name;
//! - empty elements are written as start and end tags; text escapes `&`,
//!   `<`, `>`; attribute values escape `&`, `<`, `>`, `"`.

use roxmltree::{Node, NodeType};

use super::{parse_bounded, XmlBoundsError, XmlLimits};

/// The SMEV transform of `input` (the output of a canonicalization).
///
/// # Errors
/// [`XmlBoundsError`] when `input` is not a well-formed document within `limits`.
pub fn smev_transform(input: &str, limits: XmlLimits) -> Result<String, XmlBoundsError> {
    let doc = parse_bounded(input, limits)?;
    let mut state = State::default();
    let mut out = String::with_capacity(input.len());
    state.element(doc.root_element(), &mut out);
    Ok(out)
}

#[derive(Default)]
struct State {
    /// Namespace URI → prefix, innermost last; truncated when an element ends.
    bound: Vec<(String, String)>,
    /// The last number handed out.
    counter: u32,
}

impl State {
    /// The prefix of `uri`, and whether it was newly bound here.
    fn prefix(&mut self, uri: &str, declared: &mut Vec<(String, String)>) -> String {
        if let Some((_, p)) = self.bound.iter().rev().find(|(u, _)| u == uri) {
            return p.clone();
        }
        self.counter += 1;
        let prefix = format!("ns{}", self.counter);
        self.bound.push((uri.to_owned(), prefix.clone()));
        declared.push((prefix.clone(), uri.to_owned()));
        prefix
    }

    fn element(&mut self, node: Node<'_, '_>, out: &mut String) {
        let scope = self.bound.len();
        let mut declared = Vec::new();
        let name = node.tag_name();
        let qname = match name.namespace().filter(|u| !u.is_empty()) {
            Some(uri) => format!("{}:{}", self.prefix(uri, &mut declared), name.name()),
            None => name.name().to_owned(),
        };
        let mut qualified: Vec<(&str, &str, &str)> = Vec::new();
        let mut plain: Vec<(&str, &str)> = Vec::new();
        for a in node.attributes() {
            match a.namespace().filter(|u| !u.is_empty()) {
                Some(uri) => qualified.push((uri, a.name(), a.value())),
                None => plain.push((a.name(), a.value())),
            }
        }
        qualified.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        plain.sort_by(|a, b| a.0.cmp(b.0));
        let attributes: Vec<(String, &str)> = qualified
            .iter()
            .map(|(uri, local, value)| {
                (
                    format!("{}:{local}", self.prefix(uri, &mut declared)),
                    *value,
                )
            })
            .chain(
                plain
                    .iter()
                    .map(|(local, value)| ((*local).to_owned(), *value)),
            )
            .collect();
        out.push('<');
        out.push_str(&qname);
        for (prefix, uri) in &declared {
            out.push_str(" xmlns:");
            out.push_str(prefix);
            out.push_str("=\"");
            escape(uri, true, out);
            out.push('"');
        }
        for (name, value) in &attributes {
            out.push(' ');
            out.push_str(name);
            out.push_str("=\"");
            escape(value, true, out);
            out.push('"');
        }
        out.push('>');
        for child in node.children() {
            match child.node_type() {
                NodeType::Element => self.element(child, out),
                NodeType::Text => {
                    let text = child.text().unwrap_or_default();
                    if !text.chars().all(|c| c <= ' ') {
                        escape(text, false, out);
                    }
                }
                _ => {}
            }
        }
        out.push_str("</");
        out.push_str(&qname);
        out.push('>');
        self.bound.truncate(scope);
    }
}

fn escape(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: XmlLimits = XmlLimits {
        nodes: 1_000,
        depth: 32,
    };

    #[test]
    fn renames_prefixes_with_one_counter_and_drops_whitespace() {
        let input = concat!(
            "<a:r xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" z=\"1\" b:y=\"2\" a:x=\"3\">\n  ",
            "<b:s><a:t>x &amp; y</a:t></b:s>\n  <b:s/><!-- c --><?p d?></a:r>"
        );
        assert_eq!(
            smev_transform(input, LIMITS).unwrap(),
            concat!(
                "<ns1:r xmlns:ns1=\"urn:a\" xmlns:ns2=\"urn:b\" ns1:x=\"3\" ns2:y=\"2\" z=\"1\">",
                "<ns2:s><ns1:t>x &amp; y</ns1:t></ns2:s><ns2:s></ns2:s></ns1:r>"
            )
        );
    }

    #[test]
    fn sibling_subtrees_take_new_numbers_for_the_same_uri() {
        let input = "<r><p:a xmlns:p=\"urn:p\"/><q:b xmlns:q=\"urn:p\"/><c xmlns=\"urn:d\"/></r>";
        assert_eq!(
            smev_transform(input, LIMITS).unwrap(),
            concat!(
                "<r><ns1:a xmlns:ns1=\"urn:p\"></ns1:a><ns2:b xmlns:ns2=\"urn:p\"></ns2:b>",
                "<ns3:c xmlns:ns3=\"urn:d\"></ns3:c></r>"
            )
        );
    }

    #[test]
    fn malformed_input_is_an_error() {
        assert!(smev_transform("<a><b></a>", LIMITS).is_err());
    }
}
