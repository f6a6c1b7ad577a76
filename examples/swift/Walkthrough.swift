// A walk through kabinet from Swift, on the bindings UniFFI generates
// (module `Kabinet`; build the library with
// `cargo build -p kabinet-uniffi --features cli` and generate them with
// `target/debug/uniffi-bindgen generate --library target/debug/libkabinet_uniffi.so --language swift --out-dir gen`).
//
// The head of a company and three employees get confirmed accounts; the head
// registers the company, the state registry (held in memory here) confirms
// it; employees are invited and join; built-in and custom roles are given;
// and access decisions are printed with their explanations — refusals
// included; then a login with a one-time code and the reminders of powers
// of attorney through the notification outbox. The test suite checks the
// syntax of this file (scripts/test).

import Foundation
import Kabinet

let at = ISO8601DateFormatter().date(from: "2026-03-02T09:00:00Z")!

func show(_ title: String, _ d: Decision) {
    print("  \(d.allowed ? "✔" : "✘") \(title)")
    print("      \(d.explanationRu)")
    print("      \(d.explanationEn)")
    for r in d.refusals {
        print("      · \(r.code)")
    }
}

func ctx(_ account: UInt64, _ signature: Signature = simpleSignature()) -> Context {
    Context(actor: account, at: at, signature: signature, ip: nil)
}

