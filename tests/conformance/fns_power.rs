//! The real signed power of attorney of `mchd/valid/` and what verifies it:
//! the file and its detached signature, and a store with the Минцифры root
//! as anchor and the FNS CA (signer) and the Tensor CA (the timestamp
//! authority) as intermediates. The set carries no CRLs of these
//! authorities: revocation is soft-failed, and reported.
//!
//! The helpers that build a directory around it read every person's and
//! organization's value from the file at run time.
#![allow(clippy::unwrap_used)]

use kabinet::accounts::{AccountLevel, PersonName};
use kabinet::cms::CmsOptions;
use kabinet::delegation::fns_xml::{
    Executive, FullName, Organization, Party, Person, Principal, SignedPowerReport,
};
use kabinet::identifiers::Inn;
use kabinet::organizations::{
    InMemoryRegistry, OrganizationKind, RegistryHead, RegistryRecord, RegistryStatus,
    RequisitesDraft, StateRegistry,
};
use kabinet::pki::{RevocationPolicy, TrustStore};
use kabinet::{AccountCommand, AccountEvent, OrganizationCommand, OrganizationEvent};
use kabinet::{AccountId, Command, Context, Event, OrgId};

/// The file name of the signed power, without its extension.
pub const SIGNED: &str = "ON_EMCHD_20241203_c61a40df-d38f-4800-9ba4-61a2df016993";

/// The XML file and its `.sig`, byte for byte.
pub fn signed() -> (Vec<u8>, Vec<u8>) {
    let v = super::root("mchd/SOURCES.md").join("mchd/valid");
    (
        std::fs::read(v.join(format!("{SIGNED}.xml"))).unwrap(),
        std::fs::read(v.join(format!("{SIGNED}.sig"))).unwrap(),
    )
}

/// The trust store that verifies the signed power.
pub fn store() -> TrustStore {
    let certs = super::root("mchd/SOURCES.md").join("gost-ca/certs");
    let mut store = TrustStore::new();
    store
        .add_anchors_from_bytes(&std::fs::read(certs.join("0839.der")).unwrap(), true)
        .unwrap();
    for f in ["2336.der", "1013.der"] {
        store
            .add_intermediates_from_bytes(&std::fs::read(certs.join(f)).unwrap())
            .unwrap();
    }
    store
}

/// Verification options at `at`, revocation soft-failed.
pub fn options(at: &str) -> CmsOptions {
    let mut o = CmsOptions::at(at.parse().unwrap());
    o.validation.revocation = RevocationPolicy::SoftFail;
    o
}

/// Runs one command and returns its events (a directory's or a handle's).
pub type Exec<'a> = dyn FnMut(Command, &Context) -> Vec<Event> + 'a;

/// The setup's time: before the power was signed.
pub const SETUP: &str = "2024-11-01T09:00:00Z";

fn name(n: &FullName) -> PersonName {
    PersonName::new(&n.surname, &n.given, n.patronymic.as_deref())
}

/// Registers a confirmed account for a person of the document.
pub fn account(exec: &mut Exec<'_>, p: &Person) -> AccountId {
    let sys = Context::system(SETUP.parse().unwrap());
    let events = exec(
        Command::Accounts(AccountCommand::RegisterAccount {
            name: name(&p.name),
            snils: p.snils.clone(),
            inn: p.inn.clone(),
            email: None,
            phone: None,
        }),
        &sys,
    );
    let Some(Event::Accounts(AccountEvent::AccountRegistered { account, .. })) = events.first()
    else {
        panic!("no account")
    };
    for level in [AccountLevel::Standard, AccountLevel::Confirmed] {
        exec(
            Command::Accounts(AccountCommand::RaiseAccountLevel {
                account: *account,
                level,
            }),
            &sys,
        );
    }
    *account
}

/// The principal and its executive, as the document names them.
pub fn principal(r: &SignedPowerReport) -> (&Organization, &Person) {
    let Some(Principal::RussianOrganization {
        organization,
        executives,
    }) = r.power.principals.first()
    else {
        panic!("not an organization")
    };
    let Some(Executive::Person { person, .. }) = executives.first() else {
        panic!("not a person")
    };
    (organization, person)
}

/// The one representative, a person.
pub fn representative(r: &SignedPowerReport) -> &Person {
    let [Party::Person(p)] = r.power.representatives.as_slice() else {
        panic!("not one person")
    };
    p
}

/// The requisites and the registry's record of the principal.
pub fn requisites(r: &SignedPowerReport) -> (RequisitesDraft, InMemoryRegistry) {
    let (org, head) = principal(r);
    let draft = RequisitesDraft {
        full_name: org.name.clone(),
        inn: org.inn.as_ref().unwrap().as_str().into(),
        kpp: org.kpp.as_str().into(),
        ogrn: org.ogrn.as_ref().unwrap().as_str().into(),
        legal_address: "г. Москва, ул. Примерная, д. 1".into(),
        head_surname: head.name.surname.clone(),
        head_given_name: head.name.given.clone(),
        head_patronymic: head.name.patronymic.clone().unwrap_or_default(),
        head_inn: head.inn.as_ref().unwrap().as_str().into(),
        head_position: "Генеральный директор".into(),
        ..RequisitesDraft::default()
    };
    let mut registry = InMemoryRegistry::new();
    registry.insert(RegistryRecord {
        full_name: org.name.clone(),
        inn: org.inn.clone().unwrap(),
        kpp: Some(org.kpp.clone()),
        ogrn: org.ogrn.clone(),
        ogrnip: None,
        status: RegistryStatus::Active,
        head: RegistryHead {
            name: name(&head.name),
            inn: head.inn.clone().unwrap(),
            position: "Генеральный директор".into(),
        },
    });
    (draft, registry)
}

/// The principal registered by its head (who becomes its head on the
/// registry's answer), and the representative's account: head,
/// representative, organization.
pub fn register(r: &SignedPowerReport, exec: &mut Exec<'_>) -> (AccountId, AccountId, OrgId) {
    let head = account(exec, principal(r).1);
    let rep = account(exec, representative(r));
    let (draft, registry) = requisites(r);
    let events = exec(
        Command::Organizations(OrganizationCommand::SubmitOrganization {
            kind: OrganizationKind::LegalEntity,
            requisites: draft.clone(),
        }),
        &Context::account(head, SETUP.parse().unwrap()),
    );
    let Some(Event::Organizations(OrganizationEvent::OrganizationSubmitted { org, .. })) =
        events.first()
    else {
        panic!("not submitted")
    };
    let answer = registry.lookup(&Inn::parse(&draft.inn).unwrap()).unwrap();
    exec(
        Command::Organizations(OrganizationCommand::RecordRegistryAnswer { org: *org, answer }),
        &Context::system(SETUP.parse().unwrap()),
    );
    (head, rep, *org)
}
