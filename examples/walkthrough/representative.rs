//! Step 8 of the walk: a second company is registered not by its head but by
//! a representative presenting the head's machine-readable power of attorney
//! (МЧД). The registry names the head; the library checks that the head
//! signed the power, for this company, to the person submitting, valid now
//! and giving every right — then the head joins as head and the
//! representative acts through the power, which every decision names.

use super::say::{self, say};
use super::{person, Res};
use kabinet::accounts::PersonName;
use kabinet::delegation::mchd::{
    MchdDocument, MchdOrganization, MchdPerson, MchdPower, MchdRepresentative, FORMAT,
};
use kabinet::delegation::{Mchd, PowerLevel};
use kabinet::organizations::{
    InMemoryRegistry, OrganizationKind, RegistryHead, RegistryRecord, RegistryStatus,
    RequisitesDraft, StateRegistry,
};
use kabinet::*;

/// АО «Василёк», a fictional company: computed ИНН, КПП and ОГРН.
const INN: &str = "7804012344";
const KPP: &str = "780401001";
const OGRN: &str = "1127800012340";
const HEAD_SNILS: &str = "001-001-994 00";
const HEAD_INN: &str = "772012345670";
const REP_SNILS: &str = "001-001-993 00";
const REP_INN: &str = "500123456750";
/// The power's number (a UUID, as the ФНС registry of powers assigns them).
const POWER: &str = "0b4c0a52-7f9e-4d1c-9a43-5e2f3a1d9c07";

/// Adds the company to the registry the walk asks.
pub fn add_to_registry(r: &mut InMemoryRegistry) -> Res<()> {
    r.insert(RegistryRecord {
        full_name: "АО «Василёк»".into(),
        inn: Inn::parse(INN)?,
        kpp: Some(Kpp::parse(KPP)?),
        ogrn: Some(Ogrn::parse(OGRN)?),
        ogrnip: None,
        status: RegistryStatus::Active,
        head: RegistryHead {
            name: PersonName::new("Миронов", "Алексей", Some("Борисович")),
            inn: Inn::parse(HEAD_INN)?,
            position: "Генеральный директор".into(),
        },
    });
    Ok(())
}

/// Registers the company through the representative (what an earlier run
/// did is not repeated) and shows a decision taken through the power.
pub fn run(k: &Kabinet, registry: &InMemoryRegistry, at: Timestamp) -> Res<()> {
    say!(
        "\n== 8. Представитель регистрирует другую компанию по МЧД руководителя",
        "\n== 8. A representative registers another company with the head's МЧД"
    );
    let system = Context::system(at);
    let names = ("Миронов", "Алексей", "Борисович");
    let head = person(
        k,
        &system,
        names,
        HEAD_SNILS,
        Some(HEAD_INN),
        "mironov@example.ru",
    )?;
    let names = ("Орлова", "Елена", "Викторовна");
    let rep = person(
        k,
        &system,
        names,
        REP_SNILS,
        Some(REP_INN),
        "orlova@example.ru",
    )?;
    let inn = Inn::parse(INN)?;
    let submitted = k.read().organizations_by_inn(&inn).next().map(|o| o.id);
    let org = match submitted {
        Some(org) => org,
        None => {
            let events = k.execute(
                Command::Delegation(DelegationCommand::SubmitOrganizationByPower {
                    kind: OrganizationKind::LegalEntity,
                    requisites: draft(),
                    power: Box::new(power()),
                }),
                &Context::account(rep, at),
            )?;
            let kinds = events
                .iter()
                .map(Event::kind)
                .collect::<Vec<_>>()
                .join(", ");
            say!(
                "   {rep} подаёт заявку по доверенности № {POWER}: {kinds}",
                "   {rep} submits with power of attorney № {POWER}: {kinds}"
            );
            match events.first() {
                Some(Event::Organizations(OrganizationEvent::OrganizationSubmitted {
                    org,
                    ..
                })) => *org,
                _ => return Err("the organization was not submitted".into()),
            }
        }
    };
    if !k.read().organization(org).is_some_and(|o| o.is_active()) {
        let answer = registry.lookup(&inn)?;
        let events = k.execute(
            Command::Organizations(OrganizationCommand::RecordRegistryAnswer { org, answer }),
            &system,
        )?;
        let kinds = events
            .iter()
            .map(Event::kind)
            .collect::<Vec<_>>()
            .join(", ");
        say!(
            "   ответ реестра: {kinds}",
            "   the registry answers: {kinds}"
        );
    }
    let dir = k.read();
    let recognized = dir.organization(org).and_then(|o| o.head);
    drop(dir);
    match recognized {
        Some(h) => say!(
            "   {org}: руководитель {h} (по реестру: {head}), заявку подал(а) {rep}",
            "   {org}: head {h} (the registry's: {head}), submitted by {rep}"
        ),
        None => say!(
            "   {org}: руководитель не признан (по реестру: {head}), заявку подал(а) {rep}",
            "   {org}: no head recognized (the registry's: {head}), submitted by {rep}"
        ),
    }
    for right in [Right::OrganizationEdit, Right::UsersManage] {
        let why = say::explain(&k.check(&AccessRequest::new(rep, org, right, at)));
        say!("   {why}", "   {why}");
    }
    Ok(())
}

fn draft() -> RequisitesDraft {
    RequisitesDraft {
        full_name: "АО «Василёк»".into(),
        inn: INN.into(),
        kpp: KPP.into(),
        ogrn: OGRN.into(),
        legal_address: "190000, г. Санкт-Петербург, ул. Образцовая, д. 2".into(),
        head_surname: "Миронов".into(),
        head_given_name: "Алексей".into(),
        head_patronymic: "Борисович".into(),
        head_inn: HEAD_INN.into(),
        head_position: "Генеральный директор".into(),
        ..RequisitesDraft::default()
    }
}

/// The МЧД as the head signed it: the company as principal, the head as
/// signer, the representative by СНИЛС and ИНН, valid for 2026, every right.
fn power() -> Mchd {
    let digits = |s: &str| s.replace(['-', ' '], "");
    Mchd {
        format: FORMAT.into(),
        document: MchdDocument {
            number: POWER.into(),
            internal_number: Some("Д-7/2026".into()),
            issued_at: "2026-01-12T00:00:00Z".into(),
            valid_from: "2026-01-12T00:00:00Z".into(),
            valid_until: "2027-01-12T00:00:00Z".into(),
            redelegation: "1".into(), // no re-delegation
            irrevocable: "0".into(),
            parent: None,
            depth: 0,
        },
        principal: MchdOrganization {
            inn: INN.into(),
            ogrn: Some(OGRN.into()),
        },
        signer: MchdPerson {
            snils: Some(digits(HEAD_SNILS)),
            inn: Some(HEAD_INN.into()),
        },
        representative: MchdRepresentative {
            snils: Some(digits(REP_SNILS)),
            inn: Some(REP_INN.into()),
            organization_inn: None,
            organization_ogrn: None,
        },
        powers: MchdPower::list(PowerLevel::REGISTRATION.rights()),
    }
}
