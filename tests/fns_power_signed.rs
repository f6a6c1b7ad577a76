//! Conformance: the real signed power of attorney of `mchd/valid/` with its
//! detached CAdES-T signature verifies over the exact bytes of its file,
//! its signer is the principal's sole executive named in the document, the
//! certificate is qualified and chains (through the FNS CA) to the Минцифры
//! root of `gost-ca/` at the signing time, the timestamp verifies, and the
//! power is in force at its signing time and expired today. Every other
//! file against that signature is refused for its content digest.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod conformance;

use std::path::PathBuf;

use conformance::fns_power::{options, signed, store, SIGNED};
use kabinet::cms::verify_cms;
use kabinet::delegation::fns_xml::{verify_signed_power, Principal, TermState};
use kabinet::pki::TrustStore;
use kabinet::Timestamp;

fn root() -> PathBuf {
    conformance::root("mchd/SOURCES.md")
}

#[test]
fn the_signed_power_verifies_at_its_signing_time_and_is_expired_today() {
    let (xml, sig) = signed();
    let store = store();
    let signing_time: Timestamp = "2024-12-03T08:29:00Z".parse().unwrap();
    for (at, term) in [
        ("2024-12-03T09:00:00Z", TermState::InForce),
        ("2026-12-04T00:00:00Z", TermState::Expired),
    ] {
        let r = verify_signed_power(&xml, &sig, &[], &store, &options(at)).unwrap();
        assert!(r.valid, "{at}: {:?}", r.problems);
        assert_eq!(r.term, term, "{at}");
        assert!(r.signer.every_principal_signed);
        assert_eq!(r.signer.signed_by, vec![Some(0)]);
        let s = &r.signature.signers[0];
        assert!(s.valid, "{:?}", s.problems);
        assert!(r.signature.detached);
        assert_eq!(s.signing_time, Some(signing_time));
        // validated at the signing time, not at `at`
        assert_eq!(s.certificate_checked_at, signing_time);
        let cert = s.certificate.as_ref().unwrap();
        assert!(cert.qualified, "{:?}", cert.not_qualified_because);
        assert_eq!(s.digest_algorithm, "streebog256");
        // the signer's identifiers are the executive's and the principal's
        let holder = s.holder.as_ref().unwrap();
        let Principal::RussianOrganization {
            organization,
            executives,
        } = &r.power.principals[0]
        else {
            panic!()
        };
        assert_eq!(
            holder.inn_le.as_deref(),
            organization.inn.as_ref().map(|i| i.as_str())
        );
        assert_eq!(
            holder.ogrn.as_deref(),
            organization.ogrn.as_ref().map(|g| g.as_str())
        );
        let signatory = r.power.principals[0].signatories()[0];
        assert_eq!(holder.snils.as_deref(), signatory.snils.map(|s| s.as_str()));
        assert_eq!(holder.inn.as_deref(), signatory.inn.map(|i| i.as_str()));
        assert_eq!(executives.len(), 1);
        // CAdES-T: the authority vouches for the signature at the same minute
        let [ts] = s.timestamps.as_slice() else {
            panic!("{:?}", s.timestamps.len())
        };
        assert!(ts.valid, "{:?}", ts.problems);
        assert_eq!(ts.time, Some(signing_time));
        assert!(ts.token.as_ref().unwrap().valid);
        // the term as instants, Moscow dates
        assert_eq!(r.valid_from.to_string(), "2024-12-02T21:00:00Z");
        assert_eq!(r.valid_until.to_string(), "2025-12-03T21:00:00Z");
    }
}

#[test]
fn without_the_intermediate_the_signer_has_no_path_and_the_power_is_not_valid() {
    let (xml, sig) = signed();
    let mut store = TrustStore::new();
    store
        .add_anchors_from_bytes(
            &std::fs::read(root().join("gost-ca/certs/0839.der")).unwrap(),
            true,
        )
        .unwrap();
    let r = verify_signed_power(&xml, &sig, &[], &store, &options("2024-12-03T09:00:00Z")).unwrap();
    assert!(!r.valid);
    let codes: Vec<&str> = r.problems.iter().map(|p| p.code.as_str()).collect();
    assert!(codes.contains(&"mchd_sig.signature_invalid"), "{codes:?}");
    assert!(codes.contains(&"mchd_sig.not_signatory"), "{codes:?}");
    assert!(r.signature.has_problem("cms.certificate_invalid"));
}

#[test]
fn any_other_file_against_the_signature_is_refused_for_its_digest() {
    let (_, sig) = signed();
    let store = store();
    let o = options("2024-12-03T09:00:00Z");
    let mut checked = 0;
    for folder in ["valid", "invalid", "synthetic"] {
        for entry in std::fs::read_dir(root().join("mchd").join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            if !name.ends_with(".xml") || (folder == "valid" && name.starts_with(SIGNED)) {
                continue;
            }
            let content = std::fs::read(&path).unwrap();
            let report = verify_cms(&sig, Some(&content), &[], &store, &o).unwrap();
            assert!(!report.valid, "{folder}/{name}");
            assert!(report.has_problem("cms.digest_mismatch"), "{folder}/{name}");
            // through the power's verification: refused as a document, or
            // read and then refused for its signature
            match verify_signed_power(&content, &sig, &[], &store, &o) {
                Ok(r) => {
                    assert!(!r.valid, "{folder}/{name}");
                    assert!(r
                        .problems
                        .iter()
                        .any(|p| p.code == "mchd_sig.signature_invalid"));
                }
                Err(e) => assert!(kabinet::Coded::code(&e).contains('.'), "{e}"),
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 5 + 10 + 3);
    // one byte more at the end (a newline an editor adds) is another document
    let (mut xml, _) = signed();
    xml.push(b'\n');
    let r = verify_signed_power(&xml, &sig, &[], &store, &o).unwrap();
    assert!(!r.valid && r.signature.has_problem("cms.digest_mismatch"));
}
