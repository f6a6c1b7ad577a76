//! Identifiers checked against numbers published by their holders and by the
//! bodies that issue them, valid as published and refused once altered.
//!
//! Sources (each number below names its source):
//!
//! - [SBER] ПАО Сбербанк, «Реквизиты» on sberbank.ru and its ЕГРЮЛ record
//!   (egrul.nalog.ru): ИНН 7707083893, КПП 773601001, ОГРН 1027700132195,
//!   БИК 044525225, к/с 30101810400000000225.
//! - [VTB] Банк ВТБ (ПАО), «Реквизиты» on vtb.ru: ИНН 7702070139,
//!   ОГРН 1027739609391, БИК 044525187, к/с 30101810700000000187.
//! - [TBANK] АО «ТБанк», «Реквизиты» on tbank.ru: ИНН 7710140679,
//!   ОГРН 1027739642281, БИК 044525974, к/с 30101810145250000974.
//! - [ALFA] АО «Альфа-Банк», «Реквизиты» on alfabank.ru: ИНН 7728168971,
//!   ОГРН 1027700067328, БИК 044525593, к/с 30101810200000000593.
//! - [GAZPROM] ПАО «Газпром», «Реквизиты» on gazprom.ru: ИНН 7736050003,
//!   ОГРН 1027700070518, КПП 997250001 (a largest-taxpayer КПП, reason 72).
//! - [FNS-ENP] ФНС России, реквизиты для уплаты единого налогового платежа
//!   (nalog.gov.ru, «Единый налоговый счёт»): получатель Казначейство России
//!   (ФНС России), ИНН 7727406020, КПП 770801001, БИК 017003983 (a treasury
//!   БИК), единый казначейский счёт (the correspondent account field)
//!   40102810445370000059.
//! - [BRANDSHOP] ООО «БРАНДШОП», «Наши реквизиты» on its website:
//!   ОГРН 1197746385616, ИНН/КПП 9729285657/775101001,
//!   р/с 40702810238000139300 in ПАО Сбербанк (БИК 044525225).
//! - [KLISHEVICH] ИП Клишевич Максим Александрович, «Контакты» on
//!   klishevich.com: ИНН 246305425708, ОГРНИП 317774600133510,
//!   р/с 40802810838000054879 in ПАО Сбербанк (БИК 044525225).
//! - [WIKI-OGRNIP] ru.wikipedia.org, «Основной государственный
//!   регистрационный номер индивидуального предпринимателя», worked example
//!   304500116000157.
//! - [WIKI-OGRN] ru.wikipedia.org, «Основной государственный
//!   регистрационный номер», examples 1037739010891 and 1035006110083.
//! - [WIKI-CHECK] ru.wikipedia.org, «Контрольное число», the СНИЛС worked
//!   example 112-233-445 95 and the ИНН-12 example 500100732259.
//! - [OGRNIP-12] 304463210700212, an ОГРНИП whose first 14 digits leave the
//!   remainder 12 mod 13 (check digit 2), the number public validator test
//!   suites use to catch the "remainder 10–12" mistake (it is quoted with
//!   the ФНС wording "младший разряд остатка" in the bug report
//!   rin-nas/postgresql-patterns-library#10).
//! - [FNS-KPP] Приказ ФНС России от 29.06.2012 № ММВ-7-6/435@: positions 5–6
//!   of a КПП are digits or capital Latin letters A–Z. No holder publishes a
//!   lettered КПП we could cite, so those values are built to that rule.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kabinet_core::identifiers::{
    Bik, CorrespondentAccount, IdentifierError, Inn, InnKind, Kpp, Ogrn, Ogrnip, SettlementAccount,
    Snils,
};
use kabinet_core::Coded;

/// Changes the digit at `index` (0-based) to the next one, mod 10.
fn bump(s: &str, index: usize) -> String {
    s.char_indices()
        .map(|(i, c)| {
            if i == index {
                char::from_digit((c.to_digit(10).unwrap() + 1) % 10, 10).unwrap()
            } else {
                c
            }
        })
        .collect()
}

fn code<T>(r: Result<T, IdentifierError>) -> &'static str {
    match r {
        Ok(_) => "ok",
        Err(e) => e.code(),
    }
}

#[test]
fn inn_of_legal_entities() {
    // [SBER] [VTB] [TBANK] [ALFA] [GAZPROM] [FNS-ENP] [BRANDSHOP]
    for inn in [
        "7707083893",
        "7702070139",
        "7710140679",
        "7728168971",
        "7736050003",
        "7727406020",
        "9729285657",
    ] {
        let parsed = Inn::parse(inn).unwrap();
        assert_eq!(parsed.kind(), InnKind::LegalEntity);
        assert_eq!(parsed.as_str(), inn);
        // The check digit altered: refused.
        assert_eq!(code(Inn::parse(&bump(inn, 9))), "inn.checksum", "{inn}");
    }
}

#[test]
fn inn_of_persons() {
    // [KLISHEVICH] [WIKI-CHECK]
    for inn in ["246305425708", "500100732259"] {
        assert_eq!(Inn::parse(inn).unwrap().kind(), InnKind::Person);
        assert_eq!(code(Inn::parse(&bump(inn, 10))), "inn.checksum", "{inn}");
        assert_eq!(code(Inn::parse(&bump(inn, 11))), "inn.checksum", "{inn}");
    }
    // A person's ИНН cut to 10 digits is not a company's.
    assert_eq!(code(Inn::parse("2463054257")), "inn.checksum");
}

