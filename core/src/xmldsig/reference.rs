//! One `ds:Reference`: dereferenced, transformed, digested, compared.
//!
//! Same-document references only: `URI=""` (the whole document, comments
//! excluded) and `URI="#id"` (the one element whose `Id`, `ID`, `id` or
//! `wsu:Id` attribute has that value; none or several is an error, the
//! latter being how signature-wrapping attacks are built). The data flows as
//! a node set (a subtree less omitted subtrees) until a canonicalization
//! turns it into octets; a node set left at the end is canonicalized with
//! Canonical XML 1.0, as XML-DSig §4.3.3.2 says. Transforms: enveloped
//! signature, the XPath filter `not(ancestor-or-self::dsig:Signature)` (the
//! one XPath expression signatures use in practice; any other is refused),
//! C14N 1.0 and exclusive C14N without comments, and the SMEV 3 transform.

use std::cell::Cell;
use std::collections::HashMap;

use base64ct::{Base64, Encoding};
use roxmltree::{Node, NodeId};

use super::algorithms::{self, Digest};
use super::{ReferenceReport, XmlSigProblem, DSIG_NS};
use crate::xml::c14n::{canonicalize, C14nMode};
use crate::xml::{parse_bounded, smev::smev_transform, XmlLimits};

/// The wsu namespace of WS-Security, whose `wsu:Id` identifies elements too.
const WSU_NS: &str =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

/// Most transforms of one reference.
pub const MAX_TRANSFORMS: usize = 8;
/// The bytes every canonicalization and transform of one verification may
/// produce together, over all references and SignedInfo elements of all
/// signatures: 64 MiB, four
/// passes over the largest document. Without it 16 signatures × 16
/// references × 8 canonicalizations of the whole document would be 2,048
/// passes for one unsigned input.
pub const MAX_TRANSFORMED_BYTES: usize = 64 * 1024 * 1024;

/// The work reference processing may still do in one verification, shared
/// by every reference of every signature.
#[derive(Debug)]
pub struct Work {
    /// The bounds of each octet stream reparsed.
    pub limits: XmlLimits,
    left: Cell<usize>,
}

impl Work {
    /// The whole budget of one verification.
    pub fn new(limits: XmlLimits) -> Self {
        Self {
            limits,
            left: Cell::new(MAX_TRANSFORMED_BYTES),
        }
    }

    /// Refuses to start a pass once the budget is spent.
    pub(super) fn begin(&self) -> Result<(), XmlSigProblem> {
        if self.left.get() == 0 {
            Err(Self::exhausted())
        } else {
            Ok(())
        }
    }

    /// Counts the output of a pass against the budget.
    pub(super) fn produced(&self, octets: String) -> Result<String, XmlSigProblem> {
        match self.left.get().checked_sub(octets.len()) {
            Some(left) => {
                self.left.set(left);
                Ok(octets)
            }
            None => {
                self.left.set(0);
                Err(Self::exhausted())
            }
        }
    }

    fn exhausted() -> XmlSigProblem {
        XmlSigProblem::TooMuchWork {
            limit: MAX_TRANSFORMED_BYTES,
        }
    }
}

/// The elements of a document by identifier (each identifier with all its bearers).
pub struct Ids(HashMap<String, Vec<NodeId>>);

impl Ids {
    /// Indexes every identifying attribute of the document.
    pub fn of(doc: &roxmltree::Document<'_>) -> Self {
        let mut map: HashMap<String, Vec<NodeId>> = HashMap::new();
        for node in doc.descendants().filter(Node::is_element) {
            for a in node.attributes() {
                let identifying = match a.namespace() {
                    None => matches!(a.name(), "Id" | "ID" | "id"),
                    Some(ns) => ns == WSU_NS && a.name() == "Id",
                };
                if identifying {
                    map.entry(a.value().to_owned()).or_default().push(node.id());
                }
            }
        }
        Self(map)
    }
}

/// What flows between transforms.
enum Data<'a, 'i> {
    /// A subtree less omitted subtrees.
    Nodes {
        apex: Node<'a, 'i>,
        omitted: Vec<NodeId>,
        no_signatures: bool,
    },
    /// Octets (always UTF-8 text here).
    Octets(String),
}

