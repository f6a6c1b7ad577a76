//! Path building and validation (RFC 5280 §6.1 for signing certificates).
//!
//! [`validate`] builds candidate paths from the leaf through the untrusted
//! intermediates to an anchor, depth first, trying issuers whose key
//! identifier matches first (key rollover gives several issuers with one
//! name). Each complete candidate is validated in full and every problem is
//! collected; the first candidate without problems wins, otherwise the one
//! with the fewest problems is reported. Work is bounded by [`Budget`](super::Budget).

use super::limits::{MAX_CRL_SIGNER_DEPTH, MAX_PATH_DEPTH};
use super::name::names_equal;
use super::profile::{self, Role};
use super::report::{Notice, PathEntry, Problem, ValidationReport, Warning};
use super::revocation::{self, RevocationStatus};
use super::signature::{check_public_key, verify_signature_by};
use super::store::{TrustAnchor, TrustStore};
use super::{
    name_constraints, oids, AnchorPolicy, ParsedCertificate, ParsedCrl, PkiError, RevocationPolicy,
    ValidationOptions,
};

/// A path that validation accepted: leaf first, anchor last. Only [`validate`] makes one.
#[derive(Debug, Clone)]
pub struct ValidationPath {
    certificates: Vec<ParsedCertificate>,
    accredited: bool,
}

impl ValidationPath {
    /// The certificates, leaf first, anchor last.
    pub fn certificates(&self) -> &[ParsedCertificate] {
        &self.certificates
    }
    /// Whether the anchor is marked accredited.
    pub fn accredited(&self) -> bool {
        self.accredited
    }
}

/// What the last certificate of a path is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Purpose {
    /// Signing documents: digitalSignature or nonRepudiation.
    Signing,
    /// Signing CRLs: cRLSign.
    CrlSigning,
}

/// Fingerprints of a signed object (certificate or CRL) and of the certificate whose key checked it.
type SignedBy = ([u8; 32], [u8; 32]);

/// The mutable state of one validation: budgets and caches.
pub(crate) struct Ctx<'a> {
    pub(crate) store: &'a TrustStore,
    /// Untrusted intermediates from the input (a message's certificates),
    /// searched after the store's own.
    extra: &'a [ParsedCertificate],
    pub(crate) options: &'a ValidationOptions,
    signatures_left: usize,
    paths_left: usize,
    candidates_left: usize,
    name_checks_left: usize,
    exhausted: Option<&'static str>,
    depth_limited: bool,
    // Small caches, searched linearly: at most `budget.signatures` entries.
    signature_cache: Vec<(SignedBy, Result<(), PkiError>)>,
    signer_cache: Vec<([u8; 32], bool)>,
}

struct Outcome<'a> {
    chain: Vec<&'a ParsedCertificate>,
    accredited: bool,
    problems: Vec<Problem>,
    warnings: Vec<Notice>,
}

impl<'a> Ctx<'a> {
    /// Spends one candidate of the search; false (and the search ends) when none is left.
    fn consider_candidate(&mut self) -> bool {
        if self.candidates_left == 0 {
            self.exhausted = Some("candidates");
            return false;
        }
        self.candidates_left -= 1;
        true
    }

    fn new(
        store: &'a TrustStore,
        extra: &'a [ParsedCertificate],
        options: &'a ValidationOptions,
    ) -> Self {
        Self {
            store,
            extra,
            options,
            signatures_left: options.budget.signatures,
            paths_left: options.budget.paths,
            candidates_left: options.budget.candidates,
            name_checks_left: options.budget.name_constraint_checks,
            exhausted: None,
            depth_limited: false,
            signature_cache: Vec::new(),
            signer_cache: Vec::new(),
        }
    }

