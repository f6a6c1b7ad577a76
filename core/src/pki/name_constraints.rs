//! Name constraints (RFC 5280 §4.2.1.10): does a certificate's names fit an issuer's subtrees?
//!
//! Checked forms: directory names (subject and subjectAltName), RFC 822
//! mailboxes (subjectAltName and the emailAddress attribute of the subject),
//! DNS names, URIs (by host) and IP addresses. Each issuer's constraints are
//! applied separately to every certificate below it, which is equivalent to
//! the intersection of permitted subtrees along the path.

use der::asn1::AnyRef;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::NameConstraints;
use x509_cert::name::Name;

use super::name::{display_name, name_has_prefix, string_value};
use super::{oids, ParsedCertificate, PkiError};

/// A name of a certificate, in the forms constraints know.
enum Subject<'a> {
    Directory(&'a Name),
    Email(String),
    Dns(String),
    Uri(String),
    Ip(Vec<u8>),
}

impl Subject<'_> {
    fn text(&self) -> String {
        match self {
            Self::Directory(n) => display_name(n),
            Self::Email(s) | Self::Dns(s) | Self::Uri(s) => s.clone(),
            Self::Ip(b) => super::parse::hex(b),
        }
    }
    fn kind(&self) -> u8 {
        match self {
            Self::Directory(_) => 0,
            Self::Email(_) => 1,
            Self::Dns(_) => 2,
            Self::Uri(_) => 3,
            Self::Ip(_) => 4,
        }
    }
}

fn names_of(cert: &ParsedCertificate) -> Vec<Subject<'_>> {
    let subject = &cert.certificate().tbs_certificate.subject;
    let mut out = Vec::new();
    if !subject.0.is_empty() {
        out.push(Subject::Directory(subject));
    }
    for atv in subject.0.iter().flat_map(|rdn| rdn.0.iter()) {
        if atv.oid == oids::EMAIL {
            if let Some(v) = string_value(AnyRef::from(&atv.value)) {
                out.push(Subject::Email(v));
            }
        }
    }
    for gn in &cert.extensions().subject_alt_names {
        match gn {
            GeneralName::DirectoryName(n) => out.push(Subject::Directory(n)),
            GeneralName::Rfc822Name(s) => out.push(Subject::Email(s.to_string())),
            GeneralName::DnsName(s) => out.push(Subject::Dns(s.to_string())),
            GeneralName::UniformResourceIdentifier(s) => out.push(Subject::Uri(s.to_string())),
            GeneralName::IpAddress(o) => out.push(Subject::Ip(o.as_bytes().to_vec())),
            _ => {}
        }
    }
    out
}

fn base_kind(base: &GeneralName) -> Option<u8> {
    match base {
        GeneralName::DirectoryName(_) => Some(0),
        GeneralName::Rfc822Name(_) => Some(1),
        GeneralName::DnsName(_) => Some(2),
        GeneralName::UniformResourceIdentifier(_) => Some(3),
        GeneralName::IpAddress(_) => Some(4),
        _ => None,
    }
}

fn domain_within(name: &str, constraint: &str) -> bool {
    let (name, constraint) = (name.to_ascii_lowercase(), constraint.to_ascii_lowercase());
    if constraint.is_empty() {
        return true;
    }
    if let Some(stripped) = constraint.strip_prefix('.') {
        return name.ends_with(&constraint) && name.len() > stripped.len();
    }
    name == constraint || name.ends_with(&format!(".{constraint}"))
}

fn uri_host(uri: &str) -> Option<&str> {
    let rest = uri.split_once("://").map(|(_, r)| r)?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    Some(host_port.split(':').next().unwrap_or(host_port))
}

fn matches(name: &Subject<'_>, base: &GeneralName) -> bool {
    match (name, base) {
        (Subject::Directory(n), GeneralName::DirectoryName(b)) => name_has_prefix(n, b),
        (Subject::Email(mailbox), GeneralName::Rfc822Name(c)) => {
            let c = c.to_string();
            if c.contains('@') {
                return mailbox.eq_ignore_ascii_case(&c);
            }
            let domain = mailbox
                .rsplit_once('@')
                .map_or(mailbox.as_str(), |(_, d)| d);
            if c.starts_with('.') {
                domain_within(domain, &c)
            } else {
                domain.eq_ignore_ascii_case(&c)
            }
        }
        (Subject::Dns(n), GeneralName::DnsName(c)) => domain_within(n, c.as_ref()),
        (Subject::Uri(u), GeneralName::UniformResourceIdentifier(c)) => {
            let c = c.to_string();
            uri_host(u).is_some_and(|host| {
                if c.starts_with('.') {
                    domain_within(host, &c)
                } else {
                    host.eq_ignore_ascii_case(&c)
                }
            })
        }
        (Subject::Ip(addr), GeneralName::IpAddress(c)) => {
            let c = c.as_bytes();
            let (net, mask) = c.split_at(c.len() / 2);
            addr.len() == net.len()
                && addr
                    .iter()
                    .zip(net)
                    .zip(mask)
                    .all(|((a, n), m)| a & m == n & m)
        }
        _ => false,
    }
}

/// Checks the names of `cert` against `constraints`, spending from `budget`.
///
/// # Errors
/// [`PkiError::NameConstraints`] naming the first name outside the subtrees,
/// [`PkiError::BudgetExhausted`] when the comparisons exceed the budget.
pub(crate) fn check(
    cert: &ParsedCertificate,
    constraints: &NameConstraints,
    budget: &mut usize,
) -> Result<(), PkiError> {
    let names = names_of(cert);
    let mut spend = || {
        *budget = budget.checked_sub(1).ok_or(PkiError::BudgetExhausted {
            what: "name constraints",
        })?;
        Ok::<(), PkiError>(())
    };
    for name in &names {
        if let Some(permitted) = &constraints.permitted_subtrees {
            let of_kind: Vec<_> = permitted
                .iter()
                .filter(|s| base_kind(&s.base) == Some(name.kind()))
                .collect();
            if !of_kind.is_empty() {
                let mut ok = false;
                for s in of_kind {
                    spend()?;
                    ok |= matches(name, &s.base);
                }
                if !ok {
                    return Err(PkiError::NameConstraints { name: name.text() });
                }
            }
        }
        for s in constraints.excluded_subtrees.iter().flatten() {
            spend()?;
            if matches(name, &s.base) {
                return Err(PkiError::NameConstraints { name: name.text() });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_match_on_label_boundaries() {
        assert!(domain_within("host.example.com", "example.com"));
        assert!(domain_within("example.com", "example.com"));
        assert!(!domain_within("badexample.com", "example.com"));
        assert!(domain_within("a.example.com", ".example.com"));
        assert!(!domain_within("example.com", ".example.com"));
    }

    #[test]
    fn uri_hosts_are_extracted() {
        assert_eq!(
            uri_host("http://user@host.example:80/path"),
            Some("host.example")
        );
        assert_eq!(uri_host("not a uri"), None);
    }
}
