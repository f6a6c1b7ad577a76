//! Certificate policy processing (RFC 5280 §6.1.2 (a, d–f), §6.1.3 (d–f), §6.1.4 (a–b, g–j), §6.1.5).
//!
//! The valid policy tree is kept as an arena of nodes, one level per
//! certificate; a node dies with its parent. Qualifiers are not kept (they
//! do not affect the outcome). The result is the user-constrained policy set,
//! or the index of the certificate at which no acceptable policy remained
//! while an explicit policy was required.

use const_oid::ObjectIdentifier as Oid;

use super::limits::MAX_POLICY_TREE_NODES;
use super::{oids, ParsedCertificate, PolicyOptions};

#[derive(Debug, Clone)]
struct Node {
    policy: Oid,
    expected: Vec<Oid>,
    parent: Option<usize>,
    depth: usize,
    alive: bool,
}

#[derive(Debug, Clone)]
struct Tree {
    nodes: Vec<Node>,
    overflow: bool,
}

impl Tree {
    fn new() -> Self {
        let root = Node {
            policy: oids::ANY_POLICY,
            expected: vec![oids::ANY_POLICY],
            parent: None,
            depth: 0,
            alive: true,
        };
        Self {
            nodes: vec![root],
            overflow: false,
        }
    }

    fn node(&self, i: usize) -> Option<&Node> {
        self.nodes.get(i)
    }

    fn at(&self, depth: usize) -> Vec<usize> {
        (0..self.nodes.len())
            .filter(|&i| self.node(i).is_some_and(|n| n.alive && n.depth == depth))
            .collect()
    }

    fn children(&self, parent: usize) -> impl Iterator<Item = &Node> {
        self.nodes
            .iter()
            .filter(move |n| n.alive && n.parent == Some(parent))
    }

    fn add(&mut self, parent: usize, policy: Oid, expected: Vec<Oid>) {
        if self.nodes.len() >= MAX_POLICY_TREE_NODES {
            self.overflow = true;
            return;
        }
        let depth = self.node(parent).map_or(0, |p| p.depth + 1);
        self.nodes.push(Node {
            policy,
            expected,
            parent: Some(parent),
            depth,
            alive: true,
        });
    }

    fn kill(&mut self, i: usize) {
        if let Some(n) = self.nodes.get_mut(i) {
            n.alive = false;
        }
        // Parents precede children in the arena: one forward pass kills descendants.
        for j in 0..self.nodes.len() {
            let dead_parent = self
                .nodes
                .get(j)
                .and_then(|n| n.parent)
                .is_some_and(|p| self.node(p).is_some_and(|p| !p.alive));
            if dead_parent {
                if let Some(n) = self.nodes.get_mut(j) {
                    n.alive = false;
                }
            }
        }
    }

    /// Deletes, bottom up, every node above `depth` that has no child.
    fn prune(&mut self, depth: usize) {
        for d in (0..depth).rev() {
            for i in self.at(d) {
                if self.children(i).next().is_none() {
                    self.kill(i);
                }
            }
        }
    }
}

fn dec(counter: &mut usize) {
    *counter = counter.saturating_sub(1);
}

fn clamp(counter: &mut usize, skip: u32) {
    *counter = (*counter).min(usize::try_from(skip).unwrap_or(usize::MAX));
}