func walk() throws {
    let k = Kabinet()

    print("1. People register and confirm their identity (ЕСИА)")
    var people: [UInt64] = []
    for (surname, snils, inn) in [
        ("Грефов", "112-233-445 95", "770712345633" as String?),
        ("Админова", "001-001-997 00", nil),
        ("Бухова", "001-001-996 00", "502400123477"),
        ("Операторов", "001-001-995 00", nil),
    ] {
        let account = try k.registerAccount(
            surname: surname, givenName: "Иван", patronymic: "Петрович",
            snils: snils, inn: inn, email: nil, phone: nil, at: at)
        _ = try k.confirmIdentity(account: account, at: at)
        print("   account \(account): \(surname), СНИЛС \(try parseSnils(value: snils).formatted)")
        people.append(account)
    }
    let (head, admin, accountant, clerk) = (people[0], people[1], people[2], people[3])

    print("\n2. The head registers the company; the state registry confirms it")
    let bad = try checkIdentifier(kind: "inn", value: "7707083894", bik: nil)
    print("   a mistyped ИНН is caught first: \(bad.code ?? "") — \(bad.messageRu ?? "")")
    let registry = InMemoryRegistry()
    try registry.insert(record: RegistryRecord(
        fullName: "ПАО «Сбербанк»", inn: "7707083893", kpp: "773601001", ogrn: "1027700132195", ogrnip: nil,
        status: .active, headSurname: "Грефов", headGivenName: "Иван", headPatronymic: "Петрович",
        headInn: "770712345633", headPosition: "Президент"))
    let requisites = RequisitesDraft(
        fullName: "ПАО Сбербанк", inn: "7707083893", kpp: "773601001", ogrn: "1027700132195", ogrnip: "",
        legalAddress: "117312, г. Москва, ул. Вавилова, д. 19", actualAddress: "", phone: "", email: "",
        bankAccount: "", bankName: "", bik: "", headSurname: "Грефов", headGivenName: "Иван",
        headPatronymic: "Петрович", headInn: "770712345633", headPosition: "Президент")
    let org = try k.submitOrganization(context: ctx(head), kind: .legalEntity, requisites: requisites)
    for event in try k.consultRegistry(org: org, registry: registry, at: at) {
        print("   event: \(event.kind)")
    }

    print("\n3. Employees are invited and join")
    for (who, roles) in [(admin, ["administrator"]), (accountant, ["accountant"]), (clerk, [])] {
        guard let account = k.account(id: who) else { continue }
        let invitation = try k.inviteEmployee(
            context: ctx(head), org: org, surname: account.surname, givenName: account.givenName,
            snils: account.snils, email: nil, position: nil, roles: roles.map { Role.builtIn(code: $0) })
        _ = try k.acceptInvitation(context: ctx(who), invitation: invitation)
        print("   account \(who) joined with roles \(roles.isEmpty ? ["—"] : roles)")
    }

    print("\n4. Roles: a custom role, and least privilege at work")
    let role = try k.createCustomRole(
        context: ctx(admin), org: org, name: "Журнал и сотрудники", rights: ["users.view", "journal.view"])
    _ = try k.assignRole(context: ctx(admin), org: org, account: clerk, role: .custom(id: role))
    print("   the administrator created custom role \(role) and gave it to account \(clerk)")
    do {
        _ = try k.assignRole(context: ctx(admin), org: org, account: clerk, role: .builtIn(code: "accountant"))
    } catch let KabinetError.Command(code, _, _, _, missing, _) {
        print("   refused: \(code) — lacks \(missing.count) rights of the role, e.g. \(missing.first ?? "")")
    }
    do {
        _ = try k.dismissEmployee(context: ctx(admin), org: org, account: head)
    } catch let KabinetError.Command(code, messageRu, _, _, _, _) {
        print("   refused: \(code) — \(messageRu)")
    }

    print("\n5. Decisions, with their explanations")
    show("the head manages users", try k.check(actor: head, organization: org, right: "users.manage", at: at, signature: nil))
    show("the clerk reads the journal", try k.check(actor: clerk, organization: org, right: "journal.view", at: at, signature: nil))
    show("the clerk approves payments", try k.check(actor: clerk, organization: org, right: "payments.approve", at: at, signature: nil))
    show("the accountant files a declaration with a password",
         try k.check(actor: accountant, organization: org, right: "accounting.approve", at: at, signature: nil))
    let qualified = Signature(
        level: .qualified, snils: "001-001-996 00", inn: nil, organizationInn: "7707083893", ogrn: nil, ogrnip: nil)
    show("… and with her qualified signature (КЭП)",
         try k.check(actor: accountant, organization: org, right: "accounting.approve", at: at, signature: qualified))

    print("\n6. Where the accountant's rights come from")
    for r in try k.effectiveRights(actor: accountant, organization: org, at: at).prefix(4) {
        let sources = r.sources.map { (basis: Basis) -> String in
            switch basis {
            case .head: return "head"
            case .grant: return "grant"
            case .powerOfAttorney: return "power of attorney"
            case .role(let role):
                switch role {
                case .builtIn(let code): return "role \(code)"
                case .custom(let id): return "role #\(id)"
                }
            }
        }
        print("   \(r.right): \(sources.joined(separator: ", "))")
    }
    // Any question to the directory as data: the same JSON form in every language.
    let question = "{\"query\": \"organizations_of\", \"account\": \(accountant)}"
    print("   the accountant's organizations: \(try k.queryJson(queryJson: question, at: at))")

    print("\n7. A login with a one-time code; the session it opens")
    let stored = try hashPassword(password: "Vesna-2026!Kabinet", salt: nil, schemeJson: nil)
    print("   password: \(try verifyPassword(password: "Vesna-2026!Kabinet", stored: stored, schemeJson: nil))")
    let rep = try k.registerAccount(
        surname: "Доверенов", givenName: "Пётр", patronymic: nil, snils: "001-001-994 00", inn: nil,
        email: "rep@example.ru", phone: nil, at: at)
    _ = try k.confirmContact(account: rep, kind: "email", at: at)
    _ = try k.issueCode(account: rep, purpose: .login, channel: .email, code: "418207", at: at)
    let code = try k.submitCode(account: rep, purpose: .login, code: "418207", at: at)
    let login = try k.recordLogin(account: rep, method: .passwordAndCode, succeeded: code.accepted, at: at, ip: "192.0.2.10")
    if let id = login.session, let session = k.session(session: id) {
        print("   session \(session.id) from \(session.ip ?? "-"), ends at \(session.deadline) unless used")
    }

    print("\n8. Reminders of powers of attorney ending soon, through the outbox")
    for notice in try k.powerOfAttorneyReminders(org: org, at: at, withinDays: 30) {
        for d in try k.notify(notice: notice, at: at) {
            print("   delivery \(d.id) to account \(d.recipient) by \(d.channel)")
            _ = try k.markSent(delivery: d.id, at: at)
        }
    }
    print("   waiting: \(k.outbox().count)")
}

/// A host verifying many GOST signatures of one signer (a СМЭВ peer, a
/// CA's certificates and CRLs) reads the signer's key once: it is checked
/// on its curve and in the prime-order subgroup then, not at every signature.
func verifyAll(signerSpkiDer: Data, algorithmOid: String, signed: [(message: Data, signature: Data)]) throws -> UInt32 {
    let key = try GostPublicKey.fromSpkiDer(spkiDer: signerSpkiDer)
    print("   \(key.paramSet()), \(key.bits()) bits")
    for item in signed {
        try key.verify(algorithmOid: algorithmOid, message: item.message, signature: item.signature)
    }
    return UInt32(signed.count)
}

do {
    try walk()
} catch {
    print("error: \(error)")
    exit(1)
}
