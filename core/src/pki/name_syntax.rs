//! Syntax of the names a certificate carries and a name constraint lists (RFC 5280 §4.2.1.6, §4.2.1.10).
//!
//! A dNSName is in the preferred name syntax of RFC 1034 §3.5 as relaxed by
//! RFC 1123 §2.1 (letters, digits and hyphens; labels of 1–63 characters, no
//! hyphen at either end; at most 253 characters). An rfc822Name is a mailbox
//! `local@domain` with exactly one `@`. An iPAddress is 4 or 16 octets, and
//! in a constraint 8 or 32 (address and a contiguous mask). A name that fails
//! its syntax is refused wherever it appears: a validator that compares
//! malformed names against constraints can be talked into either answer.

/// Longest domain name (RFC 1034 §3.1).
const MAX_DOMAIN: usize = 253;
/// Longest label (RFC 1034 §3.1).
const MAX_LABEL: usize = 63;

fn label_ok(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= MAX_LABEL
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// Whether `name` is a domain name in the preferred syntax.
pub(crate) fn domain_ok(name: &str) -> bool {
    !name.is_empty() && name.len() <= MAX_DOMAIN && name.split('.').all(label_ok)
}

/// Whether `name` is a dNSName of a certificate: a domain, or `*.` and a domain
/// of at least two labels (a wildcard stands only for the whole leftmost label).
pub(crate) fn dns_name_ok(name: &str) -> bool {
    match name.strip_prefix("*.") {
        Some(rest) => domain_ok(rest) && rest.contains('.'),
        None => domain_ok(name),
    }
}

/// Whether `constraint` is a dNSName subtree: empty (every name) or a domain;
/// no wildcard and no leading period (that form belongs to URIs and mailboxes).
pub(crate) fn dns_constraint_ok(constraint: &str) -> bool {
    constraint.is_empty() || domain_ok(constraint)
}

/// Whether `mailbox` is `local@domain`: one `@`, a printable local part, a domain.
pub(crate) fn mailbox_ok(mailbox: &str) -> bool {
    match mailbox.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && local.bytes().all(|b| b.is_ascii_graphic() && b != b'@')
                && domain_ok(domain)
        }
        None => false,
    }
}

/// Whether `constraint` is an rfc822Name subtree: a mailbox, a host, or `.domain`.
pub(crate) fn mailbox_constraint_ok(constraint: &str) -> bool {
    if constraint.contains('@') {
        return mailbox_ok(constraint);
    }
    domain_ok(constraint.strip_prefix('.').unwrap_or(constraint))
}

/// Whether `constraint` is a URI subtree: a host or `.domain`.
pub(crate) fn uri_constraint_ok(constraint: &str) -> bool {
    domain_ok(constraint.strip_prefix('.').unwrap_or(constraint))
}

/// Whether `octets` is an IPv4 or IPv6 address.
pub(crate) fn ip_ok(octets: &[u8]) -> bool {
    matches!(octets.len(), 4 | 16)
}

/// Whether `octets` is an address and a contiguous mask of the same family.
pub(crate) fn ip_constraint_ok(octets: &[u8]) -> bool {
    if !matches!(octets.len(), 8 | 32) {
        return false;
    }
    let mask = octets.get(octets.len() / 2..).unwrap_or_default();
    let mut ones_ended = false;
    for byte in mask {
        for bit in (0..8).rev() {
            let one = byte & (1 << bit) != 0;
            if one && ones_ended {
                return false;
            }
            ones_ended |= !one;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_names() {
        assert!(dns_name_ok("example.com"));
        assert!(dns_name_ok("*.example.com"));
        assert!(dns_name_ok("xn--80ak6aa92e.xn--p1ai"));
        assert!(!dns_name_ok("foo_bar.example.com"));
        assert!(!dns_name_ok("*.com"));
        assert!(!dns_name_ok("a.*.example.com"));
        assert!(!dns_name_ok(".example.com"));
        assert!(!dns_name_ok("example..com"));
        assert!(!dns_name_ok("-a.example.com"));
        assert!(!dns_name_ok(""));
        assert!(!dns_name_ok(&format!("{}.com", "a".repeat(64))));
    }

    #[test]
    fn dns_constraints() {
        assert!(dns_constraint_ok(""));
        assert!(dns_constraint_ok("example.com"));
        assert!(!dns_constraint_ok(".example.com"));
        assert!(!dns_constraint_ok("*.example.com"));
    }

    #[test]
    fn mailboxes() {
        assert!(mailbox_ok("user@example.com"));
        assert!(mailbox_ok("*@example.com"));
        assert!(!mailbox_ok("invalid@address@example.com"));
        assert!(!mailbox_ok("@example.com"));
        assert!(!mailbox_ok("user"));
        assert!(mailbox_constraint_ok("example.com"));
        assert!(mailbox_constraint_ok(".example.com"));
        assert!(mailbox_constraint_ok("user@example.com"));
        assert!(!mailbox_constraint_ok("invalid@invalid@example.com"));
    }

    #[test]
    fn ip_masks_are_contiguous() {
        assert!(ip_constraint_ok(&[192, 0, 2, 0, 255, 255, 255, 0]));
        assert!(!ip_constraint_ok(&[192, 0, 2, 0, 255, 0, 255, 0]));
        assert!(!ip_constraint_ok(&[192, 0, 2, 0]));
        assert!(ip_ok(&[192, 0, 2, 1]));
        assert!(!ip_ok(&[192, 0, 2]));
    }
}
