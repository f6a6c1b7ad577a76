//! Revocation by CRL (RFC 5280 §6.3, for complete CRLs).
//!
//! For each certificate of a path, the CRLs whose issuer is the certificate's
//! issuer are examined. A CRL is used only when its signature verifies with a
//! key of its issuer that may sign CRLs (cRLSign), when it is current at the
//! time of validation (thisUpdate ≤ at ≤ nextUpdate), when it has no
//! unrecognized critical extension (on the CRL or on any entry) and when its
//! scope (issuingDistributionPoint) covers the certificate. The CRL's key is
//! searched on the path first, then among the other certificates of the
//! store with the issuer's name (a separate CRL-signing key), which are then
//! validated themselves.
//!
//! CRLs partitioned by reason (onlySomeReasons) are combined: the status is
//! known when the current CRLs together cover every reason. Refused
//! explicitly, and reported in the "unknown" detail: delta CRLs, indirect CRLs.

use x509_cert::ext::pkix::crl::dp::DistributionPoint;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::name::Name;

use super::name::names_equal;
use super::oids;
use super::parse::timestamp;
use super::verify::Ctx;
use super::{ParsedCertificate, ParsedCrl, PkiError};
use der::Decode;
use x509_cert::ext::pkix::crl::CrlReason;

/// What the CRLs say about one certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RevocationStatus {
    /// A current CRL covers it and does not list it.
    Good,
    /// A current CRL lists it.
    Revoked(PkiError),
    /// No usable CRL: why.
    Unknown(String),
}

fn reason_name(reason: CrlReason) -> &'static str {
    match reason {
        CrlReason::Unspecified => "unspecified",
        CrlReason::KeyCompromise => "key_compromise",
        CrlReason::CaCompromise => "ca_compromise",
        CrlReason::AffiliationChanged => "affiliation_changed",
        CrlReason::Superseded => "superseded",
        CrlReason::CessationOfOperation => "cessation_of_operation",
        CrlReason::CertificateHold => "certificate_hold",
        CrlReason::RemoveFromCRL => "remove_from_crl",
        CrlReason::PrivilegeWithdrawn => "privilege_withdrawn",
        CrlReason::AaCompromise => "aa_compromise",
    }
}

fn general_names_match(a: &GeneralName, b: &GeneralName) -> bool {
    match (a, b) {
        (GeneralName::DirectoryName(x), GeneralName::DirectoryName(y)) => names_equal(x, y),
        (GeneralName::UniformResourceIdentifier(x), GeneralName::UniformResourceIdentifier(y)) => {
            x.as_bytes() == y.as_bytes()
        }
        (GeneralName::DnsName(x), GeneralName::DnsName(y)) => {
            x.as_bytes().eq_ignore_ascii_case(y.as_bytes())
        }
        _ => a == b,
    }
}

fn full_names(
    name: &DistributionPointName,
    crl_issuer: &x509_cert::name::Name,
) -> Vec<GeneralName> {
    match name {
        DistributionPointName::FullName(names) => names.clone(),
        DistributionPointName::NameRelativeToCRLIssuer(rdn) => {
            let mut full = crl_issuer.clone();
            full.0.push(rdn.clone());
            vec![GeneralName::DirectoryName(full)]
        }
    }
}

/// Every revocation reason of ReasonFlags (bits 1–8; bit 0 is "unused").
const ALL_REASONS: u16 = 0x1FE;

/// Why a CRL is not used for a certificate: `None` when it is simply about
/// other certificates (not worth reporting).
type NotUsed = Option<String>;

fn directory_names(names: &[GeneralName]) -> impl Iterator<Item = &Name> {
    names.iter().filter_map(|n| match n {
        GeneralName::DirectoryName(d) => Some(d),
        _ => None,
    })
}

