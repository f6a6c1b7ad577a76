// Tests of the Kotlin bindings, run on the JVM against the built library.
// A tiny runner: every `test(...)` block runs, failures are reported with
// their message, and the run ends with "N passed, N failed" and a non-zero
// exit status when anything failed.

import kabinet.*
import kabinet.core.*
import java.time.Instant
import kotlin.system.exitProcess

val T0: Instant = Instant.parse("2026-03-02T09:00:00Z")
const val COMPANY_INN = "7707083893"
const val HEAD_INN = "770712345633"

var passed = 0
var failed = 0

fun test(name: String, body: () -> Unit) {
    try {
        body()
        passed++
        println("PASS $name")
    } catch (e: Throwable) {
        failed++
        println("FAIL $name: $e")
    }
}

fun <T> eq(actual: T, expected: T, what: String = "") {
    if (actual != expected) throw AssertionError("$what expected <$expected>, got <$actual>")
}

fun yes(cond: Boolean, what: String) {
    if (!cond) throw AssertionError(what)
}

inline fun <reified E : Throwable> raises(body: () -> Unit): E {
    try {
        body()
    } catch (e: Throwable) {
        if (e is E) return e
        throw AssertionError("expected ${E::class.simpleName}, got $e")
    }
    throw AssertionError("expected ${E::class.simpleName}, nothing was thrown")
}

/** The default policy with room for one custom role per organization. */
val ONE_CUSTOM_ROLE: String =
    defaultPolicyJson().replace(Regex("\"max_custom_roles\":\\d+"), "\"max_custom_roles\":1")

/** An organization in `k` gets one custom role; a second is refused (ONE_CUSTOM_ROLE's limit). */
fun secondCustomRoleRefused(k: Kabinet) {
    val head = person(k, "Грефов", "112-233-445 95", HEAD_INN)
    val org = k.submitOrganization(asAccount(head), OrganizationKind.LegalEntity, draft())
    k.consultRegistry(org, registry(), T0)
    k.createCustomRole(asAccount(head), org, "Первая", listOf("users.view"))
    eq(raises<KabinetException.Command> { k.createCustomRole(asAccount(head), org, "Вторая", listOf("users.view")) }.code,
        "command.limit_reached")
}

fun codeOf(e: KabinetException): String = when (e) {
    is KabinetException.Identifier -> e.code
    is KabinetException.Command -> e.code
    is KabinetException.Registry -> e.code
    is KabinetException.InvalidInput -> e.code
    is KabinetException.Access -> e.code
    is KabinetException.Power -> e.code
    is KabinetException.Certificate -> e.code
    is KabinetException.Gost -> e.code
    is KabinetException.Storage -> e.code
    is KabinetException.Auth -> e.code
}

fun draft() = RequisitesDraft(
    fullName = "ПАО Сбербанк", inn = COMPANY_INN, kpp = "773601001", ogrn = "1027700132195", ogrnip = "",
    legalAddress = "117312, г. Москва, ул. Вавилова, д. 19", actualAddress = "", phone = "", email = "",
    bankAccount = "", bankName = "", bik = "", headSurname = "Грефов", headGivenName = "Иван",
    headPatronymic = "Петрович", headInn = HEAD_INN, headPosition = "Президент",
)

fun registry(): InMemoryRegistry {
    val r = InMemoryRegistry()
    r.insert(RegistryRecord(
        fullName = "ПАО «Сбербанк»", inn = COMPANY_INN, kpp = "773601001", ogrn = "1027700132195", ogrnip = null,
        status = RegistryStatus.ACTIVE, headSurname = "Грефов", headGivenName = "Иван", headPatronymic = "Петрович",
        headInn = HEAD_INN, headPosition = "Президент",
    ))
    return r
}