/// Verifies one reference of `signature`; the problems go to `problems`.
pub fn check<'a, 'i>(
    reference: Node<'a, 'i>,
    signature: Node<'a, 'i>,
    ids: &Ids,
    work: &Work,
    problems: &mut Vec<XmlSigProblem>,
) -> ReferenceReport {
    let uri = reference.attribute("URI").unwrap_or_default().to_owned();
    let transform_nodes: Vec<Node<'a, 'i>> = child(reference, "Transforms")
        .map(|t| dsig_children(t, "Transform").collect())
        .unwrap_or_default();
    let digest_method = child(reference, "DigestMethod")
        .and_then(|d| d.attribute("Algorithm"))
        .unwrap_or_default()
        .to_owned();
    let digest_claimed: String = child(reference, "DigestValue")
        .and_then(|d| d.text())
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    let mut report = ReferenceReport {
        transforms: transform_nodes
            .iter()
            .map(|t| t.attribute("Algorithm").unwrap_or_default().to_owned())
            .collect(),
        uri,
        digest_method,
        digest_claimed,
        digest_computed: None,
        digest_matches: false,
    };
    let outcome = Digest::from_uri(&report.digest_method).and_then(|digest| {
        let octets = transformed(&report.uri, &transform_nodes, signature, ids, work)?;
        Ok(digest.digest(octets.as_bytes()))
    });
    match outcome {
        Ok(computed) => {
            let claimed = Base64::decode_vec(&report.digest_claimed).ok();
            report.digest_matches = claimed.as_deref() == Some(computed.as_slice());
            report.digest_computed = Some(Base64::encode_string(&computed));
            if !report.digest_matches {
                problems.push(XmlSigProblem::DigestMismatch {
                    uri: report.uri.clone(),
                });
            }
        }
        Err(p) => problems.push(p),
    }
    report
}

/// The octets a reference's digest is computed over.
fn transformed<'a, 'i>(
    uri: &str,
    transforms: &[Node<'a, 'i>],
    signature: Node<'a, 'i>,
    ids: &Ids,
    work: &Work,
) -> Result<String, XmlSigProblem> {
    if transforms.len() > MAX_TRANSFORMS {
        return Err(XmlSigProblem::UnsupportedTransform {
            detail: format!(
                "{} transforms, more than {MAX_TRANSFORMS}",
                transforms.len()
            ),
        });
    }
    let doc = signature.document();
    let apex = if uri.is_empty() {
        doc.root()
    } else if let Some(id) = uri
        .strip_prefix('#')
        .filter(|id| !id.starts_with("xpointer("))
    {
        let bearers = ids.0.get(id).map(Vec::as_slice).unwrap_or_default();
        match bearers {
            [one] => doc
                .get_node(*one)
                .ok_or_else(|| XmlSigProblem::ReferenceNotFound { id: id.into() })?,
            [] => return Err(XmlSigProblem::ReferenceNotFound { id: id.into() }),
            many => {
                return Err(XmlSigProblem::DuplicateId {
                    id: id.into(),
                    count: many.len(),
                })
            }
        }
    } else {
        return Err(XmlSigProblem::UnsupportedReference { uri: uri.into() });
    };
    let mut data = Data::Nodes {
        apex,
        omitted: Vec::new(),
        no_signatures: false,
    };
    for transform in transforms {
        data = apply(transform, data, signature, work)?;
    }
    octets_of(data, &C14nMode::Inclusive, work)
}

