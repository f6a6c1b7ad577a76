//! Fuzzes the decoding of GOST keys and signatures and the verification
//! path they feed: nothing may panic, whatever the bytes.
//!
//! The first byte chooses what the rest is: a SubjectPublicKeyInfo, an
//! X.509 signature value, a pair of affine coordinates for one of the
//! parameter sets, or a whole (key, message, signature) triple.
#![no_main]

use kabinet_core::gost::{self, ParamSet, PublicKey, Signature};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    match selector % 4 {
        0 => {
            if let Ok(key) = PublicKey::from_spki_der(rest) {
                let (x, y) = key.to_affine_be();
                assert_eq!(PublicKey::from_affine(key.param_set(), &x, &y), Ok(key));
            }
        }
        1 => {
            if let Ok(sig) = Signature::from_x509_bytes(rest) {
                assert_eq!(sig.to_x509_bytes(), rest);
            }
        }
        2 => {
            let set = ParamSet::ALL[usize::from(selector / 4) % ParamSet::ALL.len()];
            let (x, y) = rest.split_at(rest.len() / 2);
            if let Ok(key) = PublicKey::from_affine(set, x, y) {
                let digest = vec![0x5a; key.bits() / 8];
                let sig = Signature::from_x509_bytes(&vec![0x11; key.bits() / 4]);
                if let Ok(sig) = sig {
                    let _ = gost::verify_digest(&key, &digest, &sig);
                }
            }
        }
        _ => {
            // [spki length: 2 bytes][spki][signature: 64 or 128 bytes at the end][message]
            if rest.len() < 2 {
                return;
            }
            let spki_len = usize::from(u16::from_be_bytes([rest[0], rest[1]]));
            let rest = &rest[2..];
            if spki_len > rest.len() {
                return;
            }
            let (spki, rest) = rest.split_at(spki_len);
            let sig_len = if selector & 0x80 != 0 { 128 } else { 64 };
            if rest.len() < sig_len {
                return;
            }
            let (sig, message) = rest.split_at(sig_len);
            let oid = if sig_len == 64 { gost::oids::SIGNATURE_256 } else { gost::oids::SIGNATURE_512 };
            let _ = gost::verify_signature(spki, &oid, message, sig);
        }
    }
});