fun person(k: Kabinet, surname: String, snils: String, inn: String? = null, email: String? = null): ULong {
    val a = k.registerAccount(surname, "Иван", "Петрович", snils, inn, email, null, T0)
    k.confirmIdentity(a, T0)
    if (email != null) k.confirmContact(a, ContactKind.EMAIL, T0)
    return a
}

/** Evidence of a signature at `level` whose certificate names these identifiers (none: no signer). */
fun signedBy(level: SignatureLevel, snils: String? = null, inn: String? = null, organizationInn: String? = null,
             ogrn: String? = null, ogrnip: String? = null): SignatureEvidence {
    val signer = SignerIdentity(snils, inn, organizationInn, ogrn, ogrnip)
    return SignatureEvidence(level, if (signer == SignerIdentity()) null else signer, null)
}

fun asAccount(a: ULong, signature: SignatureEvidence? = null): Context =
    Context(actor = Actor.Account(a), at = T0, signature = signature ?: simpleSignature(), ip = null)

class World(val k: Kabinet = Kabinet()) {
    val head = person(k, "Грефов", "112-233-445 95", HEAD_INN, "head@example.ru")
    val org: ULong

    init {
        org = k.submitOrganization(asAccount(head), OrganizationKind.LegalEntity, draft())
        k.consultRegistry(org, registry(), T0)
    }

    fun hire(account: ULong, roles: List<RoleRef>) {
        val snils = k.account(account)!!.snils
        val inv = k.inviteEmployee(asAccount(head), org, "Сотрудник", "Иван", snils, null, null, roles)
        k.acceptInvitation(asAccount(account), inv)
    }
}

fun builtIn(code: String) = RoleRef.BuiltIn(BuiltInRole.valueOf(code.uppercase()))

