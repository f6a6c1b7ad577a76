// Powers of attorney: typed commands, queries, the decision's chain, МЧД JSON.

import kabinet.*
import kabinet.core.*
import java.time.Instant

const val P1 = "6f1c2e8a-3b7d-4c1e-9a55-0d2f4e6b8c01"
const val P2 = "6f1c2e8a-3b7d-4c1e-9a55-0d2f4e6b8c02"

fun headQualified() = signedBy(SignatureLevel.QUALIFIED, "112-233-445 95", HEAD_INN, COMPANY_INN, null, null)

fun terms(number: String, to: ULong, powers: List<String>, redelegation: String = "none", until: Instant? = null) =
    PowerTerms(number, null, Representative.Account(to), powers, null, until, Redelegation.valueOf(redelegation.uppercase()))

/** A power's status by its code (`in_force`, `revoked`, `refused`, `ended`). */
fun statusOf(p: PowerOfAttorney) = when (p.status) {
    is PowerStatus.InForce -> "in_force"
    is PowerStatus.Revoked -> "revoked"
    is PowerStatus.Refused -> "refused"
    is PowerStatus.Ended -> "ended"
}

/** A company whose accountant holds a revocable power (P1) and an irrevocable one (P2). */
fun accountantWithPowers(k: Kabinet): Triple<World, ULong, ULong> {
    val w = World(k)
    val admin = person(w.k, "Админов", "001-001-997 00")
    val accountant = person(w.k, "Бухова", "001-001-996 00")
    w.hire(admin, listOf(builtIn("administrator")))
    w.hire(accountant, listOf(builtIn("accountant")))
    w.k.issuePower(asAccount(w.head, headQualified()), w.org, terms(P1, accountant, listOf("reports.view", "reports.edit")), false)
    w.k.issuePower(asAccount(w.head, headQualified()), w.org, terms(P2, accountant, listOf("documents.view")), true)
    return Triple(w, admin, accountant)
}

// Who may still act after a dismissal is the shared scenarios
// dismissal_keeps_powers and dismissal_revokes_powers_by_policy; here the
// notices, the queries and the policy's JSON form.
fun dismissalTests() {
    test("dismissal ends membership, not powers, and names them") {
        val (w, admin, accountant) = accountantWithPowers(Kabinet())
        val events = w.k.dismissEmployee(asAccount(admin), w.org, accountant)
        eq(events.map { it.kind }, listOf("membership_status_changed"))
        val notices = w.k.noticesFor(events, T0)
        eq(notices.map { it.reference }, listOf(P1, P2))
        eq(notices.map { it.category }.toSet(), setOf(NotificationCategory.DISMISSED_HOLDS_POWER))
        yes(notices.all { it.audience.head && it.audience.administrators && !it.audience.person }, "to the head and administrators")
        eq(w.k.powersHeldFrom(w.org, accountant, T0).map { it.number }, listOf(P1, P2))
        eq(w.k.powersHeldFrom(w.org, admin, T0), listOf<PowerOfAttorney>())
    }

    test("the policy option revokes the revocable powers with the dismissal") {
        val policy = defaultPolicyJson().replace("\"revoke_powers_on_dismissal\":false", "\"revoke_powers_on_dismissal\":true")
        yes(policy.contains("\"revoke_powers_on_dismissal\":true"), "the option is in the policy's JSON form")
        val (w, admin, accountant) = accountantWithPowers(Kabinet.withPolicyJson(policy))
        val events = w.k.dismissEmployee(asAccount(admin), w.org, accountant)
        eq(events.map { it.kind }, listOf("power_revoked", "membership_status_changed"))
        eq(statusOf(w.k.power(P1)!!), "revoked")
        eq(w.k.noticesFor(events, T0).map { it.reference }, listOf(P2))
    }
}