    /// The intermediates whose subject is `name`: the store's, then those of
    /// the input that the store does not hold already.
    pub(crate) fn intermediates_named(
        &self,
        name: &x509_cert::name::Name,
    ) -> Vec<&'a ParsedCertificate> {
        let store: &'a TrustStore = self.store;
        let mut found: Vec<&'a ParsedCertificate> = store
            .intermediates()
            .iter()
            .filter(|c| names_equal(&c.certificate().tbs_certificate.subject, name))
            .collect();
        for c in self.extra {
            if names_equal(&c.certificate().tbs_certificate.subject, name)
                && !found.iter().any(|f| f.fingerprint() == c.fingerprint())
            {
                found.push(c);
            }
        }
        found
    }

    fn verify_cached(
        &mut self,
        key: ([u8; 32], [u8; 32]),
        signer: &ParsedCertificate,
        algorithm: &spki::AlgorithmIdentifierOwned,
        message: &[u8],
        signature: &der::asn1::BitString,
    ) -> Result<(), PkiError> {
        if let Some((_, r)) = self.signature_cache.iter().find(|(k, _)| *k == key) {
            return r.clone();
        }
        if self.signatures_left == 0 {
            self.exhausted = Some("signatures");
            return Err(PkiError::BudgetExhausted { what: "signatures" });
        }
        self.signatures_left -= 1;
        let result = match signature.as_bytes() {
            Some(sig) => verify_signature_by(signer, algorithm, message, sig),
            None => Err(PkiError::BadSignature),
        };
        self.signature_cache.push((key, result.clone()));
        result
    }

    /// Verifies the signature of `cert` with the key of `issuer`.
    pub(crate) fn verify_certificate(
        &mut self,
        cert: &ParsedCertificate,
        issuer: &ParsedCertificate,
    ) -> Result<(), PkiError> {
        // The store remembers the signatures of its own certificates across
        // validations (successes only, bound to the certificate's bytes and
        // the issuer's exact key).
        if self.store.certificate_signature_known(cert, issuer) {
            return Ok(());
        }
        let c = cert.certificate();
        let result = self.verify_cached(
            (*cert.fingerprint(), *issuer.fingerprint()),
            issuer,
            &c.signature_algorithm,
            cert.tbs_der(),
            &c.signature,
        );
        if result.is_ok() {
            self.store.remember_certificate_signature(cert, issuer);
        }
        result
    }

    /// Verifies the signature of `crl` with the key of `signer`.
    pub(crate) fn verify_crl(
        &mut self,
        crl: &ParsedCrl,
        signer: &ParsedCertificate,
    ) -> Result<(), PkiError> {
        // The store remembers CRL signatures across validations (successes
        // only, bound to the CRL's bytes and the signer's exact key).
        if self.store.crl_signature_known(crl, signer) {
            return Ok(());
        }
        let l = crl.crl();
        let result = self.verify_cached(
            (*crl.fingerprint(), *signer.fingerprint()),
            signer,
            &l.signature_algorithm,
            crl.tbs_der(),
            &l.signature,
        );
        if result.is_ok() {
            self.store.remember_crl_signature(crl, signer);
        }
        result
    }

    /// Whether `candidate` (not on the path being validated) validates as a CRL signer.
    pub(crate) fn validates_as_crl_signer(
        &mut self,
        candidate: &'a ParsedCertificate,
        stack: &mut Vec<[u8; 32]>,
    ) -> bool {
        if let Some((_, known)) = self
            .signer_cache
            .iter()
            .find(|(k, _)| k == candidate.fingerprint())
        {
            return *known;
        }
        if stack.len() >= MAX_CRL_SIGNER_DEPTH || stack.contains(candidate.fingerprint()) {
            return false;
        }
        stack.push(*candidate.fingerprint());
        let mut best = None;
        let ok = search(
            self,
            &mut vec![candidate],
            Purpose::CrlSigning,
            stack,
            &mut best,
        );
        stack.pop();
        if stack.is_empty() {
            self.signer_cache.push((*candidate.fingerprint(), ok));
        }
        ok
    }
}

fn key_id_rank(child: &ParsedCertificate, candidate: &ParsedCertificate) -> u8 {
    match (
        &child.extensions().authority_key_id,
        &candidate.extensions().subject_key_id,
    ) {
        (Some(a), Some(s)) if a == s => 0,
        (Some(_), Some(_)) => 2,
        _ => 1,
    }
}

