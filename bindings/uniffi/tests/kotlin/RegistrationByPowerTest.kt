// Registration by a representative with the head's power of attorney (МЧД JSON).

import kabinet.*
import kabinet.core.*

const val REP_INN = "500123456750"
const val REP_SNILS = "001-001-994 00"

fun registrationMchd(number: String, until: String, level: PowerLevel): String {
    val powers = powerLevelRights(level).joinToString(",") { "{\"КодПолн\":\"$it\"}" }
    return """{"ВерсФорм":"EMCHD_1",
        "СвДов":{"НомДовер":"$number","ДатаВыдДов":"2026-01-10T00:00:00Z","ДатаНачДейст":"2026-01-10T00:00:00Z",
                 "СрокДейст":"$until","ПрПередов":"1","ПрБезотзыв":"0"},
        "СвДоверит":{"ИННЮЛ":"$COMPANY_INN","ОГРН":"1027700132195"},
        "СвЛицПодп":{"СНИЛС":"11223344595","ИННФЛ":"$HEAD_INN"},
        "СвУпПред":{"СНИЛС":"00100199400","ИННФЛ":"$REP_INN"},
        "СвПолн":[$powers]}"""
}

fun registrationByPowerTests() {
    test("registration by power: rejected with coded reasons, corrected, then active") {
        val k = Kabinet()
        val head = person(k, "Грефов", "112-233-445 95", HEAD_INN)
        val rep = person(k, "Поверенный", REP_SNILS, REP_INN)
        val short = registrationMchd(P1, "2026-03-02T00:00:00Z", PowerLevel.OPERATIONAL)
        val org = k.submitOrganizationByPower(asAccount(rep), OrganizationKind.LegalEntity, draft(), short)
        eq(k.organization(org)!!.status, "rejected")
        eq(k.organization(org)!!.rejectionReasons, listOf("registration.power_expired", "registration.power_scope"))
        val reasons = k.rejectionReasons(org)
        yes(reasons[0].messageEn.contains("expired") && reasons[0].messageRu.isNotEmpty(), "messages")

        val good = registrationMchd(P2, "2027-01-10T00:00:00Z", PowerLevel.ADMINISTRATIVE)
        k.resubmitOrganizationByPower(asAccount(rep), org, draft(), good)
        k.consultRegistry(org, registry(), T0)
        val o = k.organization(org)!!
        eq(o.status, "active")
        eq(o.head, head)
        eq(k.members(org).map { it.standing }, listOf("head", "employee"))
        val d = k.check(rep, org, "users.manage", T0, null)
        yes(d.allowed, "the representative acts through the power: ${d.refusals}")
        eq(d.basis, Basis.PowerOfAttorney)
        eq(d.delegation!!.number, P2)
        eq(k.rejectionReasons(org), listOf<Problem>())
    }

    test("registration by power: a document that does not read is refused with its code") {
        val k = Kabinet()
        val rep = person(k, "Поверенный", REP_SNILS, REP_INN)
        eq(codeOf(raises<KabinetException> {
            k.submitOrganizationByPower(asAccount(rep), OrganizationKind.LegalEntity, draft(), "{")
        }), "mchd.malformed")
        val good = registrationMchd(P1, "2027-01-10T00:00:00Z", PowerLevel.ADMINISTRATIVE)
        eq(codeOf(raises<KabinetException> {
            k.submitOrganizationByPower(asAccount(rep), OrganizationKind.LegalEntity, draft(), good)
        }), "mchd.signer_unknown")
    }
}
