//! Canonical XML 1.0 (W3C REC-xml-c14n-20010315) and Exclusive XML
//! Canonicalization 1.0 (W3C REC-xml-exc-c14n-20020718), without comments,
//! over a document read by [`super::parse_bounded`].
//!
//! The input is a *document subset* of the two shapes XML signatures use: the
//! subtree of one node (the document itself for `URI=""`, an element for
//! `URI="#id"`, `SignedInfo` for the signature value), less the subtrees a
//! predicate omits (the enveloped signature, the XPath filter
//! `not(ancestor-or-self::dsig:Signature)`). Comments are never in the set.
//!
//! Prefixes are the ones written in the source: `roxmltree` resolves names to
//! namespace URIs, so element and attribute qualified names are read back from
//! the byte ranges it records. Namespace declarations are ordered by prefix
//! (the default first), attributes by namespace URI then local name; values
//! and text are escaped as §2.3 of the recommendation says.
//!
//! Inclusive mode renders at the apex every namespace in scope and, below it,
//! those that differ from the parent's; attributes of the `xml:` namespace on
//! omitted ancestors of the apex are inherited (§2.4). Exclusive mode renders
//! a namespace where it is visibly used (by the element's or an attribute's
//! prefix) or listed in the `InclusiveNamespaces PrefixList`, and not already
//! rendered the same way by an output ancestor.

use std::collections::BTreeMap;

use roxmltree::{Node, NodeType, NS_XML_URI};

/// Which canonicalization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum C14nMode {
    /// Canonical XML 1.0.
    Inclusive,
    /// Exclusive XML Canonicalization 1.0, with the prefixes of its
    /// `InclusiveNamespaces PrefixList` (`#default` for the default namespace).
    Exclusive {
        /// The prefixes treated as in inclusive mode.
        inclusive_prefixes: Vec<String>,
    },
}

/// Namespace prefix (`""` for the default namespace) → URI.
type Bindings<'a> = BTreeMap<&'a str, &'a str>;

/// The canonical form of the subtree of `apex` less the subtrees `omit` selects.
///
/// `apex` is the document root (the whole document) or an element.
pub fn canonicalize(
    apex: Node<'_, '_>,
    mode: &C14nMode,
    omit: &dyn Fn(Node<'_, '_>) -> bool,
) -> String {
    let mut out = String::new();
    let writer = Writer { mode, omit };
    if apex.node_type() == NodeType::Root {
        let mut seen_element = false;
        for child in apex.children() {
            if omit(child) {
                continue;
            }
            match child.node_type() {
                NodeType::Element => {
                    writer.element(child, &Bindings::new(), true, &mut out);
                    seen_element = true;
                }
                NodeType::PI => {
                    if seen_element {
                        out.push('\n');
                    }
                    write_pi(child, &mut out);
                    if !seen_element {
                        out.push('\n');
                    }
                }
                _ => {}
            }
        }
    } else if apex.is_element() && !omit(apex) {
        writer.element(apex, &Bindings::new(), true, &mut out);
    }
    out
}

struct Writer<'m> {
    mode: &'m C14nMode,
    omit: &'m dyn Fn(Node<'_, '_>) -> bool,
}

impl Writer<'_> {
    fn element<'a>(
        &self,
        node: Node<'a, '_>,
        rendered: &Bindings<'a>,
        apex: bool,
        out: &mut String,
    ) {
        let qname = element_qname(node);
        let in_scope = in_scope(node);
        let (declarations, for_children) = match self.mode {
            C14nMode::Inclusive => inclusive_declarations(&in_scope, rendered),
            C14nMode::Exclusive { inclusive_prefixes } => {
                let mut used: Vec<&str> = vec![prefix_of(qname)];
                for attribute in node.attributes() {
                    let p = prefix_of(attribute_qname(node, &attribute));
                    if !p.is_empty() && p != "xml" {
                        used.push(p);
                    }
                }
                for p in inclusive_prefixes {
                    let p = if p == "#default" { "" } else { p.as_str() };
                    if in_scope.contains_key(p) {
                        used.push(p);
                    }
                }
                exclusive_declarations(&used, &in_scope, rendered)
            }
        };
        out.push('<');
        out.push_str(qname);
        for (prefix, uri) in &declarations {
            if prefix.is_empty() {
                out.push_str(" xmlns=\"");
            } else {
                out.push_str(" xmlns:");
                out.push_str(prefix);
                out.push_str("=\"");
            }
            escape_attribute(uri, out);
            out.push('"');
        }
        let mut attributes: Vec<(&str, &str, &str, &str)> = node
            .attributes()
            .map(|a| {
                (
                    a.namespace().unwrap_or(""),
                    a.name(),
                    attribute_qname(node, &a),
                    a.value(),
                )
            })
            .collect();
        if apex && *self.mode == C14nMode::Inclusive {
            inherit_xml_attributes(node, &mut attributes);
        }
        attributes.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        for (_, _, qname, value) in attributes {
            out.push(' ');
            out.push_str(qname);
            out.push_str("=\"");
            escape_attribute(value, out);
            out.push('"');
        }
        out.push('>');
        for child in node.children() {
            if (self.omit)(child) {
                continue;
            }
            match child.node_type() {
                NodeType::Element => self.element(child, &for_children, false, out),
                NodeType::Text => escape_text(child.text().unwrap_or_default(), out),
                NodeType::PI => write_pi(child, out),
                _ => {}
            }
        }
        out.push_str("</");
        out.push_str(qname);
        out.push('>');
    }
}