#[test]
fn ogrn() {
    // [SBER] [VTB] [TBANK] [ALFA] [GAZPROM] [BRANDSHOP] [WIKI-OGRN]
    for ogrn in [
        "1027700132195",
        "1027739609391",
        "1027739642281",
        "1027700067328",
        "1027700070518",
        "1197746385616",
        "1037739010891",
        "1035006110083",
    ] {
        assert_eq!(Ogrn::parse(ogrn).unwrap().as_str(), ogrn);
        assert_eq!(
            code(Ogrn::parse(&bump(ogrn, 12))),
            "ogrn.checksum",
            "{ogrn}"
        );
        assert_eq!(code(Ogrnip::parse(ogrn)), "ogrnip.length");
    }
}

#[test]
fn ogrnip() {
    // [WIKI-OGRNIP] (remainder 7), [KLISHEVICH] (remainder 0), [OGRNIP-12] (remainder 12)
    for ogrnip in ["304500116000157", "317774600133510", "304463210700212"] {
        assert_eq!(Ogrnip::parse(ogrnip).unwrap().as_str(), ogrnip);
        assert_eq!(
            code(Ogrnip::parse(&bump(ogrnip, 14))),
            "ogrnip.checksum",
            "{ogrnip}"
        );
        assert_eq!(code(Ogrn::parse(ogrnip)), "ogrn.length");
    }
    // [OGRNIP-12]: the remainder 12 gives check digit 2; reading the remainder's
    // first digit ("1") or refusing remainders over 9 are both wrong.
    assert_eq!(
        Ogrnip::parse("304463210700211").unwrap_err(),
        IdentifierError::Checksum {
            kind: kabinet_core::IdentifierKind::Ogrnip,
            expected: "2".into(),
            found: "1".into()
        }
    );
}

#[test]
fn kpp() {
    // [SBER] [GAZPROM] [FNS-ENP] [BRANDSHOP]
    for kpp in ["773601001", "997250001", "770801001", "775101001"] {
        assert_eq!(Kpp::parse(kpp).unwrap().as_str(), kpp);
    }
    // [FNS-KPP]: letters at 5–6 only, capitals only.
    assert_eq!(Kpp::parse("7736AB001").unwrap().reason(), "AB");
    assert_eq!(code(Kpp::parse("7736ab001")), "kpp.reason_code");
    assert_eq!(code(Kpp::parse("773A01001")), "kpp.not_digits");
    assert_eq!(code(Kpp::parse("7736010A1")), "kpp.not_digits");
}

#[test]
fn snils() {
    // [WIKI-CHECK]
    let snils = Snils::parse("112-233-445 95").unwrap();
    assert_eq!(snils.as_str(), "11223344595");
    assert_eq!(snils.to_string(), "112-233-445 95");
    assert_eq!(code(Snils::parse("112-233-445 94")), "snils.checksum");
    assert_eq!(code(Snils::parse("112-233-446 95")), "snils.checksum");
    assert_eq!(code(Snils::parse("112-233-44 595")), "snils.format");
}

#[test]
fn bank_codes_and_correspondent_accounts() {
    // [SBER] [VTB] [TBANK] [ALFA] [FNS-ENP]
    for (bik, corr) in [
        ("044525225", "30101810400000000225"),
        ("044525187", "30101810700000000187"),
        ("044525974", "30101810145250000974"),
        ("044525593", "30101810200000000593"),
        ("017003983", "40102810445370000059"),
    ] {
        let bank = Bik::parse(bik).unwrap();
        let account = CorrespondentAccount::parse(corr, &bank).unwrap();
        assert_eq!(account.as_str(), corr);
        // Any one digit of the account altered: refused.
        for index in 0..20 {
            assert_eq!(
                code(CorrespondentAccount::parse(&bump(corr, index), &bank)),
                "corr_account.checksum"
            );
        }
    }
    // Keying uses БИК digits 5–6 only: ВТБ's account fits any БИК with "25"
    // there (Сбербанк's too), and none with other digits.
    let sber = Bik::parse("044525225").unwrap();
    assert_eq!(
        code(CorrespondentAccount::parse("30101810700000000187", &sber)),
        "ok"
    );
    let elsewhere = Bik::parse("044030187").unwrap();
    assert_eq!(
        code(CorrespondentAccount::parse(
            "30101810700000000187",
            &elsewhere
        )),
        "corr_account.checksum"
    );
}

#[test]
fn settlement_accounts() {
    // [BRANDSHOP] [KLISHEVICH]
    let sber = Bik::parse("044525225").unwrap();
    for account in ["40702810238000139300", "40802810838000054879"] {
        let parsed = SettlementAccount::parse(account, &sber).unwrap();
        assert_eq!(parsed.as_str(), account);
        assert_eq!(parsed.bik(), &sber);
        for index in 0..20 {
            assert_eq!(
                code(SettlementAccount::parse(&bump(account, index), &sber)),
                "account.checksum"
            );
        }
        // The same account at another bank (ВТБ, [VTB]) does not check.
        let vtb = Bik::parse("044525187").unwrap();
        assert_eq!(
            code(SettlementAccount::parse(account, &vtb)),
            "account.checksum"
        );
    }
}
