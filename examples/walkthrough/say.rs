//! The walk's language: `--lang ru` (the default) or `--lang en`; every line
//! is printed in that one language.

use std::sync::OnceLock;

static RUSSIAN: OnceLock<bool> = OnceLock::new();

/// Reads `--lang ru|en` from the arguments; returns the others.
pub fn choose(args: Vec<String>) -> Result<Vec<String>, String> {
    let mut rest = Vec::new();
    let mut args = args.into_iter();
    let mut russian = true;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lang" => match args.next().as_deref() {
                Some("ru") => russian = true,
                Some("en") => russian = false,
                other => return Err(format!("--lang takes ru or en, not {other:?}")),
            },
            _ => rest.push(a),
        }
    }
    let _ = RUSSIAN.set(russian);
    Ok(rest)
}

/// Whether the walk speaks Russian.
pub fn russian() -> bool {
    *RUSSIAN.get().unwrap_or(&true)
}

/// Prints one line in the walk's language: `say!("по-русски {x}", "in English {x}")`.
macro_rules! say {
    ($ru:literal, $en:literal) => {
        $crate::say::line(if $crate::say::russian() {
            format!($ru)
        } else {
            format!($en)
        })
    };
}
pub(crate) use say;

/// Writes one line to standard output; a reader that went away (`| head`)
/// ends the walk quietly, any other failure with a message.
pub fn line(text: String) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{text}") {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: output.write: {e}");
            std::process::exit(2);
        }
        std::process::exit(0);
    }
}

/// A role as people read it: a built-in role by its title, a custom one
/// by its number (its name is the organization's, given when it is made).
pub fn role(r: &kabinet::RoleRef) -> String {
    match r {
        kabinet::RoleRef::BuiltIn(b) if russian() => format!("«{}»", b.title_ru()),
        kabinet::RoleRef::BuiltIn(b) => b.code().to_owned(),
        kabinet::RoleRef::Custom(id) => id.to_string(),
    }
}

/// A library error's message in the walk's language.
pub fn message(e: &impl kabinet::Coded) -> String {
    if russian() {
        e.message_ru()
    } else {
        e.message_en()
    }
}

/// A decision's explanation in the walk's language.
pub fn explain(d: &kabinet::Decision) -> String {
    if russian() {
        d.explain_ru()
    } else {
        d.explain_en()
    }
}
