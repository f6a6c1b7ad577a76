//! Feeds arbitrary bytes to the parsers of untrusted authentication and
//! document input: document content recognition (whole file and first
//! bytes), stored password hashes (PHC strings, with light parameters so a
//! run stays fast) and PIN forms. None may panic; a recognized document is
//! recognized the same from its whole bytes and from the same bytes
//! declared as a larger file's head, unless it is a ZIP (whose central
//! directory is read only from a whole file).
#![no_main]

use kabinet_core::applications::{sniff, DocumentFormat};
use kabinet_core::auth::{check_pin_format, verify_password, HashScheme};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let size = data.len() as u64;
    let whole = sniff(data, size);
    let head = sniff(data, size + 1);
    if let Ok(f) = whole {
        if !matches!(f, DocumentFormat::Docx | DocumentFormat::Xlsx) {
            assert_eq!(head, Ok(f));
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = check_pin_format(text);
        // Only PHC strings whose parameters are cheap are verified, so the
        // fuzzer explores parsing, not hashing.
        let cheap = !text.contains("m=") || text.contains("m=8,");
        if cheap && !text.contains("pbkdf2") {
            let _ = verify_password("x", text, &HashScheme::ARGON2ID_OWASP);
        }
    }
});
