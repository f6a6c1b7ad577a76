//! Property tests of the identifier parsers: generated valid numbers always
//! parse and round-trip; arbitrary input never panics; the single-digit
//! mutations each scheme is guaranteed to catch are caught.
//!
//! The generators compute check digits from the published rules (DOMAIN §1),
//! independently of the parsers. Which mutations are guaranteed: a changed
//! check digit always (the check digits are a function of the rest); a
//! changed body digit of ИНН-10 or ОГРН changes the remainder mod 11, but
//! `% 10` maps 0 and 10 both to 0, so it escapes exactly when the check
//! digit is 0; for ОГРНИП (mod 13) it escapes only when the check digit is
//! 0, 1 or 2; any single digit of a bank account is caught (weights 7, 1, 3
//! are all prime to 10).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kabinet_core::identifiers::{
    check_identifier, Bik, CorrespondentAccount, Email, IdentifierKind, Inn, InnKind, Kpp, Ogrn,
    Ogrnip, Phone, SettlementAccount, Snils,
};
use proptest::prelude::*;

fn text(ds: &[u32]) -> String {
    ds.iter()
        .map(|d| char::from_digit(*d, 10).unwrap())
        .collect()
}

fn weighted(ds: &[u32], ws: &[u32]) -> u32 {
    ds.iter().zip(ws).map(|(d, w)| d * w).sum()
}

fn digits(n: usize) -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(0u32..10, n)
}

fn inn10() -> impl Strategy<Value = String> {
    digits(9).prop_map(|mut ds| {
        ds.push(weighted(&ds, &[2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11 % 10);
        text(&ds)
    })
}

fn inn12() -> impl Strategy<Value = String> {
    digits(10).prop_map(|mut ds| {
        ds.push(weighted(&ds, &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11 % 10);
        ds.push(weighted(&ds, &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11 % 10);
        text(&ds)
    })
}

fn with_remainder_check(first: u32, body: Vec<u32>, modulus: u64) -> String {
    let mut ds = vec![first];
    ds.extend(body);
    let n: u64 = text(&ds).parse().unwrap();
    ds.push(u32::try_from(n % modulus % 10).unwrap());
    text(&ds)
}

fn ogrn() -> impl Strategy<Value = String> {
    (prop::sample::select(vec![1u32, 5]), digits(11))
        .prop_map(|(f, b)| with_remainder_check(f, b, 11))
}

fn ogrnip() -> impl Strategy<Value = String> {
    digits(13).prop_map(|b| with_remainder_check(3, b, 13))
}

fn kpp() -> impl Strategy<Value = String> {
    "[0-9]{4}[0-9A-Z]{2}[0-9]{3}"
}

fn snils() -> impl Strategy<Value = String> {
    (digits(9), digits(2)).prop_map(|(nine, free)| {
        let body = text(&nine);
        let check = if body.as_str() <= "001001998" {
            text(&free)
        } else {
            let sum = weighted(&nine, &[9, 8, 7, 6, 5, 4, 3, 2, 1]);
            let c = match sum {
                0..=99 => sum,
                100 | 101 => 0,
                _ => sum % 101 % 100,
            };
            format!("{c:02}")
        };
        format!("{body}{check}")
    })
}

fn bik() -> impl Strategy<Value = String> {
    "0[0-9]{8}"
}

/// An account keyed with `prefix`: the key digit (position 9) solved for.
fn keyed(prefix: &str, mut account: Vec<u32>) -> String {
    account[8] = 0;
    let all: Vec<u32> = prefix
        .chars()
        .map(|c| c.to_digit(10).unwrap())
        .chain(account.iter().copied())
        .collect();
    let sum: u32 = all
        .iter()
        .zip([7, 1, 3].iter().cycle())
        .map(|(d, w)| d * w % 10)
        .sum();
    account[8] = (0..10).find(|k| (sum + k * 3) % 10 == 0).unwrap();
    text(&account)
}

fn settlement() -> impl Strategy<Value = (String, String)> {
    (bik(), digits(20)).prop_map(|(b, a)| {
        let account = keyed(&b[6..9], a);
        (b, account)
    })
}

fn correspondent() -> impl Strategy<Value = (String, String)> {
    (bik(), digits(20)).prop_map(|(b, a)| {
        let account = keyed(&format!("0{}", &b[4..6]), a);
        (b, account)
    })
}

fn phone() -> impl Strategy<Value = String> {
    "\\+[1-9][0-9]{0,14}"
}

fn email() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_+-]{1,20}(\\.[A-Za-z0-9_+-]{1,10}){0,2}@[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?\\.[a-zA-Z]{2,10}"
}

/// Replaces the digit at `index` with a different one (`shift` in 1..=9).
fn mutate(s: &str, index: usize, shift: u32) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if i == index {
                char::from_digit((c.to_digit(10).unwrap() + shift) % 10, 10).unwrap()
            } else {
                c
            }
        })
        .collect()
}

