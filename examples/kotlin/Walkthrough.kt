// A walk through kabinet from Kotlin.
//
// The head of a company and three employees get confirmed accounts; the head
// registers the company, the state registry (held in memory here) confirms
// it; employees are invited and join; built-in and custom roles are given;
// and access decisions are printed with their explanations — refusals
// included. Then: a power of attorney for an outside representative, a
// signature certificate checked against its root (the TC 26 test PKI of the
// conformance data), a login with a one-time code and a session, and the
// reminder of the power's end sent through the notification outbox.
//
// Run: scripts/example-kotlin (the conformance data is read from
// $KABINET_TESTDATA, or ../shared/testdata)

package example

import kabinet.*
import kabinet.core.*
import java.io.File
import java.time.Instant

val AT: Instant = Instant.parse("2026-03-02T09:00:00Z")

fun show(title: String, d: Decision) {
    println("  ${if (d.allowed) "✔" else "✘"} $title")
    println("      ${d.explanationRu}")
    println("      ${d.explanationEn}")
    d.refusals.forEach { println("      · ${it.code}") }
}

fun ctx(account: ULong, signature: SignatureEvidence = simpleSignature()) = Context(Actor.Account(account), AT, signature, null)

fun main() {
    val k = Kabinet()

    println("1. People register and confirm their identity (ЕСИА)")
    val people = listOf(
        Triple("Грефов", "112-233-445 95", "770712345633"),
        Triple("Админова", "001-001-997 00", null),
        Triple("Бухова", "001-001-996 00", "502400123477"),
        Triple("Операторов", "001-001-995 00", null),
    ).map { (surname, snils, inn) ->
        val account = k.registerAccount(surname, "Иван", "Петрович", snils, inn, null, null, AT)
        k.confirmIdentity(account, AT)
        println("   account $account: $surname, СНИЛС ${parseSnils(snils).formatted}")
        account
    }
    val (head, admin, accountant, clerk) = people

    println("\n2. The head registers the company; the state registry confirms it")
    val bad = checkIdentifier("inn", "7707083894", null)
    println("   a mistyped ИНН is caught first: ${bad.code} — ${bad.messageRu}")
    val registry = InMemoryRegistry()
    registry.insert(RegistryRecord(
        fullName = "ПАО «Сбербанк»", inn = "7707083893", kpp = "773601001", ogrn = "1027700132195", ogrnip = null,
        status = RegistryStatus.ACTIVE, headSurname = "Грефов", headGivenName = "Иван", headPatronymic = "Петрович",
        headInn = "770712345633", headPosition = "Президент",
    ))
    val requisites = RequisitesDraft(
        fullName = "ПАО Сбербанк", inn = "7707083893", kpp = "773601001", ogrn = "1027700132195", ogrnip = "",
        legalAddress = "117312, г. Москва, ул. Вавилова, д. 19", actualAddress = "", phone = "", email = "",
        bankAccount = "", bankName = "", bik = "", headSurname = "Грефов", headGivenName = "Иван",
        headPatronymic = "Петрович", headInn = "770712345633", headPosition = "Президент",
    )
    val org = k.submitOrganization(ctx(head), OrganizationKind.LegalEntity, requisites)
    k.consultRegistry(org, registry, AT).forEach { println("   event: ${it.kind}") }

    println("\n3. Employees are invited and join")
    for ((who, roles) in listOf(admin to listOf("administrator"), accountant to listOf("accountant"), clerk to listOf())) {
        val account = k.account(who)!!
        val invitation = k.inviteEmployee(ctx(head), org, account.surname, account.givenName, account.snils, null,
            null, roles.map { RoleRef.BuiltIn(BuiltInRole.valueOf(it.uppercase())) })
        k.acceptInvitation(ctx(who), invitation)
        println("   account $who joined with roles ${roles.ifEmpty { listOf("—") }}")
    }

    println("\n4. Roles: a custom role, and least privilege at work")
    val role = k.createCustomRole(ctx(admin), org, "Журнал и сотрудники", listOf("users.view", "journal.view"))
    k.assignRole(ctx(admin), org, clerk, RoleRef.Custom(role))
    println("   the administrator created custom role $role and gave it to account $clerk")
    try {
        k.assignRole(ctx(admin), org, clerk, RoleRef.BuiltIn(BuiltInRole.ACCOUNTANT))
    } catch (e: KabinetException.Command) {
        println("   refused: ${e.code} — lacks ${e.missing.size} rights of the role, e.g. ${e.missing.first()}")
    }
    try {
        k.dismissEmployee(ctx(admin), org, head)
    } catch (e: KabinetException.Command) {
        println("   refused: ${e.code} — ${e.messageRu}")
    }

    println("\n5. Decisions, with their explanations")
    show("the head manages users", k.check(head, org, "users.manage", AT, null))
    show("the clerk reads the journal", k.check(clerk, org, "journal.view", AT, null))
    show("the clerk approves payments", k.check(clerk, org, "payments.approve", AT, null))
    show("the accountant files a declaration with a password", k.check(accountant, org, "accounting.approve", AT, null))
    val qualified = SignatureEvidence(SignatureLevel.QUALIFIED, SignerIdentity(snils = "001-001-996 00", organizationInn = "7707083893"))
    show("… and with her qualified signature (КЭП)", k.check(accountant, org, "accounting.approve", AT, qualified))

    println("\n6. Where the accountant's rights come from")
    k.effectiveRights(accountant, org, AT).take(4).forEach { r ->
        val sources = r.sources.joinToString {
            when (it) {
                is Basis.Head -> "head"
                is Basis.Grant -> "grant"
                is Basis.PowerOfAttorney -> "power of attorney"
                is Basis.Role -> when (val role = it.v1) {
                    is RoleRef.BuiltIn -> "role ${role.v1.name.lowercase()}"
                    is RoleRef.Custom -> "role #${role.v1}"
                }
            }
        }
        println("   ${r.right}: $sources")
    }

    println("\n7. A power of attorney: the head gives an outside representative the basic powers")
    val rep = k.registerAccount("Доверенов", "Пётр", null, "001-001-994 00", null, "rep@example.ru", null, AT)
    k.confirmIdentity(rep, AT)
    k.confirmContact(rep, ContactKind.EMAIL, AT)
    val power = "6f1c2e8a-3b7d-4c1e-9a55-0d2f4e6b8c01"
    val headKep = SignatureEvidence(SignatureLevel.QUALIFIED,
        SignerIdentity(snils = "112-233-445 95", inn = "770712345633", organizationInn = "7707083893"))
    val until = AT.plusSeconds(86_400L * 20)
    val terms = PowerTerms(power, null, Representative.Account(rep), powerLevelRights(PowerLevel.BASIC), null, until, Redelegation.NONE)
    k.issuePower(ctx(head, headKep), org, terms, false)
    println("   power $power (${powerLevelNameRu(PowerLevel.BASIC)}), valid until $until")
    show("the representative views the organization", k.check(rep, org, "organization.view", AT, null))
    show("… but does not approve payments", k.check(rep, org, "payments.approve", AT, null))

    println("\n8. A signature certificate checked against its root")
    val tc26 = File(System.getenv("KABINET_TESTDATA") ?: "../shared/testdata", "tc26")
    if (!tc26.isDirectory) {
        println("   the conformance data is not at $tc26: set KABINET_TESTDATA to run this step")
    } else {
        val store = TrustStore()
        store.addAnchors(File(tc26, "root256_cert.pem").readBytes(), false)
        val report = validateCertificate(File(tc26, "sender256_cert.pem").readBytes(), store, AT, true,
            AnchorPolicy.NAME_AND_KEY_ONLY, ProfileStrictness.RELAXED)  // the TC 26 root predates the profile
        println("   ${report.holder.commonName}: valid=${report.valid}, path of ${report.path.size}, " +
            "signature level ${report.evidence?.level}")
        report.warnings.forEach { println("      · ${it.code}") }
    }

    println("\n9. Authentication: the host checks the password and the code, the directory records the outcome")
    val stored = hashPassword("Vesna-2026!Kabinet", null, null)
    println("   password: ${verifyPassword("Vesna-2026!Kabinet", stored, null)}")
    k.issueCode(rep, CodePurpose.LOGIN, CodeChannel.EMAIL, "418207", AT)
    println("   a wrong code: ${k.submitCode(rep, CodePurpose.LOGIN, "418200", AT).attemptsLeft} attempts left")
    println("   the right code accepted: ${k.submitCode(rep, CodePurpose.LOGIN, "418207", AT).accepted}")
    val login = k.recordLogin(rep, LoginMethod.PASSWORD_AND_CODE, true, AT, "192.0.2.10")
    val session = k.session(login.session!!)!!
    println("   session ${session.id} from ${session.ip} (new address: ${login.newIp}), ends at ${session.deadline} unless used")

    println("\n10. Notifications: the power's end is reminded through the outbox")
    for (notice in k.powerOfAttorneyReminders(org, AT, 30u)) {
        for (d in k.notify(notice, AT)) {
            println("   delivery ${d.id}: ${d.category} to account ${d.recipient} by ${d.channel}, not before ${d.notBefore}")
            k.markSent(d.id, AT)
        }
    }
    println("   sent: ${k.notificationHistory().size}, waiting: ${k.outbox().size}")
}