/// Depth-first search; true when a path without problems was found (then in `best`).
fn search<'a>(
    ctx: &mut Ctx<'a>,
    chain: &mut Vec<&'a ParsedCertificate>,
    purpose: Purpose,
    stack: &mut Vec<[u8; 32]>,
    best: &mut Option<Outcome<'a>>,
) -> bool {
    let Some(current) = chain.last().copied() else {
        return false;
    };
    let issuer_name = &current.certificate().tbs_certificate.issuer;
    let mut anchors: Vec<&'a TrustAnchor> = ctx.store.anchors_named(issuer_name).collect();
    anchors.sort_by_key(|a| key_id_rank(current, &a.certificate));
    for anchor in anchors {
        if !ctx.consider_candidate() {
            return false;
        }
        if ctx.paths_left == 0 {
            ctx.exhausted = Some("paths");
            return false;
        }
        ctx.paths_left -= 1;
        let outcome = evaluate(ctx, chain, anchor, purpose, stack);
        let done = outcome.problems.is_empty();
        if done
            || best
                .as_ref()
                .is_none_or(|b| outcome.problems.len() < b.problems.len())
        {
            *best = Some(outcome);
        }
        if done {
            return true;
        }
    }
    if chain.len() + 1 >= MAX_PATH_DEPTH {
        ctx.depth_limited |= !ctx.intermediates_named(issuer_name).is_empty();
        return false;
    }
    let mut candidates: Vec<&'a ParsedCertificate> = ctx
        .intermediates_named(issuer_name)
        .into_iter()
        .filter(|c| !chain.iter().any(|x| x.fingerprint() == c.fingerprint()))
        .collect();
    candidates.sort_by_key(|c| key_id_rank(current, c));
    for c in candidates {
        if !ctx.consider_candidate() {
            return false;
        }
        chain.push(c);
        if search(ctx, chain, purpose, stack, best) {
            return true;
        }
        chain.pop();
        if ctx.exhausted.is_some() {
            return false;
        }
    }
    false
}

fn check_validity(cert: &ParsedCertificate, options: &ValidationOptions) -> Option<PkiError> {
    if options.at < cert.not_before() {
        Some(PkiError::NotYetValid {
            not_before: cert.not_before(),
        })
    } else if options.at > cert.not_after() {
        Some(PkiError::Expired {
            not_after: cert.not_after(),
        })
    } else {
        None
    }
}

/// Checks of the last certificate that do not depend on the path.
fn leaf_checks(
    cert: &ParsedCertificate,
    purpose: Purpose,
    options: &ValidationOptions,
) -> Vec<PkiError> {
    let mut out = Vec::new();
    let ext = cert.extensions();
    match purpose {
        Purpose::Signing => {
            if ext
                .key_usage
                .as_ref()
                .is_some_and(|k| !k.digital_signature() && !k.non_repudiation())
            {
                out.push(PkiError::KeyUsage {
                    required: "digitalSignature or nonRepudiation",
                });
            }
            if let Some(required) = &options.required_eku {
                let ok = ext
                    .extended_key_usage
                    .as_ref()
                    .is_some_and(|e| e.contains(required) || e.contains(&oids::ANY_EKU));
                if !ok {
                    out.push(PkiError::ExtendedKeyUsage {
                        required: required.to_string(),
                    });
                }
            }
            if let Err(e) =
                check_public_key(&cert.certificate().tbs_certificate.subject_public_key_info)
            {
                out.push(e);
            }
        }
        Purpose::CrlSigning => {
            if ext.key_usage.as_ref().is_some_and(|k| !k.crl_sign()) {
                out.push(PkiError::KeyUsage {
                    required: "cRLSign",
                });
            }
        }
    }
    out
}

