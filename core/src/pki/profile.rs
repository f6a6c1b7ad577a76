//! The RFC 5280 certificate profile: rules each certificate of a path must
//! meet whatever the path, by its place in it.
//!
//! Every certificate: no extension twice (§4.2); no unknown critical or
//! malformed extension; a serial number that is positive and at most 20
//! octets (§4.1.2.2; anchors excepted); authorityKeyIdentifier present
//! unless self-issued (an anchor cross-signed by another CA too), and never
//! critical (§4.2.1.1); subjectKeyIdentifier and authorityInfoAccess
//! never critical (§4.2.1.2, §4.2.2.1); policyConstraints and nameConstraints
//! critical (§4.2.1.11, §4.2.1.10); with an empty subject, a critical
//! subjectAltName (§4.2.1.6); names of subjectAltName in their syntax
//! ([`super::name_syntax`]); keyCertSign only with cA (§4.2.1.3).
//!
//! The end entity: no name constraints (§4.2.1.10). A certification
//! authority (intermediate or anchor): a subjectKeyIdentifier (§4.2.1.2), a
//! non-empty subject (§4.1.2.6), well-formed constraint subtrees.
//!
//! Under [`ProfileStrictness::Relaxed`] the key identifiers need not be
//! present and policyConstraints need not be critical.
//!
//! A trust anchor given as a certificate, under
//! [`AnchorPolicy::Certificate`](super::AnchorPolicy) (the default): all of
//! the above, and valid at the time of validation, with a critical
//! basicConstraints asserting cA and, when keyUsage is present, keyCertSign —
//! as OpenSSL, Go and rustls require of their roots.

use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::NameConstraints;

use super::error::{
    CRITICAL_FORBIDDEN, CRITICAL_REQUIRED, SERIAL_NEGATIVE, SERIAL_TOO_LONG, SERIAL_ZERO,
};
use super::name_syntax::{
    dns_constraint_ok, dns_name_ok, ip_constraint_ok, ip_ok, mailbox_constraint_ok, mailbox_ok,
    uri_constraint_ok,
};
use super::{oids, ParsedCertificate, PkiError, ProfileStrictness};
use crate::Timestamp;

/// The place of a certificate in a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The certificate being validated (index 0).
    EndEntity,
    /// An intermediate certification authority.
    Authority,
    /// The trust anchor, checked as a certificate.
    Anchor,
}

/// Every rule of the profile that `cert` breaks in `role`.
pub(crate) fn problems(
    cert: &ParsedCertificate,
    role: Role,
    strictness: ProfileStrictness,
) -> Vec<PkiError> {
    let mut out = Vec::new();
    let ext = cert.extensions();
    out.extend(
        ext.duplicates
            .iter()
            .map(|o| PkiError::DuplicateExtension { oid: o.to_string() }),
    );
    out.extend(
        ext.unknown_critical
            .iter()
            .map(|o| PkiError::UnknownCriticalExtension { oid: o.to_string() }),
    );
    out.extend(
        ext.malformed
            .iter()
            .map(|o| PkiError::MalformedExtension { oid: o.to_string() }),
    );
    // An anchor is trusted as given: nobody revokes it by its serial (real
    // roots, such as Starfield's G2, have serial 0).
    if role != Role::Anchor {
        out.extend(serial_problem(cert));
    }
    for oid in [
        oids::AUTHORITY_KEY_ID,
        oids::SUBJECT_KEY_ID,
        oids::AUTHORITY_INFO_ACCESS,
    ] {
        if ext.is_critical(&oid) {
            out.push(criticality_error(oid, false));
        }
    }
    let strict = strictness == ProfileStrictness::Strict;
    if ext.policy_constraints.is_some() && !ext.is_critical(&oids::POLICY_CONSTRAINTS) && strict {
        out.push(criticality_error(oids::POLICY_CONSTRAINTS, true));
    }
    if ext.name_constraints.is_some() && !ext.is_critical(&oids::NAME_CONSTRAINTS) {
        out.push(criticality_error(oids::NAME_CONSTRAINTS, true));
    }
    if ext.authority_key_id.is_none() && !cert.is_self_issued() && strict {
        out.push(PkiError::MissingExtension {
            name: "authorityKeyIdentifier",
        });
    }
    let subject_empty = cert.certificate().tbs_certificate.subject.0.is_empty();
    if subject_empty {
        if !ext.has_subject_alt_name {
            out.push(PkiError::MissingExtension {
                name: "subjectAltName",
            });
        } else if !ext.is_critical(&oids::SUBJECT_ALT_NAME) {
            out.push(criticality_error(oids::SUBJECT_ALT_NAME, true));
        }
    }
    out.extend(ext.subject_alt_names.iter().filter_map(name_problem));
    if ext.key_usage.as_ref().is_some_and(|k| k.key_cert_sign()) && !ext.is_ca() {
        out.push(PkiError::KeyCertSignWithoutCa);
    }
    match role {
        Role::EndEntity => {
            if ext.name_constraints.is_some() && !ext.is_ca() {
                out.push(PkiError::NameConstraintsInEndEntity);
            }
        }
        Role::Authority | Role::Anchor => {
            if ext.subject_key_id.is_none() && strict {
                out.push(PkiError::MissingExtension {
                    name: "subjectKeyIdentifier",
                });
            }
            if subject_empty {
                out.push(PkiError::EmptySubject);
            }
            if let Some(nc) = &ext.name_constraints {
                out.extend(constraint_problems(nc));
            }
        }
    }
    out
}

