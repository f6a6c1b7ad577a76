//! The extensions of certificates and CRLs, read once at parse time.
//!
//! Reading never fails: an extension that cannot be decoded is recorded as
//! malformed and an unrecognized critical one as unknown, and validation turns
//! both into problems (RFC 5280 §4.2: a critical extension that is not
//! recognized must make the certificate be rejected).

use const_oid::ObjectIdentifier;
use der::Decode;
use x509_cert::ext::pkix::{
    crl::{BaseCrlNumber, CrlDistributionPoints, CrlNumber},
    name::GeneralName,
    AuthorityKeyIdentifier, BasicConstraints, CertificatePolicies, ExtendedKeyUsage,
    IssuingDistributionPoint, KeyUsage, NameConstraints, PolicyConstraints, PolicyMappings,
    SubjectAltName, SubjectKeyIdentifier,
};
use x509_cert::ext::Extension;

use super::oids;

/// The extensions of a certificate that validation and the profile use.
#[derive(Debug, Clone, Default)]
pub struct CertExtensions {
    /// basicConstraints.
    pub basic_constraints: Option<BasicConstraints>,
    /// keyUsage.
    pub key_usage: Option<KeyUsage>,
    /// extendedKeyUsage purposes.
    pub extended_key_usage: Option<Vec<ObjectIdentifier>>,
    /// subjectKeyIdentifier.
    pub subject_key_id: Option<Vec<u8>>,
    /// keyIdentifier of authorityKeyIdentifier.
    pub authority_key_id: Option<Vec<u8>>,
    /// nameConstraints.
    pub name_constraints: Option<NameConstraints>,
    /// subjectAltName entries.
    pub subject_alt_names: Vec<GeneralName>,
    /// cRLDistributionPoints.
    pub crl_distribution_points: Option<CrlDistributionPoints>,
    /// Policy identifiers of certificatePolicies.
    pub policies: Vec<ObjectIdentifier>,
    /// Whether certificatePolicies is present (even if empty or unreadable).
    pub has_policies: bool,
    /// policyMappings: (issuerDomainPolicy, subjectDomainPolicy) pairs.
    pub policy_mappings: Vec<(ObjectIdentifier, ObjectIdentifier)>,
    /// policyConstraints: (requireExplicitPolicy, inhibitPolicyMapping).
    pub policy_constraints: Option<(Option<u32>, Option<u32>)>,
    /// inhibitAnyPolicy (SkipCerts).
    pub inhibit_any_policy: Option<u32>,
    /// subjectSignTool (the holder's signature tool), as text.
    pub subject_sign_tool: Option<String>,
    /// Whether issuerSignTool is present.
    pub has_issuer_sign_tool: bool,
    /// Whether subjectAltName is present.
    pub has_subject_alt_name: bool,
    /// Every extension marked critical.
    pub critical: Vec<ObjectIdentifier>,
    /// Critical extensions that are not recognized.
    pub unknown_critical: Vec<ObjectIdentifier>,
    /// Extensions that could not be decoded.
    pub malformed: Vec<ObjectIdentifier>,
    /// Extensions that appear more than once (the certificate is refused).
    pub duplicates: Vec<ObjectIdentifier>,
}

/// The identifiers that appear more than once among `extensions`, each once.
pub(crate) fn duplicated_ids(extensions: &[Extension]) -> Vec<ObjectIdentifier> {
    let mut ids: Vec<ObjectIdentifier> = extensions.iter().map(|e| e.extn_id).collect();
    ids.sort_unstable();
    let mut out: Vec<ObjectIdentifier> = ids
        .windows(2)
        .filter_map(|w| match w {
            [a, b] if a == b => Some(*a),
            _ => None,
        })
        .collect();
    out.dedup();
    out
}

fn decode<'a, T: Decode<'a>>(
    ext: &'a Extension,
    malformed: &mut Vec<ObjectIdentifier>,
) -> Option<T> {
    if super::shape::check(ext.extn_value.as_bytes()).is_err() {
        malformed.push(ext.extn_id);
        return None;
    }
    match T::from_der(ext.extn_value.as_bytes()) {
        Ok(v) => Some(v),
        Err(_) => {
            malformed.push(ext.extn_id);
            None
        }
    }
}