fun main() {
    test("identifiers: check returns the canonical form or the code") {
        val ok = checkIdentifier("snils", " 112-233-445 95", null)
        yes(ok.valid, "valid")
        eq(ok.normalized, "11223344595")
        val bad = checkIdentifier("inn", "7707083894", null)
        yes(!bad.valid, "invalid")
        eq(bad.code, "inn.checksum")
        yes(bad.messageRu!!.isNotEmpty() && bad.messageEn!!.isNotEmpty(), "messages")
        eq(checkIdentifier("account", "40702810938000060473", null).code, "account.bik_required")
        eq(checkIdentifier("corr-account", "30101810400000000225", "044525225").valid, true)
        eq(identifierKinds().size, 10)
    }

    test("identifiers: typed parsers throw coded exceptions") {
        eq(parseInn("7707083893").kind, InnKind.LEGAL_ENTITY)
        eq(parseInn("500100732259").kind, InnKind.PERSON)
        eq(parseSnils("11223344595").formatted, "112-233-445 95")
        eq(parseKpp("7736AB001").reason, "AB")
        eq(parseEmail("Ivan@Example.RU").domain, "example.ru")
        eq(parseOgrnip("304463210700212"), "304463210700212")
        val e = raises<KabinetException.Identifier> { parseInn("7707083894") }
        eq(e.code, "inn.checksum")
        eq(codeOf(raises<KabinetException> { checkIdentifier("INN", "1", null) }), "identifier.unknown_kind")
        eq(codeOf(raises<KabinetException> { parseOgrn("1027700132194") }), "ogrn.checksum")
    }

    // The domain rules of these stories are the shared scenarios (tests/scenarios,
    // run by ScenariosTest.kt); the tests here hold the Kotlin shapes.
    test("the library's values refuse what it cannot hold, with their codes") {
        val w = World()
        // A time beyond the year 9999, an address that is not one, a СНИЛС that fails its checksum.
        val far = Instant.parse("+10000-01-01T00:00:00Z")
        eq(codeOf(raises<KabinetException.InvalidInput> { w.k.check(w.head, w.org, "users.view", far, null) }),
            "time.out_of_range")
        eq(codeOf(raises<KabinetException.InvalidInput> {
            w.k.createCustomRole(asAccount(w.head).copy(ip = "300.1.1.1"), w.org, "Роль", listOf("users.view"))
        }), "context.bad_ip")
        val forged = signedBy(SignatureLevel.QUALIFIED, snils = "112-233-445 96", organizationInn = COMPANY_INN)
        eq(codeOf(raises<KabinetException.Identifier> { w.k.check(w.head, w.org, "users.view", T0, forged) }),
            "snils.checksum")
        eq(codeOf(raises<KabinetException.InvalidInput> {
            w.k.createCustomRole(asAccount(w.head), w.org, "Роль", listOf("users.no_such_right"))
        }), "right.unknown")
    }
    test("a decision and an organization read as Kotlin values") {
        val w = World()
        val o = w.k.organization(w.org)!!
        eq(o.status, "active")
        eq(o.head, w.head)
        val d = w.k.check(w.head, w.org, "users.manage", T0, null)
        eq(d.basis, Basis.Head)
        eq(d.explanationEn, "allowed: users.manage (as the head)")
        eq(w.k.organizationsOf(w.head), listOf(w.org))
    }

    test("consulting the registry returns its events; rejection reasons are codes") {
        val k = Kabinet()
        val head = person(k, "Грефов", "112-233-445 95", HEAD_INN)
        val org = k.submitOrganization(asAccount(head), OrganizationKind.LegalEntity, draft().copy(fullName = "ООО Другое"))
        k.consultRegistry(org, registry(), T0)
        eq(k.organization(org)!!.rejectionReasons, listOf("registration.mismatch"))
        k.resubmitOrganization(asAccount(head), org, draft())
        val events = k.consultRegistry(org, registry(), T0)
        yes(events.any { it.kind == "organization_activated" }, "activated")
    }

    test("requisites report every field error") {
        val k = Kabinet()
        val head = person(k, "Грефов", "112-233-445 95", HEAD_INN)
        val e = raises<KabinetException.Command> {
            k.submitOrganization(asAccount(head), OrganizationKind.LegalEntity, draft().copy(inn = "7707083894", ogrn = ""))
        }
        eq(e.code, "organization.invalid_requisites")
        eq(e.fields.map { it.field to it.code }.toSet(), setOf("inn" to "inn.checksum", "ogrn" to "field.required"))
    }

    test("a refusal carries its level and explanation") {
        val w = World()
        val acc = person(w.k, "Бухова", "001-001-997 00", "502400123477")
        w.hire(acc, listOf(builtIn("accountant")))
        val d = w.k.check(acc, w.org, "accounting.approve", T0, null)
        eq(d.requiredSignature, SignatureLevel.QUALIFIED)
        eq(d.basis, Basis.Role(builtIn("accountant")))
        yes(d.explanationRu.startsWith("отказано"), d.explanationRu)
        val own = signedBy(SignatureLevel.QUALIFIED, "001-001-997 00", null, COMPANY_INN, null, null)
        yes(w.k.check(acc, w.org, "accounting.approve", T0, own).allowed, "own qualified signature")
    }

    test("check uses a certificate bound to the actor") {
        val w = World()
        val fp = "ab".repeat(32)
        val sig = boundSignature(fp)
        eq(sig.boundCertificate, fp)
        eq(sig.level, SignatureLevel.SIMPLE)
        eq(simpleSignature().boundCertificate, null)
        eq(w.k.check(w.head, w.org, "reports.approve", T0, sig).refusals.map { it.code },
            listOf("access.certificate_not_bound"))
        val certificate = """{"fingerprint":"$fp","serial":"6e","issuer":"CN=УЦ","subject":"CN=Руководитель",""" +
            """"holder":{"snils":"11223344595","inn":"$HEAD_INN","organization_inn":"$COMPANY_INN","ogrn":"1027700132195"},""" +
            """"not_before":"2025-06-01T00:00:00Z","not_after":"2027-06-01T00:00:00Z","level":"qualified"}"""
        val bound = w.k.executeJson(
            """{"command":"certificate","certificate_command":"bind","org":${w.org},"account":${w.head},"certificate":$certificate}""",
            asAccount(w.head))
        eq(bound.single().kind, "certificate")
        yes(w.k.check(w.head, w.org, "reports.approve", T0, sig).allowed, "bound КЭП counts")
        yes(w.k.check(w.head, w.org, "reports.approve", T0, boundSignature(fp.uppercase())).allowed, "any case")
        // a level given with the evidence caps the bound one
        val capped = sig.copy(level = SignatureLevel.ENHANCED, signer = SignerIdentity(snils = "112-233-445 95"))
        eq(w.k.check(w.head, w.org, "reports.approve", T0, capped).refusals.map { it.code },
            listOf("access.signature_too_weak"))
        val late = Instant.parse("2027-06-02T00:00:00Z")
        yes(w.k.check(w.head, w.org, "reports.approve", late, sig).refusals.map { it.code }
            .contains("access.certificate_expired"), "expired")
        val acc = person(w.k, "Бухова", "001-001-997 00", "502400123477")
        w.hire(acc, listOf(builtIn("accountant")))
        eq(w.k.check(acc, w.org, "accounting.approve", T0, sig).refusals.map { it.code },
            listOf("access.certificate_not_bound"))
        w.k.executeJson(
            """{"command":"certificate","certificate_command":"unbind","org":${w.org},"account":${w.head},"fingerprint":"$fp"}""",
            asAccount(w.head))
        eq(w.k.check(w.head, w.org, "reports.approve", T0, sig).refusals.map { it.code },
            listOf("access.certificate_not_bound"))
    }

    test("refused commands carry what is missing and every refusal") {
        val w = World()
        val admin = person(w.k, "Админов", "001-001-997 00")
        val clerk = person(w.k, "Клерков", "001-001-996 00")
        w.hire(admin, listOf(builtIn("administrator")))
        w.hire(clerk, listOf())
        val e = raises<KabinetException.Command> { w.k.assignRole(asAccount(admin), w.org, clerk, builtIn("accountant")) }
        eq(e.code, "access.beyond_own_rights")
        yes("accounting.approve" in e.missing, "missing names the right")
        val role = w.k.createCustomRole(asAccount(admin), w.org, "Кадры-просмотр", listOf("users.view", "journal.view"))
        w.k.assignRole(asAccount(admin), w.org, clerk, RoleRef.Custom(role))
        eq(w.k.check(clerk, w.org, "journal.view", T0, null).basis, Basis.Role(RoleRef.Custom(role)))
        val denied = raises<KabinetException.Command> { w.k.dismissEmployee(asAccount(clerk), w.org, admin) }
        eq(denied.refusals.map { it.code }, listOf("access.right_not_held"))
    }

    test("an invitation reads its expiry as an Instant") {
        val w = World()
        val p = person(w.k, "Новиков", "001-001-997 00", null, "n@example.ru")
        val inv = w.k.inviteEmployee(asAccount(w.head), w.org, "Новиков", "Иван", null, "n@example.ru", null,
            listOf(builtIn("specialist")))
        val expires = w.k.invitation(inv)!!.expiresAt
        eq(expires, Instant.parse("2026-03-09T09:00:00Z"))
        val inTime = Context(Actor.Account(p), expires.minusNanos(1000), simpleSignature(), null)
        w.k.acceptInvitation(inTime, inv)
        eq(w.k.organizationsOf(p), listOf(w.org))
    }

    test("effective rights name every source") {
        val w = World()
        val e = person(w.k, "Многоролев", "001-001-997 00")
        w.hire(e, listOf(builtIn("observer")))
        val role = w.k.createCustomRole(asAccount(w.head), w.org, "Платежи", listOf("payments.view", "payments.edit"))
        w.k.assignRole(asAccount(w.head), w.org, e, RoleRef.Custom(role))
        w.k.grantRights(asAccount(w.head), w.org, e, listOf("payments.view"))
        val rights = w.k.effectiveRights(e, w.org, T0).associate { it.right to it.sources }
        eq(rights["payments.view"], listOf(Basis.Role(builtIn("observer")), Basis.Role(RoleRef.Custom(role)), Basis.Grant))
        eq(w.k.membership(w.org, e)!!.grants, listOf("payments.view"))
        val group = w.k.createAccessGroup(asAccount(w.head), w.org, "Бухгалтерия", "1С")
        w.k.addToAccessGroup(asAccount(w.head), w.org, group, e)
        eq(w.k.renameAccessGroup(asAccount(w.head), w.org, group, "Бухгалтерия 8.3").map { it.kind }, listOf("access_group_renamed"))
        eq(w.k.organization(w.org)!!.accessGroups.single().name, "Бухгалтерия 8.3")
        eq(w.k.organization(w.org)!!.accessGroups.single().members, listOf(e))
        eq(w.k.clearAccessGroup(asAccount(w.head), w.org, group).map { it.kind }, listOf("access_group_member_removed"))
        eq(w.k.organization(w.org)!!.accessGroups.single().members, listOf<ULong>())
    }

    test("statuses of accounts, employees and organizations; roles and groups change") {
        val w = World()
        val e = person(w.k, "Статусов", "001-001-997 00")
        w.hire(e, listOf(builtIn("observer")))
        w.k.disableEmployee(asAccount(w.head), w.org, e)
        eq(w.k.check(e, w.org, "organization.view", T0, null).refusals.map { it.code }, listOf("access.membership_not_active"))
        w.k.restoreEmployee(asAccount(w.head), w.org, e)
        w.k.disableAccount(e, T0)
        eq(w.k.check(e, w.org, "organization.view", T0, null).refusals.map { it.code }, listOf("access.account_disabled"))
        w.k.restoreAccount(e, T0)
        val role = w.k.createCustomRole(asAccount(w.head), w.org, "Отчёты", listOf("reports.view"))
        w.k.updateCustomRole(asAccount(w.head), w.org, role, "Отчёты и журнал", listOf("reports.view", "journal.view"))
        eq(w.k.organization(w.org)!!.customRoles.single().rights, listOf("reports.view", "journal.view"))
        val group = w.k.createAccessGroup(asAccount(w.head), w.org, "Кадры", "1С:ЗУП")
        w.k.deleteAccessGroup(asAccount(w.head), w.org, group)
        eq(w.k.organization(w.org)!!.accessGroups, listOf<AccessGroupInfo>())
        w.k.blockOrganization(w.org, OrganizationBlockReason.OPERATOR, T0)
        eq(w.k.check(w.head, w.org, "users.view", T0, null).refusals.map { it.code }, listOf("access.organization_not_active"))
        w.k.unblockOrganization(w.org, T0)
        w.k.liquidateOrganization(w.org, T0)
        eq(w.k.organization(w.org)!!.status, "liquidated")
        w.k.blockAccount(e, AccountBlockReason.OPERATOR, T0)
        eq(w.k.account(e)!!.status, "blocked")
    }

    test("a policy from its JSON form sets the limits") {
        yes(ONE_CUSTOM_ROLE.contains("\"max_custom_roles\":1"), ONE_CUSTOM_ROLE)
        secondCustomRoleRefused(Kabinet.withPolicyJson(ONE_CUSTOM_ROLE))
        eq(codeOf(raises<KabinetException> { Kabinet.withPolicyJson("{}") }), "policy.malformed")
    }

    test("confirming an identity is one command, whole or nothing") {
        val k = Kabinet()
        val a = k.registerAccount("Новиков", "Иван", null, "001-001-997 00", null, null, null, T0)
        eq(k.confirmIdentity(a, T0).map { it.kind }, listOf("account_level_changed", "account_level_changed"))
        eq(k.account(a)!!.level, "confirmed")
        val noSnils = k.registerAccount("Безснилсов", "Иван", null, null, null, null, null, T0)
        eq(raises<KabinetException.Command> { k.confirmIdentity(noSnils, T0) }.code, "account.level_transition")
        eq(k.account(noSnils)!!.level, "simplified")
    }

    test("the generic entry point takes the documented JSON form") {
        val w = World()
        val events = w.k.executeJson(
            """{"command":"register_account","name":{"surname":"Джейсонов","given_name":"Иван"},"snils":"001-001-997 00","inn":null,"email":null,"phone":null}""",
            systemContext(T0))
        eq(events.single().kind, "account_registered")
        yes(events.single().json.contains("\"snils\":\"00100199700\""), events.single().json)
        eq(codeOf(raises<KabinetException> { w.k.executeJson("""{"command":"fly"}""", systemContext(T0)) }),
            "command.malformed")
        // A misspelt field is refused, not ignored: "valid_untill" would
        // otherwise leave the power to its default year.
        val misspelt = """{"command":"issue_power","org":${w.org},"irrevocable":false,"terms":{"number":"$P1",""" +
            """"representative":{"kind":"account","account":${w.head}},"powers":["reports.view"],"valid_untill":"2026-03-03T00:00:00Z"}}"""
        val unknown = raises<KabinetException.InvalidInput> { w.k.executeJson(misspelt, systemContext(T0)) }
        eq(unknown.code, "command.unknown_field")
        yes(unknown.messageEn.contains("valid_untill"), unknown.messageEn)
        eq(w.k.powerCount(), 0uL)
        eq(codeOf(raises<KabinetException> { Kabinet.withPolicyJson(defaultPolicyJson().replace("{", "{\"max_rolez\":1,")) }),
            "policy.unknown_field")
        eq(raises<KabinetException.Command> {
            w.k.executeJson("""{"command":"dismiss_employee","org":${w.org},"account":${w.head}}""", systemContext(T0))
        }.code, "command.account_only")
        eq(codeOf(raises<KabinetException> { w.k.check(w.head, w.org, "users.fly", T0, null) }), "right.unknown")
    }

    test("threads share one directory") {
        val w = World()
        val people = (0 until 4).map { person(w.k, "Поток$it", "001-001-99${it} 00") }
        val errors = java.util.concurrent.ConcurrentLinkedQueue<Throwable>()
        val threads = people.map { p ->
            Thread {
                try {
                    w.hire(p, listOf(builtIn("observer")))
                    repeat(200) { yes(w.k.check(p, w.org, "organization.view", T0, null).allowed, "allowed") }
                } catch (t: Throwable) { errors.add(t) }
            }
        }
        threads.forEach { it.start() }
        threads.forEach { it.join() }
        yes(errors.isEmpty(), "errors: $errors")
        eq(w.k.members(w.org).size, 1 + people.size)
    }

    test("the catalog and the built-in roles") {
        val r = rights().associateBy { it.code }
        eq(r["organization.edit"]!!.requiredSignature, SignatureLevel.ENHANCED)
        eq(r["reports.approve"]!!.requiredSignature, SignatureLevel.QUALIFIED)
        val roles = builtinRoles().associateBy { it.code }
        yes(!roles["head"]!!.assignable && roles["administrator"]!!.assignable, "assignable")
        yes("users.manage" in roles["administrator"]!!.rights, "administrator manages users")
    }

    powersTests()
    dismissalTests()
    registrationByPowerTests()
    journalTests()
    certificateTests()
    gostTests()
    authTests()
    loginsTests()
    notificationsApplicationsTests()
    scenarioTests()
    cmsTests()
    fnsPowerTests()
    fnsPowerEvidenceTests()
    xmlDsigTests()

    println()
    println("kotlin: $passed passed, $failed failed")
    if (failed > 0 || passed == 0) exitProcess(1)
}
