//! Property tests of document recognition and one-time passwords: arbitrary
//! bytes never panic the content check, a prefix decides the simple formats
//! whatever follows, and a TOTP code verifies within its drift window only.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kabinet_core::applications::{sniff, DocumentFormat};
use kabinet_core::auth::{OtpAlgorithm, Totp};
use kabinet_core::Timestamp;
use proptest::prelude::*;

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048), extra in 0u64..1_000_000) {
        let _ = sniff(&bytes, bytes.len() as u64);
        let _ = sniff(&bytes, bytes.len() as u64 + extra);
    }

    #[test]
    fn the_prefix_decides_pdf_and_jpeg(rest in prop::collection::vec(any::<u8>(), 0..512)) {
        let mut pdf = b"%PDF-".to_vec();
        pdf.extend_from_slice(&rest);
        prop_assert_eq!(sniff(&pdf, pdf.len() as u64), Ok(DocumentFormat::Pdf));
        let mut jpeg = vec![0xFF, 0xD8, 0xFF];
        jpeg.extend_from_slice(&rest);
        prop_assert_eq!(sniff(&jpeg, jpeg.len() as u64), Ok(DocumentFormat::Jpeg));
    }

    #[test]
    fn a_totp_code_verifies_within_the_drift_window_only(
        secret in prop::collection::vec(any::<u8>(), 10..64),
        secs in 1_000_000_000i64..4_000_000_000,
        offset in -5i64..=5,
    ) {
        let totp = Totp { algorithm: OtpAlgorithm::Sha256, digits: 8, step_seconds: 30, skew: 1 };
        let then = Timestamp::from_second(secs).unwrap();
        let now = Timestamp::from_second(secs + offset * 30).unwrap();
        let code = format!("{:08}", totp.code(&secret, then).unwrap());
        let found = totp.verify(&secret, &code, now).unwrap();
        if offset.abs() <= 1 {
            prop_assert_eq!(found, Some(totp.step(then).unwrap()));
        } else {
            // Outside the window: refused (a chance collision of two 8-digit
            // codes, 3 in 10^8 per case, is the only way this could fail).
            prop_assert_eq!(found, None);
        }
    }
}
