//! The list of common passwords a NIST-style policy refuses.
//!
//! The list ships with the library (`common_passwords.txt`: the 4,000 most
//! common passwords of the zxcvbn frequency list, MIT licence, built from
//! public breach corpora). NIST SP 800-63B §3.1.1.2 asks verifiers to compare
//! new passwords against "passwords obtained from previous breach corpuses"
//! and "commonly-used passwords"; the comparison is case-insensitive.
//!
//! The file is sorted by bytes, so a lookup is a binary search over the
//! text itself: no table to build, no allocation beyond the lowercased
//! candidate.

/// The list: comment lines starting with `#`, then one lowercase password
/// per line, sorted by bytes.
pub const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// The passwords, after the comment lines.
fn body() -> &'static str {
    let mut rest = COMMON_PASSWORDS;
    while rest.starts_with('#') {
        rest = rest.split_once('\n').map_or("", |(_, r)| r);
    }
    rest
}

/// Binary search for a whole line in newline-separated text sorted by bytes.
fn contains_line(text: &str, needle: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut lo, mut hi) = (0usize, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes
            .get(lo..mid)
            .and_then(|s| s.iter().rposition(|&b| b == b'\n'))
            .map_or(lo, |p| lo + p + 1);
        let end = bytes
            .get(start..)
            .and_then(|s| s.iter().position(|&b| b == b'\n'))
            .map_or(bytes.len(), |p| start + p);
        let Some(line) = text.get(start..end) else {
            return false;
        };
        match line.as_bytes().cmp(needle.as_bytes()) {
            core::cmp::Ordering::Equal => return true,
            core::cmp::Ordering::Less => lo = end + 1,
            core::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// Whether a password is on the list of common passwords (case-insensitive).
pub fn is_common_password(password: &str) -> bool {
    !password.contains('\n') && contains_line(body(), &password.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_common_passwords_are_listed() {
        assert!(is_common_password("password1"));
        assert!(is_common_password("QWERTY123"));
        assert!(is_common_password("123456"));
        assert!(!is_common_password("correct horse battery staple"));
        assert!(!is_common_password(""));
        assert!(!is_common_password("password1\nqwerty"));
    }

    #[test]
    fn the_search_finds_every_line_and_nothing_between() {
        let lines: Vec<&str> = body().lines().collect();
        assert_eq!(lines.len(), 4000);
        assert!(lines.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
        for l in &lines {
            assert!(contains_line(body(), l), "{l}");
            let near = format!("{l}\u{1}");
            assert!(!contains_line(body(), &near), "{near}");
        }
    }
}
