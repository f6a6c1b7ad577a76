//! A power of attorney (МЧД) the company's head signs for a representative
//! to register the company: the fixture of registration by power.

use super::{num, snils_of, COMPANY_INN, COMPANY_OGRN, HEAD_INN};
use kabinet::delegation::mchd::{
    MchdDocument, MchdOrganization, MchdPerson, MchdPower, MchdRepresentative, FORMAT,
};
use kabinet::delegation::{Mchd, PowerLevel};

pub const HEAD_SNILS: &str = "112-233-445 95";
pub const REP_INN: &str = "500123456750";

/// The representative's СНИЛС.
pub fn rep_snils() -> String {
    snils_of(90)
}

/// An МЧД of the company signed by the head to the representative,
/// valid for 2026, with the administrative level.
pub fn mchd(n: u128) -> Mchd {
    let rep_snils = rep_snils();
    Mchd {
        format: FORMAT.into(),
        document: MchdDocument {
            number: num(n).to_string(),
            internal_number: Some("Д-1/2026".into()),
            issued_at: "2026-01-10T00:00:00Z".into(),
            valid_from: "2026-01-10T00:00:00Z".into(),
            valid_until: "2027-01-10T00:00:00Z".into(),
            redelegation: "1".into(),
            irrevocable: "0".into(),
            parent: None,
            depth: 0,
        },
        principal: MchdOrganization {
            inn: COMPANY_INN.into(),
            ogrn: Some(COMPANY_OGRN.into()),
        },
        signer: MchdPerson {
            snils: Some(HEAD_SNILS.replace(['-', ' '], "")),
            inn: Some(HEAD_INN.into()),
        },
        representative: MchdRepresentative {
            snils: Some(rep_snils),
            inn: Some(REP_INN.into()),
            organization_inn: None,
            organization_ogrn: None,
        },
        powers: MchdPower::list(PowerLevel::REGISTRATION.rights()),
    }
}