/// Validates one complete candidate path: `chain` (leaf first) then `anchor`.
fn evaluate<'a>(
    ctx: &mut Ctx<'a>,
    chain: &[&'a ParsedCertificate],
    anchor: &'a TrustAnchor,
    purpose: Purpose,
    stack: &mut Vec<[u8; 32]>,
) -> Outcome<'a> {
    let mut full: Vec<&'a ParsedCertificate> = chain.to_vec();
    full.push(&anchor.certificate);
    let n = full.len();
    let options = ctx.options;
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut max_path_length = n;
    for i in (0..n.saturating_sub(1)).rev() {
        let (Some(cert), Some(issuer)) = (full.get(i).copied(), full.get(i + 1).copied()) else {
            continue;
        };
        let mut found = Vec::new();
        if let Err(e) = ctx.verify_certificate(cert, issuer) {
            found.push(e);
        }
        found.extend(check_validity(cert, options));
        if !names_equal(
            &cert.certificate().tbs_certificate.issuer,
            &issuer.certificate().tbs_certificate.subject,
        ) {
            found.push(PkiError::NameChaining);
        }
        match revocation::status(ctx, &full, i, stack) {
            RevocationStatus::Good => {}
            RevocationStatus::Revoked(e) => found.push(e),
            RevocationStatus::Unknown(detail) => match options.revocation {
                RevocationPolicy::Require => found.push(PkiError::RevocationUnknown { detail }),
                RevocationPolicy::SoftFail => {
                    warnings.push(Notice::new(Warning::RevocationUnknown { detail }, Some(i)));
                }
            },
        }
        if i == 0 || !cert.is_self_issued() {
            for above in full.iter().skip(i + 1) {
                if let Some(nc) = &above.extensions().name_constraints {
                    if let Err(e) = name_constraints::check(cert, nc, &mut ctx.name_checks_left) {
                        found.push(e);
                        break;
                    }
                }
            }
        }
        let role = if i == 0 {
            Role::EndEntity
        } else {
            Role::Authority
        };
        found.extend(profile::problems(cert, role, options.profile));
        if i > 0 {
            let ext = cert.extensions();
            if !ext.is_ca() {
                found.push(PkiError::NotCa);
            }
            if !cert.is_self_issued() {
                if max_path_length == 0 {
                    found.push(PkiError::PathLenExceeded);
                }
                max_path_length = max_path_length.saturating_sub(1);
            }
            if let Some(len) = ext
                .basic_constraints
                .as_ref()
                .and_then(|b| b.path_len_constraint)
            {
                max_path_length = max_path_length.min(usize::from(len));
            }
            if ext.key_usage.as_ref().is_some_and(|k| !k.key_cert_sign()) {
                found.push(PkiError::KeyUsage {
                    required: "keyCertSign",
                });
            }
        } else {
            found.extend(leaf_checks(cert, purpose, options));
        }
        if cert.not_after() >= options.at {
            let left = options.at.duration_until(cert.not_after());
            if left <= options.expiry_warning {
                let days = left.as_secs() / 86_400;
                warnings.push(Notice::new(
                    Warning::ExpiresSoon {
                        not_after: cert.not_after(),
                        days,
                    },
                    Some(i),
                ));
            }
        }
        if !found.is_empty() {
            let subject = cert.subject_text();
            problems.extend(
                found
                    .into_iter()
                    .map(|e| Problem::new(e, Some(i), Some(subject.clone()))),
            );
        }
    }
    if options.anchors == AnchorPolicy::Certificate {
        let index = n.saturating_sub(1);
        let found = profile::anchor_problems(&anchor.certificate, options.at, options.profile);
        if !found.is_empty() {
            let subject = anchor.certificate.subject_text();
            problems.extend(
                found
                    .into_iter()
                    .map(|e| Problem::new(e, Some(index), Some(subject.clone()))),
            );
        }
    }
    let below_anchor: Vec<&ParsedCertificate> = full
        .iter()
        .take(n.saturating_sub(1))
        .rev()
        .copied()
        .collect();
    // With the default inputs, only policyConstraints or policyMappings can make
    // policy processing fail; without them the (costly) tree is not built.
    let policy_relevant = options.policy != super::PolicyOptions::default()
        || below_anchor.iter().any(|c| {
            let e = c.extensions();
            e.policy_constraints.is_some() || !e.policy_mappings.is_empty()
        });
    let outcome = if policy_relevant {
        super::policy::process(&below_anchor, &options.policy)
    } else {
        Ok(Vec::new())
    };
    if let Err((k, detail)) = outcome {
        let index = n.saturating_sub(2).saturating_sub(k);
        let subject = full.get(index).map(|c| c.subject_text());
        problems.push(Problem::new(
            PkiError::Policy { detail },
            Some(index),
            subject,
        ));
    }
    problems.sort_by_key(|p| p.certificate);
    Outcome {
        chain: full,
        accredited: anchor.accredited,
        problems,
        warnings,
    }
}