impl CertExtensions {
    /// Reads the extensions of a certificate.
    pub fn read(extensions: Option<&[Extension]>) -> Self {
        let mut out = Self::default();
        let mut malformed = Vec::new();
        let all = extensions.unwrap_or_default();
        out.duplicates = duplicated_ids(all);
        out.critical = all
            .iter()
            .filter(|e| e.critical)
            .map(|e| e.extn_id)
            .collect();
        for ext in all {
            let id = ext.extn_id;
            if id == oids::BASIC_CONSTRAINTS {
                out.basic_constraints = decode(ext, &mut malformed);
            } else if id == oids::KEY_USAGE {
                out.key_usage = decode(ext, &mut malformed);
            } else if id == oids::EXT_KEY_USAGE {
                out.extended_key_usage =
                    decode::<ExtendedKeyUsage>(ext, &mut malformed).map(|e| e.0);
                // KeyPurposeId SEQUENCE SIZE (1..MAX): an empty list is malformed.
                if out.extended_key_usage.as_ref().is_some_and(Vec::is_empty) {
                    malformed.push(id);
                }
            } else if id == oids::SUBJECT_KEY_ID {
                out.subject_key_id = decode::<SubjectKeyIdentifier>(ext, &mut malformed)
                    .map(|k| k.0.as_bytes().to_vec());
            } else if id == oids::AUTHORITY_KEY_ID {
                out.authority_key_id = decode::<AuthorityKeyIdentifier>(ext, &mut malformed)
                    .and_then(|a| a.key_identifier.map(|k| k.as_bytes().to_vec()));
            } else if id == oids::NAME_CONSTRAINTS {
                out.name_constraints = decode(ext, &mut malformed);
            } else if id == oids::SUBJECT_ALT_NAME {
                out.has_subject_alt_name = true;
                out.subject_alt_names = decode::<SubjectAltName>(ext, &mut malformed)
                    .map(|s| s.0)
                    .unwrap_or_default();
                // GeneralNames SEQUENCE SIZE (1..MAX).
                if out.subject_alt_names.is_empty() && !malformed.contains(&id) {
                    malformed.push(id);
                }
            } else if id == oids::CRL_DISTRIBUTION_POINTS {
                out.crl_distribution_points = decode(ext, &mut malformed);
            } else if id == oids::POLICY_MAPPINGS {
                out.policy_mappings = decode::<PolicyMappings>(ext, &mut malformed)
                    .map(|m| {
                        m.0.into_iter()
                            .map(|p| (p.issuer_domain_policy, p.subject_domain_policy))
                            .collect()
                    })
                    .unwrap_or_default();
            } else if id == oids::POLICY_CONSTRAINTS {
                out.policy_constraints = decode::<PolicyConstraints>(ext, &mut malformed)
                    .map(|c| (c.require_explicit_policy, c.inhibit_policy_mapping));
            } else if id == oids::INHIBIT_ANY_POLICY {
                out.inhibit_any_policy = decode::<u32>(ext, &mut malformed);
            } else if id == oids::CERTIFICATE_POLICIES {
                out.has_policies = true;
                out.policies = decode::<CertificatePolicies>(ext, &mut malformed)
                    .map(|p| p.0.into_iter().map(|info| info.policy_identifier).collect())
                    .unwrap_or_default();
            } else if id == oids::SUBJECT_SIGN_TOOL {
                out.subject_sign_tool = super::name::string_value_of_der(ext.extn_value.as_bytes());
            } else if id == oids::ISSUER_SIGN_TOOL {
                out.has_issuer_sign_tool = true;
            } else if ext.critical && !is_recognized_certificate_extension(&id) {
                out.unknown_critical.push(id);
            }
        }
        out.malformed = malformed;
        out
    }

    /// Whether basicConstraints says this is a CA.
    pub fn is_ca(&self) -> bool {
        self.basic_constraints.as_ref().is_some_and(|b| b.ca)
    }

    /// Whether the extension `id` is present and marked critical.
    pub fn is_critical(&self, id: &ObjectIdentifier) -> bool {
        self.critical.contains(id)
    }
}

/// Extensions understood when critical besides those read above.
fn is_recognized_certificate_extension(id: &ObjectIdentifier) -> bool {
    [
        oids::ISSUER_ALT_NAME,
        oids::FRESHEST_CRL,
        oids::PRIVATE_KEY_USAGE_PERIOD,
        oids::AUTHORITY_INFO_ACCESS,
    ]
    .contains(id)
}

/// The extensions of a CRL.
#[derive(Debug, Clone, Default)]
pub struct CrlExtensions {
    /// Whether deltaCRLIndicator is present (a delta CRL).
    pub delta: bool,
    /// cRLNumber, big-endian without leading zeros.
    pub crl_number: Option<Vec<u8>>,
    /// BaseCRLNumber of a delta CRL (deltaCRLIndicator), big-endian without leading zeros.
    pub base_crl_number: Option<Vec<u8>>,
    /// issuingDistributionPoint.
    pub issuing_distribution_point: Option<IssuingDistributionPoint>,
    /// keyIdentifier of authorityKeyIdentifier.
    pub authority_key_id: Option<Vec<u8>>,
    /// Whether cRLNumber is marked critical.
    pub crl_number_critical: bool,
    /// Critical extensions that are not recognized.
    pub unknown_critical: Vec<ObjectIdentifier>,
    /// Extensions that could not be decoded.
    pub malformed: Vec<ObjectIdentifier>,
    /// Extensions that appear more than once.
    pub duplicates: Vec<ObjectIdentifier>,
}

impl CrlExtensions {
    /// Reads the extensions of a CRL.
    pub fn read(extensions: Option<&[Extension]>) -> Self {
        let mut out = Self::default();
        let mut malformed = Vec::new();
        let all = extensions.unwrap_or_default();
        out.duplicates = duplicated_ids(all);
        for ext in all {
            let id = ext.extn_id;
            if id == oids::DELTA_CRL_INDICATOR {
                out.delta = true;
                out.base_crl_number =
                    decode::<BaseCrlNumber>(ext, &mut malformed).map(|n| n.0.as_bytes().to_vec());
            } else if id == oids::CRL_NUMBER {
                out.crl_number_critical = ext.critical;
                out.crl_number =
                    decode::<CrlNumber>(ext, &mut malformed).map(|n| n.0.as_bytes().to_vec());
            } else if id == oids::ISSUING_DISTRIBUTION_POINT {
                out.issuing_distribution_point = decode(ext, &mut malformed);
            } else if id == oids::AUTHORITY_KEY_ID {
                out.authority_key_id = decode::<AuthorityKeyIdentifier>(ext, &mut malformed)
                    .and_then(|a| a.key_identifier.map(|k| k.as_bytes().to_vec()));
            } else if ext.critical && ![oids::ISSUER_ALT_NAME, oids::FRESHEST_CRL].contains(&id) {
                out.unknown_critical.push(id);
            }
        }
        out.malformed = malformed;
        out
    }
}
