//! A strict view of one element of the format: its attributes checked
//! against the ones the schema defines, its children against the sequence
//! the schema gives (names and order), each value with its path for errors.

use super::error::FnsXmlError;
use super::NAMESPACE;
use roxmltree::{Document, Node};

/// One element and where it stands.
#[derive(Clone)]
pub(super) struct Element<'a, 'i> {
    node: Node<'a, 'i>,
    doc: &'a Document<'i>,
    path: String,
}

impl<'a, 'i> Element<'a, 'i> {
    pub(super) fn root(doc: &'a Document<'i>) -> Self {
        let node = doc.root_element();
        Self {
            node,
            doc,
            path: node.tag_name().name().to_owned(),
        }
    }

    pub(super) fn name(&self) -> &'a str {
        self.node.tag_name().name()
    }

    pub(super) fn namespace(&self) -> Option<&'a str> {
        self.node.tag_name().namespace()
    }

    pub(super) fn path(&self) -> &str {
        &self.path
    }

    pub(super) fn line(&self) -> u32 {
        self.doc.text_pos_at(self.node.range().start).row
    }

    pub(super) fn attribute_path(&self, name: &str) -> String {
        format!("{}/@{name}", self.path)
    }

    /// Refuses any attribute not in `allowed` (namespace declarations are
    /// not attributes; attributes of other namespaces are refused too).
    pub(super) fn only_attributes(&self, allowed: &[&str]) -> Result<(), FnsXmlError> {
        for a in self.node.attributes() {
            if a.namespace().is_some() || !allowed.contains(&a.name()) {
                return Err(FnsXmlError::UnexpectedAttribute {
                    path: self.attribute_path(a.name()),
                    line: self.doc.text_pos_at(a.range().start).row,
                });
            }
        }
        Ok(())
    }

    pub(super) fn attribute(&self, name: &str) -> Option<&'a str> {
        self.node.attribute(name)
    }

    pub(super) fn required(&self, name: &str) -> Result<&'a str, FnsXmlError> {
        self.attribute(name)
            .ok_or_else(|| FnsXmlError::MissingAttribute {
                path: self.attribute_path(name),
            })
    }

    /// The child elements, each of a name in `sequence` and in its order
    /// (a name may repeat); text other than whitespace between them is refused.
    pub(super) fn children(&self, sequence: &[&str]) -> Result<Vec<Self>, FnsXmlError> {
        let mut out = Vec::new();
        let mut at = 0usize;
        for child in self.node.children() {
            if child.is_text() {
                if child.text().is_some_and(|t| !t.trim().is_empty()) {
                    return Err(FnsXmlError::UnexpectedElement {
                        path: format!("{}/text()", self.path),
                        line: self.doc.text_pos_at(child.range().start).row,
                    });
                }
                continue;
            }
            if !child.is_element() {
                continue; // comments and processing instructions carry nothing
            }
            let name = child.tag_name().name();
            let path = format!("{}/{name}", self.path);
            let position = sequence
                .iter()
                .skip(at)
                .position(|s| *s == name)
                .map(|p| p + at);
            match position {
                Some(p) if child.tag_name().namespace() == Some(NAMESPACE) => at = p,
                _ => {
                    let line = self.doc.text_pos_at(child.range().start).row;
                    return Err(FnsXmlError::UnexpectedElement { path, line });
                }
            }
            out.push(Self {
                node: child,
                doc: self.doc,
                path,
            });
        }
        Ok(out)
    }

    /// The text of an element that holds text only.
    pub(super) fn text(&self) -> Result<&'a str, FnsXmlError> {
        if let Some(child) = self.node.children().find(|c| c.is_element()) {
            return Err(FnsXmlError::UnexpectedElement {
                path: format!("{}/{}", self.path, child.tag_name().name()),
                line: self.doc.text_pos_at(child.range().start).row,
            });
        }
        Ok(self.node.text().unwrap_or(""))
    }
}

/// The children of an element sorted by name, for the reader to take one by one.
pub(super) struct Children<'a, 'i> {
    parent: String,
    items: Vec<Element<'a, 'i>>,
}

impl<'a, 'i> Children<'a, 'i> {
    pub(super) fn of(element: &Element<'a, 'i>, sequence: &[&str]) -> Result<Self, FnsXmlError> {
        Ok(Self {
            parent: element.path().to_owned(),
            items: element.children(sequence)?,
        })
    }

    /// Every child of this name.
    pub(super) fn all(&self, name: &str) -> Vec<Element<'a, 'i>> {
        self.items
            .iter()
            .filter(|e| e.name() == name)
            .cloned()
            .collect()
    }

    /// The child of this name, at most one.
    pub(super) fn optional(&self, name: &str) -> Result<Option<Element<'a, 'i>>, FnsXmlError> {
        let mut found = self.items.iter().filter(|e| e.name() == name);
        let first = found.next().cloned();
        if let Some(second) = found.next() {
            return Err(FnsXmlError::UnexpectedElement {
                path: second.path().to_owned(),
                line: second.line(),
            });
        }
        Ok(first)
    }

    /// The child of this name, exactly one.
    pub(super) fn one(&self, name: &str) -> Result<Element<'a, 'i>, FnsXmlError> {
        self.optional(name)?
            .ok_or_else(|| FnsXmlError::MissingElement {
                path: format!("{}/{name}", self.parent),
            })
    }

    /// The children of this name, at least one.
    pub(super) fn at_least_one(&self, name: &str) -> Result<Vec<Element<'a, 'i>>, FnsXmlError> {
        let all = self.all(name);
        if all.is_empty() {
            return Err(FnsXmlError::MissingElement {
                path: format!("{}/{name}", self.parent),
            });
        }
        Ok(all)
    }
}