fun powersTests() {
    test("powers: a third party acting through an organization keeps it") {
        val w = World()
        val through = ActingFor("7736207543", "1027700229193")
        val rep = Representative.Person("001-001-994 00", null, through)
        w.k.issuePower(asAccount(w.head, headQualified()), w.org,
            PowerTerms(P1, null, rep, listOf("documents.view"), null, null, Redelegation.NONE), false)
        eq(w.k.power(P1)!!.representative, Representative.Person("00100199400", null, through), "the СНИЛС in its canonical form")
        eq(codeOf(raises<KabinetException> {
            w.k.issuePower(asAccount(w.head, headQualified()), w.org,
                PowerTerms(P2, null, Representative.Person("001-001-994 00", null, ActingFor("7736207544", null)),
                    listOf("documents.view"), null, null, Redelegation.NONE), false)
        }), "inn.checksum")
    }

    test("powers: a power gives rights, the decision names the chain") {
        val w = World()
        val rep = person(w.k, "Доверенов", "001-001-997 00")
        val until = T0.plusSeconds(86_400L * 30)
        w.k.issuePower(asAccount(w.head, headQualified()), w.org, terms(P1, rep, listOf("organization.view", "payments.view"), until = until), false)
        eq(w.k.powerCount(), 1uL)
        val p = w.k.power(P1)!!
        eq(p.principal, w.org); eq(p.issuer, w.head); eq(statusOf(p), "in_force"); eq(p.depth, 0u.toUByte())
        eq(p.representative, Representative.Account(rep))
        eq(p.powers, listOf("organization.view", "payments.view"))
        val d = w.k.check(rep, w.org, "payments.view", T0, null)
        yes(d.allowed, "allowed through the power: ${d.refusals}")
        eq(d.basis, Basis.PowerOfAttorney)
        eq(d.delegation!!.number, P1)
        eq(d.delegation!!.chain.map { it.issuer }, listOf(w.head))
        eq(w.k.rightsThroughPowers(rep, w.org, T0), listOf("organization.view", "payments.view"))
        val eff = w.k.effectiveRights(rep, w.org, T0).single { it.right == "payments.view" }
        eq(eff.powers.single().number, P1)
        eq(w.k.enterByPower(rep, P1, T0).principal, w.org)
        eq(w.k.verifyPower(P1, T0).validUntil, until)
        eq(w.k.powersOfRepresentative(rep).map { it.number }, listOf(P1))
        eq(w.k.powersIssuedBy(w.org).map { it.number }, listOf(P1))
        eq(w.k.powersExpiringWithin(w.org, T0, 31u).map { it.number }, listOf(P1))
        eq(w.k.powersExpiringWithin(null, T0, 7u), listOf<PowerOfAttorney>())
        // Past its end the power gives nothing, by time alone.
        yes(!w.k.check(rep, w.org, "payments.view", until, null).allowed, "expired")
    }

    test("powers: redelegation, chain, revocation ends the chain") {
        val w = World()
        val rep = person(w.k, "Доверенов", "001-001-997 00", "502400123477")
        val sub = person(w.k, "Передовер", "001-001-998 01")
        w.k.issuePower(asAccount(w.head, headQualified()), w.org, terms(P1, rep, listOf("organization.view"), "once"), false)
        val repSig = signedBy(SignatureLevel.QUALIFIED, "001-001-997 00", "502400123477", null, null, null)
        w.k.redelegatePower(asAccount(rep, repSig), P1, terms(P2, sub, listOf("organization.view")))
        eq(w.k.powerChain(P2).map { it.number }, listOf(P1, P2))
        eq(w.k.power(P2)!!.parent, P1)
        eq(w.k.powersRedelegatedFrom(P1).map { it.number }, listOf(P2))
        eq(w.k.check(sub, w.org, "organization.view", T0, null).delegation!!.chain.size, 2)
        w.k.revokePower(asAccount(w.head, headQualified()), P1, null)
        eq(statusOf(w.k.power(P1)!!), "revoked")
        eq(statusOf(w.k.power(P2)!!), "ended")
        val e = raises<KabinetException.Access> { w.k.enterByPower(sub, P2, T0) }
        eq(e.code, "delegation.revoked")
        yes(!w.k.check(sub, w.org, "organization.view", T0, null).allowed, "ended")
    }

    test("powers: refusals carry codes") {
        val w = World()
        val rep = person(w.k, "Доверенов", "001-001-997 00")
        // Issuing needs a qualified signature.
        val weak = raises<KabinetException.Command> {
            w.k.issuePower(asAccount(w.head), w.org, terms(P1, rep, listOf("organization.view")), false)
        }
        eq(weak.code, "access.denied")
        yes(weak.refusals.any { it.code == "access.signature_too_weak" }, "signature too weak")
        eq(codeOf(raises<KabinetException.InvalidInput> {
            w.k.issuePower(asAccount(w.head, headQualified()), w.org, terms("not-a-uuid", rep, listOf()), false)
        }), "power.bad_number")
        eq(codeOf(raises<KabinetException.InvalidInput> {
            w.k.issuePower(asAccount(w.head, headQualified()), w.org, terms(P1, rep, listOf("no.such")), false)
        }), "right.unknown")
        w.k.issuePower(asAccount(w.head, headQualified()), w.org, terms(P1, rep, listOf("organization.view")), false)
        w.k.refusePower(asAccount(rep), P1)
        eq(statusOf(w.k.power(P1)!!), "refused")
        yes(raises<KabinetException.Power> { w.k.exportPower(P2) }.code.isNotEmpty(), "unknown power")
    }

    test("powers: МЧД JSON export and import") {
        val w = World()
        val rep = person(w.k, "Доверенов", "001-001-997 00")
        w.k.issuePower(asAccount(w.head, headQualified()), w.org, terms(P1, rep, listOf("organization.view")), false)
        val json = w.k.exportPower(P1)
        yes(json.contains(P1), "the number is in the document")
        // A second directory with the same organization imports it.
        val other = World()
        person(other.k, "Доверенов", "001-001-997 00")
        val imported = other.k.importPower(json, T0)
        eq(imported.number, P1)
        eq(other.k.power(P1)!!.powers, listOf("organization.view"))
        yes(raises<KabinetException.Power> { other.k.importPower("{", T0) }.code.startsWith("mchd."), "malformed")
        eq(powerLevelRights(PowerLevel.BASIC).all { it.endsWith(".view") }, true)
        yes(powerLevelRights(PowerLevel.ADMINISTRATIVE).size > powerLevelRights(PowerLevel.OPERATIONAL).size, "presets grow")
        eq(powerLevelNameRu(PowerLevel.BASIC), "базовый")
    }

    test("powers: commands take the level of a bound certificate") {
        val w = World()
        val rep = person(w.k, "Доверенов", "001-001-997 00", "502400123477")
        w.hire(rep, listOf())
        val sub = person(w.k, "Передовер", "001-001-998 01")
        val heads = "cd".repeat(32)
        val reps = "ef".repeat(32)
        for ((account, fp, snils) in listOf(Triple(w.head, heads, "11223344595" to HEAD_INN), Triple(rep, reps, "00100199700" to "502400123477"))) {
            val certificate = """{"fingerprint":"$fp","serial":"7b","issuer":"CN=УЦ","subject":"CN=Сотрудник",""" +
                """"holder":{"snils":"${snils.first}","inn":"${snils.second}","organization_inn":"$COMPANY_INN","ogrn":"1027700132195"},""" +
                """"not_before":"2025-06-01T00:00:00Z","not_after":"2027-06-01T00:00:00Z","level":"qualified"}"""
            w.k.executeJson(
                """{"command":"certificate","certificate_command":"bind","org":${w.org},"account":$account,"certificate":$certificate}""",
                asAccount(w.head))
        }
        w.k.issuePower(asAccount(w.head, boundSignature(heads)), w.org, terms(P1, rep, listOf("organization.view"), "once"), false)
        // the head's certificate is not bound to the representative
        val refused = raises<KabinetException.Command> {
            w.k.redelegatePower(asAccount(rep, boundSignature(heads)), P1, terms(P2, sub, listOf("organization.view")))
        }
        eq(refused.code, "access.denied")
        eq(refused.refusals.map { it.code }, listOf("access.certificate_not_bound"))
        // their own bound КЭП passes it on and revokes what they passed on
        w.k.redelegatePower(asAccount(rep, boundSignature(reps)), P1, terms(P2, sub, listOf("organization.view")))
        eq(w.k.powerChain(P2).map { it.number }, listOf(P1, P2))
        w.k.revokePower(asAccount(rep, boundSignature(reps)), P2, null)
        eq(statusOf(w.k.power(P2)!!), "revoked")
        w.k.revokePower(asAccount(w.head, boundSignature(heads)), P1, null)
        eq(statusOf(w.k.power(P1)!!), "revoked")
    }
}