/// Whether the scope of `crl` covers `cert` (RFC 5280 §6.3.3 b): the reasons
/// it covers, or why not. A certificate without cRLDistributionPoints is
/// treated as pointing to its issuer for every reason.
fn scope_covers(crl: &ParsedCrl, cert: &ParsedCertificate) -> Result<u16, NotUsed> {
    let ext = crl.extensions();
    let crl_issuer = &crl.crl().tbs_cert_list.issuer;
    let cert_issuer = &cert.certificate().tbs_certificate.issuer;
    let idp = ext.issuing_distribution_point.as_ref();
    let indirect = idp.is_some_and(|i| i.indirect_crl);
    let implied = [DistributionPoint {
        distribution_point: None,
        reasons: None,
        crl_issuer: None,
    }];
    let dps = cert
        .extensions()
        .crl_distribution_points
        .as_ref()
        .map_or(&implied[..], |d| &d.0[..]);
    let mut why: NotUsed = None;
    for dp in dps {
        // (b)(1): the CRL comes from the certificate's issuer, or from the
        // cRLIssuer the distribution point names (then it must be indirect).
        match &dp.crl_issuer {
            Some(names) => {
                if !directory_names(names).any(|n| names_equal(n, crl_issuer)) {
                    continue;
                }
                if !indirect {
                    why = Some("the crl named by the certificate is not marked indirect".into());
                    continue;
                }
            }
            None => {
                if !names_equal(crl_issuer, cert_issuer) {
                    continue;
                }
            }
        }
        // (b)(2)(i): the distribution point names match.
        if let Some(idp_name) = idp.and_then(|i| i.distribution_point.as_ref()) {
            let idp_names = full_names(idp_name, crl_issuer);
            let dp_issuer = dp
                .crl_issuer
                .as_ref()
                .and_then(|n| directory_names(n).next())
                .unwrap_or(cert_issuer);
            let dp_names = match &dp.distribution_point {
                Some(name) => full_names(name, dp_issuer),
                None => vec![GeneralName::DirectoryName(dp_issuer.clone())],
            };
            if !dp_names
                .iter()
                .any(|n| idp_names.iter().any(|m| general_names_match(n, m)))
            {
                why = Some("the crl's distribution point does not match the certificate's".into());
                continue;
            }
        }
        if let Some(oid) = ext.unknown_critical.first() {
            return Err(Some(format!(
                "the crl has an unknown critical extension {oid}"
            )));
        }
        if let Some(oid) = ext.malformed.first() {
            return Err(Some(format!("the crl extension {oid} is malformed")));
        }
        let mut reasons = ALL_REASONS;
        if let Some(idp) = idp {
            let is_ca = cert.extensions().is_ca();
            if idp.only_contains_attribute_certs {
                return Err(Some("the crl covers only attribute certificates".into()));
            }
            if idp.only_contains_user_certs && is_ca {
                return Err(Some("the crl covers only end-entity certificates".into()));
            }
            if idp.only_contains_ca_certs && !is_ca {
                return Err(Some("the crl covers only ca certificates".into()));
            }
            if let Some(r) = idp.only_some_reasons {
                reasons &= r.bits();
            }
        }
        if let Some(r) = dp.reasons {
            reasons &= r.bits();
        }
        return Ok(reasons);
    }
    Err(why)
}

fn key_may_sign_crls(signer: &ParsedCertificate) -> bool {
    signer
        .extensions()
        .key_usage
        .as_ref()
        .is_none_or(|k| k.crl_sign())
}

/// Finds a key that verifies `crl`: on the path above `index`, then elsewhere in the store.
fn find_signer<'a>(
    ctx: &mut Ctx<'a>,
    crl: &'a ParsedCrl,
    path: &[&'a ParsedCertificate],
    index: usize,
    stack: &mut Vec<[u8; 32]>,
) -> Result<(), String> {
    let crl_issuer = &crl.crl().tbs_cert_list.issuer;
    let named =
        |c: &ParsedCertificate| names_equal(&c.certificate().tbs_certificate.subject, crl_issuer);
    for signer in path.iter().skip(index + 1).copied().filter(|c| named(c)) {
        if key_may_sign_crls(signer) && ctx.verify_crl(crl, signer).is_ok() {
            return Ok(());
        }
    }
    // A CRL-signing certificate being validated may be covered by the CRL it
    // signs itself (an indirect CRL issuer, PKITS 4.14.30): its own key is then used.
    if let Some(own) = path
        .get(index)
        .copied()
        .filter(|c| named(c) && stack.last() == Some(c.fingerprint()))
    {
        if key_may_sign_crls(own) && ctx.verify_crl(crl, own).is_ok() {
            return Ok(());
        }
    }
    let store = ctx.store;
    let on_path = |c: &ParsedCertificate| path.iter().any(|p| p.fingerprint() == c.fingerprint());
    for anchor in store
        .anchors_named(crl_issuer)
        .filter(|a| !on_path(&a.certificate))
    {
        if key_may_sign_crls(&anchor.certificate)
            && ctx.verify_crl(crl, &anchor.certificate).is_ok()
        {
            return Ok(());
        }
    }
    let others: Vec<&'a ParsedCertificate> = ctx
        .intermediates_named(crl_issuer)
        .into_iter()
        .filter(|c| !on_path(c))
        .collect();
    for signer in others {
        if key_may_sign_crls(signer)
            && ctx.verify_crl(crl, signer).is_ok()
            && ctx.validates_as_crl_signer(signer, stack)
        {
            return Ok(());
        }
    }
    Err("no valid key of the crl issuer verifies the crl".into())
}

/// What a CRL says about one certificate.
enum Listing {
    /// Not listed.
    Absent,
    /// Listed as revoked (or on hold).
    Revoked(PkiError),
    /// Listed with removeFromCRL (a delta CRL releasing a hold).
    Removed,
}

