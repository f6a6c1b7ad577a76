//! The import graph of `core/src`'s top-level modules, read from the source
//! (`crate::module` paths), held against docs/ARCHITECTURE.md: there is no
//! import cycle among them, and no feature reaches into the directory (the
//! features depend on the shared vocabulary and the directory on them).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers above the directory, which may use it: the journal records
/// its commands and events, `json_form` reads and writes them, and `ffi`
/// (the foreign interface's values and error envelope) reads its refusals.
const ABOVE_THE_DIRECTORY: &[&str] = &["directory", "journal", "json_form", "ffi"];

type Graph = BTreeMap<String, BTreeSet<String>>;

fn module_of(root: &Path, file: &Path) -> String {
    let first = file
        .strip_prefix(root)
        .unwrap()
        .components()
        .next()
        .unwrap();
    let name = first.as_os_str().to_str().unwrap();
    name.trim_end_matches(".rs").to_owned()
}

fn graph() -> Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("core/src");
    let modules: BTreeSet<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| module_of(&root, &e.unwrap().path()))
        .filter(|m| m != "lib")
        .collect();
    let exports = root_exports(&std::fs::read_to_string(root.join("lib.rs")).unwrap());
    let mut graph: Graph = modules
        .iter()
        .map(|m| (m.clone(), BTreeSet::new()))
        .collect();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let from = module_of(&root, &path);
            if from == "lib" || path.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Code only: a documentation link is no dependency.
            let code: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            for name in referenced(&code) {
                // `crate::Directory` is `crate::directory::Directory`.
                let to = exports.get(&name).cloned().unwrap_or(name);
                if to != from && modules.contains(&to) {
                    graph.get_mut(&from).unwrap().insert(to);
                }
            }
        }
    }
    graph
}

/// The names the crate root re-exports (`pub use module::{A, B}`), each
/// with its module.
fn root_exports(lib: &str) -> BTreeMap<String, String> {
    let mut exports = BTreeMap::new();
    for (at, _) in lib.match_indices("pub use ") {
        let rest = &lib[at + "pub use ".len()..];
        let statement = &rest[..rest.find(';').unwrap_or(rest.len())];
        let Some((module, names)) = statement.split_once("::") else {
            continue;
        };
        for name in names.trim_matches(|c| c == '{' || c == '}').split(',') {
            let name = name.trim();
            if !name.is_empty() {
                exports.insert(name.to_owned(), module.trim().to_owned());
            }
        }
    }
    exports
}

/// The top-level names a file reaches through `crate::`, including those of
/// a `use crate::{a, b::c}` group.
fn referenced(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            for part in inner.split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                names.insert(name);
            }
        } else {
            names.insert(
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect(),
            );
        }
    }
    names
}

/// Strongly connected components of more than one module (Tarjan's algorithm).
fn cycles(graph: &Graph) -> Vec<BTreeSet<String>> {
    struct Walk<'a> {
        graph: &'a Graph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<BTreeSet<String>>,
    }
    fn visit<'a>(w: &mut Walk<'a>, v: &'a str) {
        let i = w.index.len();
        w.index.insert(v, i);
        w.low.insert(v, i);
        w.stack.push(v);
        for to in &w.graph[v] {
            if !w.index.contains_key(to.as_str()) {
                visit(w, to);
                let low = w.low[v].min(w.low[to.as_str()]);
                w.low.insert(v, low);
            } else if w.stack.contains(&to.as_str()) {
                let low = w.low[v].min(w.index[to.as_str()]);
                w.low.insert(v, low);
            }
        }
        if w.low[v] == w.index[v] {
            let mut component = BTreeSet::new();
            while let Some(top) = w.stack.pop() {
                component.insert(top.to_owned());
                if top == v {
                    break;
                }
            }
            if component.len() > 1 {
                w.found.push(component);
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !walk.index.contains_key(v.as_str()) {
            visit(&mut walk, v);
        }
    }
    walk.found.sort_by_key(|c| std::cmp::Reverse(c.len()));
    walk.found
}

#[test]
fn no_module_is_in_an_import_cycle() {
    let found = cycles(&graph());
    assert!(
        found.is_empty(),
        "import cycles (strongly connected components of more than one module): {found:?}; \
         the features depend on the shared vocabulary and the directory on them, never the \
         reverse (docs/ARCHITECTURE.md)"
    );
}

#[test]
fn no_feature_reaches_into_the_directory() {
    let graph = graph();
    let using: Vec<&str> = graph
        .iter()
        .filter(|(m, to)| !ABOVE_THE_DIRECTORY.contains(&m.as_str()) && to.contains("directory"))
        .map(|(m, _)| m.as_str())
        .collect();
    assert!(
        using.is_empty(),
        "{using:?} import the directory: a feature takes what it reads as a parameter or a \
         trait of its own (docs/ARCHITECTURE.md)"
    );
}

#[test]
fn the_reader_follows_the_root_s_re_exports() {
    let exports = root_exports("pub use directory::{Command, Directory};\npub use policy::Policy;");
    assert_eq!(exports["Directory"], "directory");
    assert_eq!(exports["Policy"], "policy");
}

#[test]
fn the_reader_finds_imports_in_every_form() {
    let text =
        "use crate::ids::OrgId;\nuse crate::{rights::Right, policy};\nlet x = crate::gost::verify;";
    let names: Vec<String> = referenced(text).into_iter().collect();
    assert_eq!(names, ["gost", "ids", "policy", "rights"]);
}

#[test]
fn the_cycle_finder_finds_cycles_and_the_graph_is_read() {
    let edge = |from: &str, to: &[&str]| {
        (
            from.to_owned(),
            to.iter()
                .map(|t| (*t).to_owned())
                .collect::<BTreeSet<String>>(),
        )
    };
    let toy: Graph = [
        edge("a", &["b"]),
        edge("b", &["a", "c"]),
        edge("c", &[]),
        edge("d", &["a"]),
    ]
    .into_iter()
    .collect();
    let found = cycles(&toy);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0],
        ["a", "b"].map(str::to_owned).into_iter().collect()
    );
    // The real graph has the edges the layering rests on.
    let real = graph();
    assert!(real["directory"].contains("delegation"));
    assert!(real["delegation"].contains("context"));
}
