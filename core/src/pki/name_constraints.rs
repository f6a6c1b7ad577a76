//! Name constraints (RFC 5280 §4.2.1.10): does a certificate's names fit an issuer's subtrees?
//!
//! Checked forms: directory names (subject and subjectAltName), RFC 822
//! mailboxes (subjectAltName and the emailAddress attribute of the subject),
//! DNS names (a wildcard `*.domain` is judged by every name it could stand
//! for: it passes a permitted subtree only when the whole domain does, and
//! fails an excluded one that it could cover), URIs (by host; a URI without a
//! host fails a URI constraint) and IP addresses. The other forms (otherName,
//! ediPartyName, registeredID) are not processed: a constraint of
//! such a form is refused when a name of that form appears below it
//! (`pki.name_constraints_unsupported`), and is no obstacle otherwise, since
//! constraints apply only to names present (RFC 5280 §4.2.1.10). Each issuer's
//! constraints are applied separately to every certificate below it, which is
//! equivalent to the intersection of permitted subtrees along the path.
//! (x400Address cannot be decoded at all: an extension holding one is
//! malformed, and a malformed extension refuses its certificate.)

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
    /// A form whose constraints are not processed, by its name.
    Other(&'static str),
}

impl Subject<'_> {
    fn text(&self) -> String {
        match self {
            Self::Directory(n) => display_name(n),
            Self::Email(s) | Self::Dns(s) | Self::Uri(s) => s.clone(),
            Self::Ip(b) => super::parse::hex(b),
            Self::Other(form) => (*form).to_owned(),
        }
    }
    fn kind(&self) -> Form {
        match self {
            Self::Directory(_) => Form::Directory,
            Self::Email(_) => Form::Email,
            Self::Dns(_) => Form::Dns,
            Self::Uri(_) => Form::Uri,
            Self::Ip(_) => Form::Ip,
            Self::Other(form) => Form::Other(form),
        }
    }
}

/// The form of a general name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Directory,
    Email,
    Dns,
    Uri,
    Ip,
    Other(&'static str),
}

/// The name of a form kabinet does not process, or `None` for a processed one.
pub(crate) fn unprocessed_form(name: &GeneralName) -> Option<&'static str> {
    match name {
        GeneralName::OtherName(_) => Some("otherName"),
        GeneralName::EdiPartyName(_) => Some("ediPartyName"),
        GeneralName::RegisteredId(_) => Some("registeredID"),
        _ => None,
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
            other => out.extend(unprocessed_form(other).map(Subject::Other)),
        }
    }
    out
}

fn base_kind(base: &GeneralName) -> Form {
    match base {
        GeneralName::DirectoryName(_) => Form::Directory,
        GeneralName::Rfc822Name(_) => Form::Email,
        GeneralName::DnsName(_) => Form::Dns,
        GeneralName::UniformResourceIdentifier(_) => Form::Uri,
        GeneralName::IpAddress(_) => Form::Ip,
        other => Form::Other(unprocessed_form(other).unwrap_or("otherName")),
    }
}

/// Whether `name` ends with `suffix`, ASCII case folded (no allocation: this
/// runs once per name and subtree, up to the name-constraint budget).
fn ends_with_folded(name: &str, suffix: &str) -> bool {
    name.len() >= suffix.len()
        && name
            .as_bytes()
            .get(name.len() - suffix.len()..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix.as_bytes()))
}

fn domain_within(name: &str, constraint: &str) -> bool {
    if constraint.is_empty() {
        return true;
    }
    if let Some(stripped) = constraint.strip_prefix('.') {
        return ends_with_folded(name, constraint) && name.len() > stripped.len();
    }
    if name.len() == constraint.len() {
        return name.eq_ignore_ascii_case(constraint);
    }
    ends_with_folded(name, constraint)
        && name.len() > constraint.len()
        && name.as_bytes().get(name.len() - constraint.len() - 1) == Some(&b'.')
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
            let c: &str = c.as_str();
            if c.contains('@') {
                return mailbox.eq_ignore_ascii_case(c);
            }
            let domain = mailbox
                .rsplit_once('@')
                .map_or(mailbox.as_str(), |(_, d)| d);
            if c.starts_with('.') {
                domain_within(domain, c)
            } else {
                domain.eq_ignore_ascii_case(c)
            }
        }
        (Subject::Dns(n), GeneralName::DnsName(c)) => match n.strip_prefix("*.") {
            // Every name the wildcard stands for lies in the subtree.
            Some(domain) => domain_within(domain, c.as_ref()),
            None => domain_within(n, c.as_ref()),
        },
        (Subject::Uri(u), GeneralName::UniformResourceIdentifier(c)) => {
            let c: &str = c.as_str();
            uri_host(u).filter(|h| !h.is_empty()).is_some_and(|host| {
                if c.starts_with('.') {
                    domain_within(host, c)
                } else {
                    host.eq_ignore_ascii_case(c)
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

/// Whether some name a wildcard dNSName stands for lies in the subtree `c`.
fn wildcard_may_match(name: &Subject<'_>, base: &GeneralName) -> bool {
    let (Subject::Dns(n), GeneralName::DnsName(c)) = (name, base) else {
        return false;
    };
    let Some(domain) = n.strip_prefix("*.") else {
        return false;
    };
    let c: &str = c.as_str();
    domain_within(domain, c)
        || c.split_once('.')
            .is_some_and(|(_, parent)| parent.eq_ignore_ascii_case(domain))
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
    let subtrees = constraints
        .permitted_subtrees
        .iter()
        .chain(constraints.excluded_subtrees.iter())
        .flatten();
    for s in subtrees {
        if let Form::Other(form) = base_kind(&s.base) {
            if names.iter().any(|n| n.kind() == Form::Other(form)) {
                return Err(PkiError::NameConstraintsUnsupported { form });
            }
        }
    }
    for name in &names {
        if let Subject::Other(_) = name {
            continue;
        }
        if let Some(permitted) = &constraints.permitted_subtrees {
            let of_kind: Vec<_> = permitted
                .iter()
                .filter(|s| base_kind(&s.base) == name.kind())
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
            if matches(name, &s.base) || wildcard_may_match(name, &s.base) {
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
