//! Feeds arbitrary UTF-8 to every identifier parser: none may panic, and
//! whatever parses must come back identical from its canonical form, its
//! shown form and its JSON, and agree with `check_identifier`.
#![no_main]

use kabinet_core::identifiers::{
    check_identifier, Bik, CorrespondentAccount, Email, IdentifierKind, Inn, Kpp, Ogrn, Ogrnip,
    Phone, SettlementAccount, Snils,
};
use libfuzzer_sys::fuzz_target;

macro_rules! round_trip {
    ($ty:ident, $kind:expr, $input:expr) => {
        if let Ok(x) = $ty::parse($input) {
            assert_eq!($ty::parse(x.as_str()).as_ref(), Ok(&x));
            assert_eq!($ty::parse(&x.to_string()).as_ref(), Ok(&x));
            let json = serde_json::to_string(&x).expect("serializes");
            assert_eq!(serde_json::from_str::<$ty>(&json).ok().as_ref(), Some(&x));
            assert_eq!(
                check_identifier($kind, $input, None).as_deref(),
                Ok(x.as_str())
            );
        } else {
            assert!(check_identifier($kind, $input, None).is_err());
        }
    };
}

macro_rules! account_round_trip {
    ($ty:ident, $kind:expr, $input:expr, $bik:expr) => {
        if let Ok(bik) = Bik::parse($bik) {
            if let Ok(x) = $ty::parse($input, &bik) {
                assert_eq!($ty::parse(x.as_str(), &bik).as_ref(), Ok(&x));
                assert_eq!($ty::parse(&x.to_string(), &bik).as_ref(), Ok(&x));
                let json = serde_json::to_string(&x).expect("serializes");
                assert_eq!(serde_json::from_str::<$ty>(&json).ok().as_ref(), Some(&x));
                assert_eq!(
                    check_identifier($kind, $input, Some($bik)).as_deref(),
                    Ok(x.as_str())
                );
            } else {
                assert!(check_identifier($kind, $input, Some($bik)).is_err());
            }
        } else {
            assert!(check_identifier($kind, $input, Some($bik)).is_err());
        }
    };
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // "value\nbik" lets the fuzzer steer the БИК as well; a fixed real БИК
    // keeps accounts reachable.
    let (value, bik) = text.split_once('\n').unwrap_or((text, "044525225"));
    for input in [text, value] {
        round_trip!(Inn, IdentifierKind::Inn, input);
        round_trip!(Ogrn, IdentifierKind::Ogrn, input);
        round_trip!(Ogrnip, IdentifierKind::Ogrnip, input);
        round_trip!(Kpp, IdentifierKind::Kpp, input);
        round_trip!(Snils, IdentifierKind::Snils, input);
        round_trip!(Bik, IdentifierKind::Bik, input);
        round_trip!(Phone, IdentifierKind::Phone, input);
        round_trip!(Email, IdentifierKind::Email, input);
        for b in [bik, "044525225"] {
            account_round_trip!(SettlementAccount, IdentifierKind::Account, input, b);
            account_round_trip!(CorrespondentAccount, IdentifierKind::CorrAccount, input, b);
        }
    }
});
