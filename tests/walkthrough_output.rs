//! The main job (`examples/walkthrough`) reads like a product: every line in
//! the language asked for, no Rust debug formatting, lists that say how many
//! more there are. The test command (`./scripts/test`) builds the example
//! first.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::path::PathBuf;

fn walkthrough() -> PathBuf {
    // target/<profile>/deps/<this test> → target/<profile>/examples/walkthrough,
    // which `cargo build --example walkthrough` leaves there (`cargo test
    // --all-targets` builds examples as test harnesses, not as programs).
    let exe = std::env::current_exe().unwrap();
    let bin = exe
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("examples")
        .join("walkthrough");
    assert!(
        bin.is_file(),
        "{} is not built: run ./scripts/test, or `cargo build --example walkthrough` first",
        bin.display()
    );
    bin
}

fn run(db: &std::path::Path, lang: &str) -> String {
    let out = std::process::Command::new(walkthrough())
        .arg(db)
        .args(["--lang", lang])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Rust's `Debug` of enums and vectors: `Role(BuiltIn(Accountant))`,
/// `Active`, `[]`, `["access.x"]`.
fn debug_text(line: &str) -> bool {
    let bytes = line.as_bytes();
    let enum_call = bytes.windows(2).enumerate().any(|(i, w)| {
        w[1] == b'(' && w[0].is_ascii_alphabetic() && {
            // the word before the parenthesis starts with a capital letter
            let start = line[..=i]
                .rfind(|c: char| !c.is_ascii_alphanumeric())
                .map_or(0, |p| p + 1);
            line[start..].starts_with(|c: char| c.is_ascii_uppercase())
        }
    });
    enum_call || line.contains("[]") || line.contains("[\"") || line.ends_with(" is Active")
}

#[test]
fn the_walk_speaks_one_language_without_debug_text() {
    for lang in ["ru", "en"] {
        let db = support::fresh_temp_path(&format!("walk-{lang}.db"));
        // First run registers everything, the second reads it back.
        for text in [run(&db, lang), run(&db, lang)] {
            for line in text.lines() {
                assert!(!debug_text(line), "{lang}: debug text in {line:?}");
                if lang == "ru" {
                    for english in ["refused", "allowed", "entries verified", " joined "] {
                        assert!(!line.contains(english), "ru: English in {line:?}");
                    }
                } else {
                    for russian in ["отказано", "разрешено", "проверено", "принят"]
                    {
                        assert!(!line.contains(russian), "en: Russian in {line:?}");
                    }
                }
            }
            let more = if lang == "ru" {
                "… и ещё прав:"
            } else {
                "… and "
            };
            assert!(text.contains(more), "{lang}: a cut list says how many more");
        }
    }
    assert!(debug_text(
        "   organization.view      Role(BuiltIn(Accountant))"
    ));
    assert!(debug_text(
        "   refused ... [\"access.membership_not_active\"]"
    ));
    assert!(!debug_text("   allowed: users.manage (role administrator)"));
}