fn apply<'a, 'i>(
    transform: &Node<'a, 'i>,
    data: Data<'a, 'i>,
    signature: Node<'a, 'i>,
    work: &Work,
) -> Result<Data<'a, 'i>, XmlSigProblem> {
    let algorithm = transform.attribute("Algorithm").unwrap_or_default();
    let prefixes = inclusive_prefixes(*transform);
    if let Some(mode) = algorithms::canonicalization(algorithm, prefixes) {
        return Ok(Data::Octets(match data {
            Data::Octets(octets) => {
                work.begin()?;
                let doc = parse_bounded(&octets, work.limits)
                    .map_err(|e| unsupported(algorithm, &format!("{e:?}")))?;
                work.produced(canonicalize(doc.root(), &mode, &|_| false))?
            }
            nodes => octets_of(nodes, &mode, work)?,
        }));
    }
    match (algorithm, data) {
        (
            algorithms::ENVELOPED,
            Data::Nodes {
                apex,
                mut omitted,
                no_signatures,
            },
        ) => {
            omitted.push(signature.id());
            Ok(Data::Nodes {
                apex,
                omitted,
                no_signatures,
            })
        }
        (algorithms::XPATH, Data::Nodes { apex, omitted, .. }) => {
            let xpath = child(*transform, "XPath")
                .ok_or_else(|| unsupported(algorithm, "no XPath expression"))?;
            if !is_signature_filter(xpath) {
                return Err(unsupported(
                    algorithm,
                    "only the expression not(ancestor-or-self::dsig:Signature) is supported",
                ));
            }
            Ok(Data::Nodes {
                apex,
                omitted,
                no_signatures: true,
            })
        }
        (algorithms::SMEV, data) => {
            let octets = octets_of(data, &C14nMode::Inclusive, work)?;
            work.begin()?;
            let out = smev_transform(&octets, work.limits)
                .map_err(|e| unsupported(algorithm, &format!("{e:?}")))?;
            work.produced(out).map(Data::Octets)
        }
        (algorithms::ENVELOPED | algorithms::XPATH, Data::Octets(_)) => Err(unsupported(
            algorithm,
            "it cannot follow a canonicalization",
        )),
        (other, _) => Err(unsupported(other, "unknown algorithm")),
    }
}

fn unsupported(algorithm: &str, why: &str) -> XmlSigProblem {
    XmlSigProblem::UnsupportedTransform {
        detail: format!("{algorithm}: {why}"),
    }
}

/// The octets of `data`: as they are, or its node set canonicalized (a pass
/// counted against `work`).
fn octets_of(data: Data<'_, '_>, mode: &C14nMode, work: &Work) -> Result<String, XmlSigProblem> {
    match data {
        Data::Octets(octets) => Ok(octets),
        Data::Nodes {
            apex,
            omitted,
            no_signatures,
        } => {
            work.begin()?;
            work.produced(canonicalize(apex, mode, &|n| {
                omitted.contains(&n.id()) || (no_signatures && is_dsig(n, "Signature"))
            }))
        }
    }
}

/// Whether an `XPath` element holds `not(ancestor-or-self::P:Signature)`
/// with `P` bound to the XML-DSig namespace.
fn is_signature_filter(xpath: Node<'_, '_>) -> bool {
    let expression: String = xpath
        .text()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    expression
        .strip_prefix("not(ancestor-or-self::")
        .and_then(|rest| rest.strip_suffix(":Signature)"))
        .is_some_and(|prefix| xpath.lookup_namespace_uri(Some(prefix)) == Some(DSIG_NS))
}

/// The `PrefixList` of an exclusive canonicalization's `InclusiveNamespaces` child.
pub fn inclusive_prefixes(method: Node<'_, '_>) -> Vec<String> {
    method
        .children()
        .find(|n| n.tag_name().name() == "InclusiveNamespaces")
        .and_then(|n| n.attribute("PrefixList"))
        .map(|list| list.split_ascii_whitespace().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Whether `node` is the XML-DSig element `local`.
pub fn is_dsig(node: Node<'_, '_>, local: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == local
        && node.tag_name().namespace() == Some(DSIG_NS)
}

/// The XML-DSig children of `node` named `local`.
pub fn dsig_children<'a, 'i>(
    node: Node<'a, 'i>,
    local: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |n| is_dsig(*n, local))
}

/// The first XML-DSig child of `node` named `local`.
pub fn child<'a, 'i>(node: Node<'a, 'i>, local: &'a str) -> Option<Node<'a, 'i>> {
    dsig_children(node, local).next()
}