macro_rules! round_trips {
    ($parsed:expr, $ty:ident) => {{
        let x = $parsed;
        prop_assert_eq!(&$ty::parse(x.as_str()).unwrap(), &x);
        prop_assert_eq!(&$ty::parse(&x.to_string()).unwrap(), &x);
        let json = serde_json::to_string(&x).unwrap();
        prop_assert_eq!(&serde_json::from_str::<$ty>(&json).unwrap(), &x);
    }};
}

proptest! {
    #[test]
    fn valid_inn_parse_and_round_trip(s in prop_oneof![inn10(), inn12()]) {
        let inn = Inn::parse(&s).unwrap();
        prop_assert_eq!(inn.as_str(), s.as_str());
        prop_assert_eq!(inn.kind() == InnKind::LegalEntity, s.len() == 10);
        prop_assert_eq!(&Inn::parse(&format!(" \t{s}\n")).unwrap(), &inn);
        round_trips!(inn, Inn);
    }

    #[test]
    fn valid_ogrn_ogrnip_kpp_bik_parse_and_round_trip(
        o in ogrn(), oip in ogrnip(), k in kpp(), b in bik()
    ) {
        round_trips!(Ogrn::parse(&o).unwrap(), Ogrn);
        round_trips!(Ogrnip::parse(&oip).unwrap(), Ogrnip);
        round_trips!(Kpp::parse(&k).unwrap(), Kpp);
        round_trips!(Bik::parse(&b).unwrap(), Bik);
    }

    #[test]
    fn valid_snils_parse_in_every_spelling(s in snils(), seps in prop::sample::select(vec![('-', '-', ' '), ('-', '-', '-'), (' ', ' ', ' ')])) {
        let snils = Snils::parse(&s).unwrap();
        prop_assert_eq!(snils.as_str(), s.as_str());
        let shown = format!("{}{}{}{}{}{}{}", &s[0..3], seps.0, &s[3..6], seps.1, &s[6..9], seps.2, &s[9..11]);
        prop_assert_eq!(&Snils::parse(&shown).unwrap(), &snils);
        round_trips!(snils, Snils);
    }

    #[test]
    fn valid_accounts_parse_and_survive_serde((b, a) in settlement(), (cb, ca) in correspondent()) {
        let bank = Bik::parse(&b).unwrap();
        let account = SettlementAccount::parse(&a, &bank).unwrap();
        prop_assert_eq!(&SettlementAccount::parse(account.as_str(), &bank).unwrap(), &account);
        prop_assert_eq!(&SettlementAccount::parse(&account.to_string(), &bank).unwrap(), &account);
        let json = serde_json::to_string(&account).unwrap();
        prop_assert_eq!(&serde_json::from_str::<SettlementAccount>(&json).unwrap(), &account);
        let cbank = Bik::parse(&cb).unwrap();
        let corr = CorrespondentAccount::parse(&ca, &cbank).unwrap();
        let json = serde_json::to_string(&corr).unwrap();
        prop_assert_eq!(&serde_json::from_str::<CorrespondentAccount>(&json).unwrap(), &corr);
        prop_assert_eq!(check_identifier(IdentifierKind::CorrAccount, &ca, Some(&cb)).unwrap(), ca);
    }

    #[test]
    fn valid_phones_and_emails_parse_and_round_trip(p in phone(), e in email()) {
        let phone = Phone::parse(&p).unwrap();
        prop_assert_eq!(phone.as_str(), p.as_str());
        round_trips!(phone, Phone);
        let email = Email::parse(&e).unwrap();
        let (local, domain) = e.split_once('@').unwrap();
        let expected = format!("{local}@{}", domain.to_ascii_lowercase());
        prop_assert_eq!(email.as_str(), expected.as_str());
        round_trips!(email, Email);
    }

    #[test]
    fn phone_separators_between_digit_groups_are_removed(p in "\\+[1-9][0-9]{2}", q in "[0-9]{3}", r in "[0-9]{4}", sep in prop::sample::select(vec![" ", "-"])) {
        let canonical = format!("{p}{q}{r}");
        let grouped = Phone::parse(&format!("{p}{sep}({q}){sep}{r}")).unwrap();
        prop_assert_eq!(grouped.as_str(), canonical.as_str());
        let spaced = Phone::parse(&format!("{p}{sep}{q}{sep}{r}")).unwrap();
        prop_assert_eq!(spaced.as_str(), canonical.as_str());
    }

    #[test]
    fn arbitrary_input_never_panics(s in "\\PC{0,64}|[0-9 ()+@.-]{0,40}", b in "\\PC{0,12}|[0-9]{9}") {
        for kind in IdentifierKind::ALL {
            if let Ok(normalized) = check_identifier(kind, &s, Some(&b)) {
                // What was accepted is accepted again, unchanged.
                prop_assert_eq!(check_identifier(kind, &normalized, Some(&b)).unwrap(), normalized);
            }
        }
    }

    #[test]
    fn changed_check_digits_are_always_caught(
        i10 in inn10(), i12 in inn12(), o in ogrn(), oip in ogrnip(), shift in 1u32..10
    ) {
        prop_assert!(Inn::parse(&mutate(&i10, 9, shift)).is_err());
        prop_assert!(Inn::parse(&mutate(&i12, 10, shift)).is_err());
        prop_assert!(Inn::parse(&mutate(&i12, 11, shift)).is_err());
        prop_assert!(Ogrn::parse(&mutate(&o, 12, shift)).is_err());
        prop_assert!(Ogrnip::parse(&mutate(&oip, 14, shift)).is_err());
    }

    #[test]
    fn changed_snils_check_numbers_are_caught_when_checked(s in snils(), index in 9usize..11, shift in 1u32..10) {
        prop_assume!(&s[..9] > "001001998");
        prop_assert!(Snils::parse(&mutate(&s, index, shift)).is_err());
    }

    #[test]
    fn changed_body_digits_escape_only_where_the_modulus_folds(
        i10 in inn10(), o in ogrn(), oip in ogrnip(), index in 0usize..9, shift in 1u32..10
    ) {
        // ИНН-10 and ОГРН: remainders 0 and 10 share check digit 0.
        if Inn::parse(&mutate(&i10, index, shift)).is_ok() {
            prop_assert_eq!(&i10[9..], "0");
        }
        let at = index + 1; // keep ОГРН's first digit, which has its own rule
        if Ogrn::parse(&mutate(&o, at, shift)).is_ok() {
            prop_assert_eq!(&o[12..], "0");
        }
        // ОГРНИП: remainders 10, 11, 12 share check digits 0, 1, 2.
        if Ogrnip::parse(&mutate(&oip, at, shift)).is_ok() {
            prop_assert!(["0", "1", "2"].contains(&&oip[14..]));
        }
    }

    #[test]
    fn any_changed_account_digit_is_caught((b, a) in settlement(), index in 0usize..20, shift in 1u32..10) {
        let bank = Bik::parse(&b).unwrap();
        prop_assert!(SettlementAccount::parse(&mutate(&a, index, shift), &bank).is_err());
    }
}
