//! The tests of bound signature certificates: the shared test PKI
//! (`tests/common`, leaves issued on demand naming an organization and a
//! person) and the binding command around it.
#![allow(dead_code)]

use crate::support::{t, COMPANY_INN, COMPANY_OGRN, HEAD_INN};
use kabinet::certificates::{BoundCertificate, CertificateCommand};
use kabinet::*;

pub use crate::common::{Pki, Subject, AT, HEAD_SNILS};

/// The head of the support fixtures' company, as a certificate names them.
pub const HEAD: Subject<'static> = Subject {
    inn_le: COMPANY_INN,
    ogrn: COMPANY_OGRN,
    snils: HEAD_SNILS,
    inn: Some(HEAD_INN),
};

pub fn bind(org: OrgId, account: AccountId, certificate: BoundCertificate) -> Command {
    Command::Certificate(CertificateCommand::Bind {
        org,
        account,
        certificate,
    })
}

pub fn refused(dir: &Directory, who: AccountId, command: Command) -> &'static str {
    let before = dir.clone();
    let e = dir
        .execute(command, &Context::account(who, t(AT)))
        .unwrap_err();
    assert_eq!(dir, &before);
    Coded::code(&e)
}

/// Binds `cert` to `head` in `org`, as the head.
pub fn run_bind(
    dir: &mut Directory,
    head: AccountId,
    org: OrgId,
    cert: BoundCertificate,
) -> Vec<Event> {
    dir.run(bind(org, head, cert), &Context::account(head, t(AT)))
        .unwrap()
}

/// An accountant (СНИЛС number `n` of the fixtures) hired into `org` by
/// `head`, with the СНИЛС their certificates name.
pub fn hire_accountant(
    dir: &mut Directory,
    head: AccountId,
    org: OrgId,
    n: u32,
) -> (AccountId, String) {
    let snils = crate::support::snils_of(n);
    let email = format!("accountant{n}@example.ru");
    let accountant = crate::support::person(dir, "Петрова", &snils, None, &email);
    crate::support::hire(
        dir,
        org,
        head,
        accountant,
        vec![RoleRef::BuiltIn(BuiltInRole::Accountant)],
    );
    (accountant, snils)
}