/// A failure of policy processing: the certificate (0 = first below the anchor) and why.
pub(crate) type PolicyFailure = (usize, &'static str);

/// Processes the policies of `certs` (top down: first below the anchor, leaf last).
/// Returns the user-constrained policy set (anyPolicy when unconstrained).
pub(crate) fn process(
    certs: &[&ParsedCertificate],
    options: &PolicyOptions,
) -> Result<Vec<Oid>, PolicyFailure> {
    let n = certs.len();
    let start = |inhibit: bool| if inhibit { 0 } else { n + 1 };
    let mut explicit = start(options.require_explicit_policy);
    let mut any_policy = start(options.inhibit_any_policy);
    let mut mapping = start(options.inhibit_policy_mapping);
    let mut tree = Some(Tree::new());
    for (k, cert) in certs.iter().enumerate() {
        let i = k + 1;
        let ext = cert.extensions();
        let self_issued = cert.is_self_issued();
        if let Some(t) = tree.as_mut() {
            if ext.has_policies {
                let parents = t.at(i - 1);
                let mut policies = ext.policies.clone();
                policies.sort();
                policies.dedup();
                for p in policies.iter().filter(|p| **p != oids::ANY_POLICY) {
                    let matched: Vec<usize> = parents
                        .iter()
                        .copied()
                        .filter(|&q| t.node(q).is_some_and(|n| n.expected.contains(p)))
                        .collect();
                    if matched.is_empty() {
                        if let Some(q) = parents
                            .iter()
                            .copied()
                            .find(|&q| t.node(q).is_some_and(|n| n.policy == oids::ANY_POLICY))
                        {
                            t.add(q, *p, vec![*p]);
                        }
                    }
                    for q in matched {
                        t.add(q, *p, vec![*p]);
                    }
                }
                if policies.contains(&oids::ANY_POLICY)
                    && (any_policy > 0 || (i < n && self_issued))
                {
                    for q in parents {
                        let expected = t.node(q).map(|n| n.expected.clone()).unwrap_or_default();
                        for e in expected {
                            if !t.children(q).any(|c| c.policy == e) {
                                t.add(q, e, vec![e]);
                            }
                        }
                    }
                }
                t.prune(i);
                if t.at(i).is_empty() {
                    tree = None;
                }
            } else {
                tree = None;
            }
        }
        if tree.as_ref().is_some_and(|t| t.overflow) {
            return Err((k, "the certificate policy tree is too large"));
        }
        if explicit == 0 && tree.is_none() {
            return Err((k, "no acceptable certificate policy"));
        }
        if i < n {
            let maps = &ext.policy_mappings;
            if maps
                .iter()
                .any(|(a, b)| *a == oids::ANY_POLICY || *b == oids::ANY_POLICY)
            {
                return Err((k, "a policy is mapped to or from anyPolicy"));
            }
            if let Some(t) = tree.as_mut() {
                let mut issuer_policies: Vec<Oid> = maps.iter().map(|(a, _)| *a).collect();
                issuer_policies.sort();
                issuer_policies.dedup();
                for idp in issuer_policies {
                    let mapped: Vec<Oid> = maps
                        .iter()
                        .filter(|(a, _)| *a == idp)
                        .map(|(_, b)| *b)
                        .collect();
                    let nodes: Vec<usize> = t
                        .at(i)
                        .into_iter()
                        .filter(|&x| t.node(x).is_some_and(|n| n.policy == idp))
                        .collect();
                    if mapping > 0 {
                        if nodes.is_empty() {
                            let any = t
                                .at(i)
                                .into_iter()
                                .find(|&x| t.node(x).is_some_and(|n| n.policy == oids::ANY_POLICY));
                            if let Some(parent) = any.and_then(|a| t.node(a)).and_then(|a| a.parent)
                            {
                                t.add(parent, idp, mapped.clone());
                            }
                        }
                        for x in nodes {
                            if let Some(node) = t.nodes.get_mut(x) {
                                node.expected.clone_from(&mapped);
                            }
                        }
                    } else {
                        for x in nodes {
                            t.kill(x);
                        }
                    }
                }
                if mapping == 0 {
                    t.prune(i);
                    if t.at(i).is_empty() {
                        tree = None;
                    }
                }
            }
            if !self_issued {
                dec(&mut explicit);
                dec(&mut mapping);
                dec(&mut any_policy);
            }
            if let Some((require, inhibit)) = ext.policy_constraints {
                if let Some(r) = require {
                    clamp(&mut explicit, r);
                }
                if let Some(q) = inhibit {
                    clamp(&mut mapping, q);
                }
            }
            if let Some(skip) = ext.inhibit_any_policy {
                clamp(&mut any_policy, skip);
            }
        } else {
            dec(&mut explicit);
            if matches!(ext.policy_constraints, Some((Some(0), _))) {
                explicit = 0;
            }
        }
    }
    let initial = options
        .initial_policy_set
        .as_ref()
        .filter(|set| !set.contains(&oids::ANY_POLICY));
    let result = match (tree, initial) {
        (None, _) => Vec::new(),
        (Some(t), None) => t
            .at(n)
            .iter()
            .filter_map(|&x| t.node(x))
            .map(|node| node.policy)
            .collect(),
        (Some(mut t), Some(initial)) => {
            let under_any: Vec<usize> = (0..t.nodes.len())
                .filter(|&x| {
                    t.node(x).is_some_and(|node| {
                        node.alive
                            && node.policy != oids::ANY_POLICY
                            && node
                                .parent
                                .and_then(|p| t.node(p))
                                .is_some_and(|p| p.policy == oids::ANY_POLICY)
                    })
                })
                .collect();
            let present: Vec<Oid> = under_any
                .iter()
                .filter_map(|&x| t.node(x))
                .map(|node| node.policy)
                .collect();
            for x in under_any {
                if t.node(x)
                    .is_some_and(|node| !initial.contains(&node.policy))
                {
                    t.kill(x);
                }
            }
            let any_leaf = t.at(n).into_iter().find(|&x| {
                t.node(x)
                    .is_some_and(|node| node.policy == oids::ANY_POLICY)
            });
            if let Some(a) = any_leaf {
                if let Some(parent) = t.node(a).and_then(|node| node.parent) {
                    for p in initial.iter().filter(|p| !present.contains(p)) {
                        t.add(parent, *p, vec![*p]);
                    }
                }
                t.kill(a);
            }
            t.prune(n);
            t.at(n)
                .iter()
                .filter_map(|&x| t.node(x))
                .map(|node| node.policy)
                .collect()
        }
    };
    if explicit == 0 && result.is_empty() {
        return Err((n.saturating_sub(1), "no acceptable certificate policy"));
    }
    Ok(result)
}