/// The namespaces in scope at `node`, without the implicit `xml` one; an
/// undeclared default namespace (`xmlns=""`) is absent.
fn in_scope<'a>(node: Node<'a, '_>) -> Bindings<'a> {
    node.namespaces()
        .filter(|ns| ns.name() != Some("xml") && !(ns.name().is_none() && ns.uri().is_empty()))
        .map(|ns| (ns.name().unwrap_or(""), ns.uri()))
        .collect()
}

/// Inclusive: every namespace in scope that the output parent did not have
/// the same, and `xmlns=""` where the parent had a default and this element has none.
fn inclusive_declarations<'a>(
    in_scope: &Bindings<'a>,
    rendered: &Bindings<'a>,
) -> (Vec<(&'a str, &'a str)>, Bindings<'a>) {
    let mut declarations: Vec<(&str, &str)> = in_scope
        .iter()
        .filter(|(p, u)| rendered.get(*p) != Some(*u))
        .map(|(p, u)| (*p, *u))
        .collect();
    if !in_scope.contains_key("") && rendered.get("").is_some_and(|u| !u.is_empty()) {
        declarations.insert(0, ("", ""));
    }
    (declarations, in_scope.clone())
}

/// Exclusive: the `used` prefixes whose binding differs from what output
/// ancestors rendered.
fn exclusive_declarations<'a>(
    used: &[&'a str],
    in_scope: &Bindings<'a>,
    rendered: &Bindings<'a>,
) -> (Vec<(&'a str, &'a str)>, Bindings<'a>) {
    let mut after = rendered.clone();
    let mut declarations = Vec::new();
    for prefix in used {
        let uri = in_scope.get(prefix).copied().unwrap_or("");
        let before = rendered.get(prefix).copied().unwrap_or("");
        if uri != before && !declarations.iter().any(|(p, _)| p == prefix) {
            declarations.push((*prefix, uri));
            after.insert(*prefix, uri);
        }
    }
    declarations.sort_unstable();
    (declarations, after)
}

/// Adds the `xml:` attributes of the apex's ancestors it does not carry
/// itself, the nearest ancestor first (Canonical XML 1.0 §2.4).
fn inherit_xml_attributes<'a>(
    node: Node<'a, '_>,
    attributes: &mut Vec<(&'a str, &'a str, &'a str, &'a str)>,
) {
    for ancestor in node.ancestors().skip(1).filter(Node::is_element) {
        for a in ancestor.attributes() {
            if a.namespace() == Some(NS_XML_URI)
                && !attributes
                    .iter()
                    .any(|x| x.0 == NS_XML_URI && x.1 == a.name())
            {
                attributes.push((
                    NS_XML_URI,
                    a.name(),
                    attribute_qname(ancestor, &a),
                    a.value(),
                ));
            }
        }
    }
}

/// The qualified name of an element as written in the source.
pub(crate) fn element_qname<'i>(node: Node<'_, 'i>) -> &'i str {
    let text = node.document().input_text();
    let rest = text.get(node.range().start + 1..).unwrap_or_default();
    let end = rest
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(rest.len());
    rest.get(..end).unwrap_or_default()
}

/// The qualified name of an attribute as written in the source.
fn attribute_qname<'i>(node: Node<'_, 'i>, attribute: &roxmltree::Attribute<'_, 'i>) -> &'i str {
    node.document()
        .input_text()
        .get(attribute.range_qname())
        .unwrap_or_else(|| attribute.name())
}

/// The prefix of a qualified name, `""` when it has none.
pub(crate) fn prefix_of(qname: &str) -> &str {
    qname.split_once(':').map_or("", |(p, _)| p)
}

fn write_pi(node: Node<'_, '_>, out: &mut String) {
    if let Some(pi) = node.pi() {
        out.push_str("<?");
        out.push_str(pi.target);
        if let Some(value) = pi.value.filter(|v| !v.is_empty()) {
            out.push(' ');
            out.push_str(value);
        }
        out.push_str("?>");
    }
}

/// Text escaped as §2.3 says: `&`, `<`, `>` and carriage return.
pub(crate) fn escape_text(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            _ => out.push(c),
        }
    }
}

/// An attribute value escaped as §2.3 says: `&`, `<`, `"`, tab, line feed, carriage return.
fn escape_attribute(value: &str, out: &mut String) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#x9;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
#[path = "c14n_tests.rs"]
mod tests;