impl PathEntry {
    /// The summary of `cert`; `anchor` marks it as the trust anchor of a path.
    pub fn of(cert: &ParsedCertificate, anchor: bool) -> Self {
        Self {
            subject: cert.subject_text(),
            issuer: cert.issuer_text(),
            serial: cert.serial_hex(),
            fingerprint: cert.fingerprint_hex(),
            not_before: cert.not_before(),
            not_after: cert.not_after(),
            anchor,
        }
    }
}

/// Validates `leaf` as a signing certificate against `store` under `options`.
///
/// Never fails: every problem (including exhausted budgets) is in the report.
pub fn validate(
    leaf: &ParsedCertificate,
    store: &TrustStore,
    options: &ValidationOptions,
) -> ValidationReport {
    validate_with_intermediates(leaf, &[], store, options)
}

/// Validates `leaf` as [`validate`] does, with `intermediates` from the
/// input (the certificates a signed message carries) as untrusted
/// intermediates beside the store's — without copying the store, so that
/// what the store remembers between validations (verified signatures of its
/// own certificates and CRLs) serves this validation too.
///
/// Never fails: every problem (including exhausted budgets) is in the report.
pub fn validate_with_intermediates(
    leaf: &ParsedCertificate,
    intermediates: &[ParsedCertificate],
    store: &TrustStore,
    options: &ValidationOptions,
) -> ValidationReport {
    let mut ctx = Ctx::new(store, intermediates, options);
    let mut best = None;
    let mut stack = Vec::new();
    search(
        &mut ctx,
        &mut vec![leaf],
        Purpose::Signing,
        &mut stack,
        &mut best,
    );
    let exhausted = ctx.exhausted;
    let depth_limited = ctx.depth_limited;
    let (path, mut problems, warnings, accredited, verified) = match best {
        Some(o) => {
            let n = o.chain.len();
            let path = o
                .chain
                .iter()
                .enumerate()
                .map(|(i, c)| PathEntry::of(c, i + 1 == n))
                .collect();
            let verified = o.problems.is_empty().then(|| ValidationPath {
                certificates: o.chain.iter().map(|c| (*c).clone()).collect(),
                accredited: o.accredited,
            });
            (path, o.problems, o.warnings, o.accredited, verified)
        }
        None => {
            let subject = Some(leaf.subject_text());
            let mut problems = vec![Problem::new(
                PkiError::NoTrustedRoot,
                Some(0),
                subject.clone(),
            )];
            if depth_limited {
                let e = PkiError::PathTooLong {
                    limit: MAX_PATH_DEPTH,
                };
                problems.push(Problem::new(e, None, None));
            }
            let own = check_validity(leaf, options)
                .into_iter()
                .chain(profile::problems(leaf, Role::EndEntity, options.profile))
                .chain(leaf_checks(leaf, Purpose::Signing, options));
            problems.extend(own.map(|e| Problem::new(e, Some(0), subject.clone())));
            (
                vec![PathEntry::of(leaf, false)],
                problems,
                Vec::new(),
                false,
                None,
            )
        }
    };
    if let Some(what) = exhausted {
        if verified.is_none() {
            problems.push(Problem::new(PkiError::BudgetExhausted { what }, None, None));
        }
    }
    super::russian::build_report(leaf, path, problems, warnings, accredited, verified)
}