/// Looks `cert` up in `crl`; `Err` when an entry has an unknown critical
/// extension (the CRL is then unusable).
fn lookup(crl: &ParsedCrl, cert: &ParsedCertificate) -> Result<Listing, String> {
    if let Some(why) = crl.index().problem() {
        return Err(why.to_owned());
    }
    let serial = cert.certificate().tbs_certificate.serial_number.as_bytes();
    let cert_issuer = &cert.certificate().tbs_certificate.issuer;
    let crl_issuer = &crl.crl().tbs_cert_list.issuer;
    let entry = crl
        .index()
        .find(crl.crl(), serial)
        .find(|(_, issuer)| names_equal(issuer.unwrap_or(crl_issuer), cert_issuer));
    let Some((entry, _)) = entry else {
        return Ok(Listing::Absent);
    };
    let reason = entry
        .crl_entry_extensions
        .iter()
        .flatten()
        .find(|ext| ext.extn_id == oids::REASON_CODE)
        .and_then(|ext| CrlReason::from_der(ext.extn_value.as_bytes()).ok())
        .unwrap_or(CrlReason::Unspecified);
    Ok(if reason == CrlReason::RemoveFromCRL {
        Listing::Removed
    } else {
        Listing::Revoked(PkiError::Revoked {
            revoked_at: timestamp(&entry.revocation_date),
            reason: reason_name(reason).to_owned(),
        })
    })
}

/// `a <= b` for unsigned big-endian integers.
fn uint_le(a: &[u8], b: &[u8]) -> bool {
    let strip = |x: &[u8]| x.iter().position(|&v| v != 0).map_or(0, |i| x.len() - i);
    let (la, lb) = (strip(a), strip(b));
    la < lb || (la == lb && a.get(a.len() - la..) <= b.get(b.len() - lb..))
}

/// Whether `delta` is a delta CRL that applies to the complete CRL `base`
/// (same scope, BaseCRLNumber not above the base's cRLNumber).
fn is_delta_of(delta: &ParsedCrl, base: &ParsedCrl) -> bool {
    let (d, b) = (delta.extensions(), base.extensions());
    d.delta
        && names_equal(
            &delta.crl().tbs_cert_list.issuer,
            &base.crl().tbs_cert_list.issuer,
        )
        && d.issuing_distribution_point == b.issuing_distribution_point
        && match (&d.base_crl_number, &b.crl_number) {
            (Some(need), Some(have)) => uint_le(need, have),
            _ => false,
        }
}

/// Whether `crl` can be used for `path[index]`: the reasons it covers, or why not.
fn usable<'a>(
    ctx: &mut Ctx<'a>,
    crl: &'a ParsedCrl,
    path: &[&'a ParsedCertificate],
    index: usize,
    stack: &mut Vec<[u8; 32]>,
) -> Result<u16, NotUsed> {
    let cert = path.get(index).copied().ok_or(None)?;
    let reasons = scope_covers(crl, cert)?;
    let at = ctx.options.at;
    if crl.this_update() > at {
        return Err(Some(format!(
            "the crl is issued after the time of validation ({})",
            crl.this_update()
        )));
    }
    if crl.next_update().is_some_and(|next| next < at) {
        return Err(Some("the crl is stale (nextUpdate has passed)".into()));
    }
    find_signer(ctx, crl, path, index, stack).map_err(Some)?;
    Ok(reasons)
}

/// The revocation status of `path[index]` (the path is leaf first, anchor last).
pub(crate) fn status<'a>(
    ctx: &mut Ctx<'a>,
    path: &[&'a ParsedCertificate],
    index: usize,
    stack: &mut Vec<[u8; 32]>,
) -> RevocationStatus {
    let Some(cert) = path.get(index).copied() else {
        return RevocationStatus::Unknown("no certificate".into());
    };
    let issuer = &cert.certificate().tbs_certificate.issuer;
    let store = ctx.store;
    let mut notes: Vec<String> = Vec::new();
    let mut covered = 0u16;
    let mut any_applicable = false;
    for crl in store.crls().iter().filter(|c| !c.extensions().delta) {
        let reasons = match usable(ctx, crl, path, index, stack) {
            Ok(reasons) => reasons,
            Err(None) => continue,
            Err(Some(why)) => {
                notes.push(why);
                continue;
            }
        };
        any_applicable = true;
        let mut listing = match lookup(crl, cert) {
            Ok(listing) => listing,
            Err(why) => {
                notes.push(why);
                continue;
            }
        };
        // A usable delta CRL of this CRL overrides its entries.
        for delta in store.crls().iter().filter(|d| is_delta_of(d, crl)) {
            if usable(ctx, delta, path, index, stack).is_ok() {
                match lookup(delta, cert) {
                    Ok(Listing::Absent) => {}
                    Ok(Listing::Removed) => listing = Listing::Absent,
                    Ok(revoked) => listing = revoked,
                    Err(why) => notes.push(why),
                }
                break;
            }
        }
        match listing {
            Listing::Revoked(revoked) => return RevocationStatus::Revoked(revoked),
            Listing::Absent | Listing::Removed => covered |= reasons,
        }
    }
    if covered == ALL_REASONS {
        return RevocationStatus::Good;
    }
    if covered != 0 {
        notes.push("the current crls cover only some revocation reasons".into());
    }
    if notes.is_empty() && !any_applicable {
        let only_deltas = store
            .crls()
            .iter()
            .any(|c| c.extensions().delta && names_equal(&c.crl().tbs_cert_list.issuer, issuer));
        notes.push(
            if only_deltas {
                "only delta crls of the issuer were supplied"
            } else {
                "no crl of the issuer was supplied"
            }
            .into(),
        );
    }
    notes.dedup();
    RevocationStatus::Unknown(notes.join("; "))
}
