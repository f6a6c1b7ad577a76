// A walk through kabinet from Kotlin.
//
// The head of a company and three employees get confirmed accounts; the head
// registers the company, the state registry (held in memory here) confirms
// it; employees are invited and join; built-in and custom roles are given;
// and access decisions are printed with their explanations — refusals
// included.
//
// Run: scripts/example-kotlin

package example

import kabinet.*
import java.time.Instant

val AT: Instant = Instant.parse("2026-03-02T09:00:00Z")

fun show(title: String, d: Decision) {
    println("  ${if (d.allowed) "✔" else "✘"} $title")
    println("      ${d.explanationRu}")
    println("      ${d.explanationEn}")
    d.refusals.forEach { println("      · ${it.code}") }
}

fun ctx(account: ULong, signature: Signature = simpleSignature()) = Context(account, AT, signature, null)

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
            null, roles.map { Role.BuiltIn(it) })
        k.acceptInvitation(ctx(who), invitation)
        println("   account $who joined with roles ${roles.ifEmpty { listOf("—") }}")
    }

    println("\n4. Roles: a custom role, and least privilege at work")
    val role = k.createCustomRole(ctx(admin), org, "Журнал и сотрудники", listOf("users.view", "journal.view"))
    k.assignRole(ctx(admin), org, clerk, Role.Custom(role))
    println("   the administrator created custom role $role and gave it to account $clerk")
    try {
        k.assignRole(ctx(admin), org, clerk, Role.BuiltIn("accountant"))
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
    val qualified = Signature(SignatureLevel.QUALIFIED, "001-001-996 00", null, "7707083893", null, null)
    show("… and with her qualified signature (КЭП)", k.check(accountant, org, "accounting.approve", AT, qualified))

    println("\n6. Where the accountant's rights come from")
    k.effectiveRights(accountant, org, AT).take(4).forEach { r ->
        val sources = r.sources.joinToString {
            when (it) {
                is Basis.Head -> "head"
                is Basis.Grant -> "grant"
                is Basis.PowerOfAttorney -> "power of attorney"
                is Basis.Role -> when (val role = it.role) {
                    is Role.BuiltIn -> "role ${role.code}"
                    is Role.Custom -> "role #${role.id}"
                }
            }
        }
        println("   ${r.right}: $sources")
    }
}
