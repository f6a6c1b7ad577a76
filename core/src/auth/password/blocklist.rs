//! The list of common passwords a NIST-style policy refuses.
//!
//! The list ships with the library (`common_passwords.txt`: the 4,000 most
//! common passwords of the zxcvbn frequency list, MIT licence, built from
//! public breach corpora). NIST SP 800-63B §3.1.1.2 asks verifiers to compare
//! new passwords against "passwords obtained from previous breach corpuses"
//! and "commonly-used passwords"; the comparison is case-insensitive.

/// The list, one lowercase password per line; lines starting with `#` are comments.
pub const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// Whether a password is on the list of common passwords (case-insensitive).
pub fn is_common_password(password: &str) -> bool {
    let lower = password.to_lowercase();
    COMMON_PASSWORDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .any(|l| l == lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_common_passwords_are_listed() {
        assert!(is_common_password("password1"));
        assert!(is_common_password("QWERTY123"));
        assert!(!is_common_password("correct horse battery staple"));
        let count = COMMON_PASSWORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .count();
        assert_eq!(count, 4000);
    }
}
