//! No binding invents an error code: every `area.reason` literal in the
//! bindings' sources is one the core's sources define, and the codes of
//! host input and JSON forms come from the core's tables
//! ([`InputKind`], [`JsonForm`]), never from a literal in a binding.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kabinet::{InputKind, JsonForm};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "rs" || e == "py" || e == "pyi")
        {
            out.push(path);
        }
    }
}

/// The string literals shaped like a code (`area.reason`) in the files under `dirs`.
fn code_literals(dirs: &[&str]) -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for d in dirs {
        sources(&root.join(d), &mut files);
    }
    assert!(!files.is_empty(), "no sources under {dirs:?}");
    let mut out = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for piece in text.split('"').skip(1).step_by(2) {
            let shaped = piece.split_once('.').is_some_and(|(a, r)| {
                !a.is_empty()
                    && !r.is_empty()
                    && a.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    && r.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            });
            if shaped {
                out.insert(piece.to_owned());
            }
        }
    }
    out
}

#[test]
fn every_code_a_binding_names_is_the_cores() {
    let core = code_literals(&["core/src", "src"]);
    let bindings = code_literals(&[
        "bindings/python/src",
        "bindings/python/python",
        "bindings/uniffi/src",
    ]);
    // Python module names share the shape.
    let modules = ["kabinet._kabinet", "kabinet.errors"];
    let invented: Vec<&String> = bindings
        .iter()
        .filter(|c| !core.contains(*c) && !modules.contains(&c.as_str()))
        .collect();
    assert!(
        invented.is_empty(),
        "codes invented in a binding: {invented:?}"
    );

    let tabled: BTreeSet<&str> = InputKind::ALL
        .iter()
        .map(|k| k.code())
        .chain(JsonForm::ALL.iter().flat_map(|f| f.error_codes()))
        .collect();
    let spelled: Vec<&String> = bindings
        .iter()
        .filter(|c| tabled.contains(c.as_str()))
        .collect();
    assert!(
        spelled.is_empty(),
        "codes of the core's tables spelt out in a binding: {spelled:?}"
    );
}