/// The rules a trust anchor given as a certificate must meet at `at`, besides [`problems`].
pub(crate) fn anchor_problems(
    cert: &ParsedCertificate,
    at: Timestamp,
    strictness: ProfileStrictness,
) -> Vec<PkiError> {
    let mut out = problems(cert, Role::Anchor, strictness);
    if at < cert.not_before() {
        out.push(PkiError::NotYetValid {
            not_before: cert.not_before(),
        });
    } else if at > cert.not_after() {
        out.push(PkiError::Expired {
            not_after: cert.not_after(),
        });
    }
    let ext = cert.extensions();
    match &ext.basic_constraints {
        None if !ext.malformed.contains(&oids::BASIC_CONSTRAINTS) => {
            out.push(PkiError::MissingExtension {
                name: "basicConstraints",
            });
        }
        None => {}
        Some(bc) if !bc.ca => out.push(PkiError::NotCa),
        Some(_) if !ext.is_critical(&oids::BASIC_CONSTRAINTS) => {
            out.push(criticality_error(oids::BASIC_CONSTRAINTS, true));
        }
        Some(_) => {}
    }
    if ext.key_usage.as_ref().is_some_and(|k| !k.key_cert_sign()) {
        out.push(PkiError::KeyUsage {
            required: "keyCertSign",
        });
    }
    out
}

fn criticality_error(oid: const_oid::ObjectIdentifier, must_be_critical: bool) -> PkiError {
    PkiError::ExtensionCriticality {
        oid: oid.to_string(),
        rule: if must_be_critical {
            CRITICAL_REQUIRED
        } else {
            CRITICAL_FORBIDDEN
        },
    }
}

fn serial_problem(cert: &ParsedCertificate) -> Option<PkiError> {
    let bytes = cert.certificate().tbs_certificate.serial_number.as_bytes();
    let detail = if bytes.first().is_some_and(|b| b & 0x80 != 0) {
        SERIAL_NEGATIVE
    } else {
        let start = bytes.iter().position(|b| *b != 0);
        match start {
            None => SERIAL_ZERO,
            Some(i) if bytes.len() - i > 20 => SERIAL_TOO_LONG,
            Some(_) => return None,
        }
    };
    Some(PkiError::InvalidSerial { detail })
}

fn invalid(form: &'static str, name: &str) -> PkiError {
    PkiError::InvalidName {
        form,
        name: name.to_owned(),
    }
}

/// The syntax problem of one subjectAltName entry.
fn name_problem(name: &GeneralName) -> Option<PkiError> {
    match name {
        GeneralName::DnsName(s) if !dns_name_ok(s.as_ref()) => Some(invalid("dNSName", s.as_ref())),
        GeneralName::Rfc822Name(s) if !mailbox_ok(s.as_ref()) => {
            Some(invalid("rfc822Name", s.as_ref()))
        }
        GeneralName::IpAddress(o) if !ip_ok(o.as_bytes()) => {
            Some(invalid("iPAddress", &super::parse::hex(o.as_bytes())))
        }
        _ => None,
    }
}

/// The syntax problems of the subtrees of a nameConstraints extension.
fn constraint_problems(nc: &NameConstraints) -> Vec<PkiError> {
    nc.permitted_subtrees
        .iter()
        .chain(nc.excluded_subtrees.iter())
        .flatten()
        .filter_map(|subtree| match &subtree.base {
            GeneralName::DnsName(s) if !dns_constraint_ok(s.as_ref()) => {
                Some(invalid("dNSName constraint", s.as_ref()))
            }
            GeneralName::Rfc822Name(s) if !mailbox_constraint_ok(s.as_ref()) => {
                Some(invalid("rfc822Name constraint", s.as_ref()))
            }
            GeneralName::UniformResourceIdentifier(s) if !uri_constraint_ok(s.as_ref()) => {
                Some(invalid("uniformResourceIdentifier constraint", s.as_ref()))
            }
            GeneralName::IpAddress(o) if !ip_constraint_ok(o.as_bytes()) => Some(invalid(
                "iPAddress constraint",
                &super::parse::hex(o.as_bytes()),
            )),
            _ => None,
        })
        .collect()
}
