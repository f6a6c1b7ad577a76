//! Is a validated certificate qualified? The markers, the anchor, the algorithm.
//!
//! Qualified (КЭП) = the path is valid, ends at an anchor the host lists as
//! accredited, the leaf carries the qualified markers (subjectSignTool,
//! issuerSignTool, a sign-tool class policy, the holder's ИНН or ИННЮЛ, and
//! ОГРН/ОГРНИП for an organization or СНИЛС for a person) and its key uses
//! an allowed algorithm (GOST R 34.10-2012, RSA ≥ 2048 bits, ECDSA P-256).

use serde::Serialize;

use super::Holder;
use crate::pki::report::{Notice, PathEntry, Problem, ValidationReport};
use crate::pki::{oids, ParsedCertificate, ValidationPath};

/// Whether a certificate is qualified, and why not when it is not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Qualification {
    /// Whether every condition holds.
    pub qualified: bool,
    /// Codes of the conditions that fail.
    pub missing: Vec<&'static str>,
}

fn allowed_key(cert: &ParsedCertificate) -> bool {
    let spki = &cert.certificate().tbs_certificate.subject_public_key_info;
    let alg = spki.algorithm.oid;
    if alg == oids::GOST2012_256_KEY || alg == oids::GOST2012_512_KEY || alg == oids::RSA_ENCRYPTION
    {
        // RSA length is enforced by path validation (weak keys are problems).
        return true;
    }
    alg == oids::EC_PUBLIC_KEY
        && spki
            .algorithm
            .parameters
            .as_ref()
            .and_then(|p| p.decode_as::<const_oid::ObjectIdentifier>().ok())
            == Some(oids::SECP256R1)
}

/// Classifies a leaf, given whether its path is valid and ends at an accredited anchor.
pub fn classify(
    leaf: &ParsedCertificate,
    holder: &Holder,
    valid: bool,
    accredited: bool,
) -> Qualification {
    let mut missing = Vec::new();
    if !valid {
        missing.push("qualified.invalid_path");
    }
    if !accredited {
        missing.push("qualified.anchor_not_accredited");
    }
    if holder.subject_sign_tool.is_none() {
        missing.push("qualified.no_subject_sign_tool");
    }
    if !holder.issuer_sign_tool {
        missing.push("qualified.no_issuer_sign_tool");
    }
    if holder.sign_tool_class().is_none() {
        missing.push("qualified.no_sign_tool_class");
    }
    if holder.inn.is_none() && holder.inn_le.is_none() {
        missing.push("qualified.no_inn");
    }
    if holder.is_legal_entity() && holder.ogrn.is_none() {
        missing.push("qualified.no_ogrn");
    }
    if !holder.is_legal_entity() && holder.ogrnip.is_none() && holder.snils.is_none() {
        missing.push("qualified.no_snils");
    }
    if !allowed_key(leaf) {
        missing.push("qualified.algorithm_not_allowed");
    }
    Qualification {
        qualified: missing.is_empty(),
        missing,
    }
}

pub(crate) fn build_report(
    leaf: &ParsedCertificate,
    path: Vec<PathEntry>,
    problems: Vec<Problem>,
    warnings: Vec<Notice>,
    accredited: bool,
    verified: Option<ValidationPath>,
) -> ValidationReport {
    let holder = Holder::of(leaf);
    let valid = problems.is_empty() && verified.is_some();
    let q = classify(leaf, &holder, valid, accredited);
    ValidationReport {
        valid,
        path,
        problems,
        warnings,
        sign_tool_class: holder.sign_tool_class(),
        holder,
        accredited_anchor: accredited,
        qualified: q.qualified,
        not_qualified_because: q.missing,
        verified,
    }
}
