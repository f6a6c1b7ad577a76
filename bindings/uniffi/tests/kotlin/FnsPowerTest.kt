// The FNS power of attorney (EMCHD_1 XML) from ../shared/testdata/mchd: the
// real signed power reads, exports back the same, verifies at its signing
// time with its timestamp and is expired today; invalid samples are refused
// with their codes; a verified power registers as evidence through a
// classifier table.

import kabinet.*
import kabinet.core.*
import java.io.File
import java.time.Instant

const val SIGNED_POWER = "ON_EMCHD_20241203_c61a40df-d38f-4800-9ba4-61a2df016993"

fun mchd(path: String): ByteArray = File(testdata(), "mchd/$path").readBytes()

fun powerStore(): TrustStore {
    val store = TrustStore()
    eq(store.addAnchors(File(testdata(), "gost-ca/certs/0839.der").readBytes(), true), 1u)
    for (name in listOf("2336.der", "1013.der")) {
        eq(store.addIntermediates(File(testdata(), "gost-ca/certs/$name").readBytes()), 1u)
    }
    return store
}

fun fnsPowerTests() {
    test("mchd: the real power reads and exports back the same") {
        val json = readFnsPower(mchd("valid/$SIGNED_POWER.xml"))
        yes(json.contains("\"number\":\"c61a40df-d38f-4800-9ba4-61a2df016993\""), "number")
        eq(readFnsPower(exportFnsPower(json).toByteArray(Charsets.UTF_8)), json)
    }

    test("mchd: the signed power verifies at its signing time and is expired today") {
        val xml = mchd("valid/$SIGNED_POWER.xml")
        val sig = mchd("valid/$SIGNED_POWER.sig")
        val r = verifyFnsPower(xml, sig, powerStore(), Instant.parse("2024-12-03T09:00:00Z"), true, null, null)
        yes(r.valid, "valid: ${r.problems}")
        eq(r.term, "in_force")
        eq(r.signingTime, Instant.parse("2024-12-03T08:29:00Z"))
        eq(r.timestampValid, true)
        eq(r.timestampTime, Instant.parse("2024-12-03T08:29:00Z"))
        eq(r.validUntil, Instant.parse("2025-12-03T21:00:00Z"))
        val today = verifyFnsPower(xml, sig, powerStore(), Instant.now(), true, null, null)
        yes(today.valid, "still authentic")
        eq(today.term, "expired")
        val tampered = verifyFnsPower(xml + byteArrayOf(10), sig, powerStore(), Instant.parse("2024-12-03T09:00:00Z"), true, null, null)
        yes(!tampered.valid && "mchd_sig.signature_invalid" in tampered.problems, "tampered: ${tampered.problems}")
    }

    test("mchd: invalid samples are refused with their codes") {
        eq(codeOf(raises<KabinetException.Power> { readFnsPower(mchd("invalid/invalid_15_$SIGNED_POWER.xml")) }), "mchd_xml.no_principal")
        eq(codeOf(raises<KabinetException.Power> { readFnsPower(mchd("synthetic/grantorPerson_$SIGNED_POWER.xml")) }), "inn.checksum")
        eq(codeOf(raises<KabinetException.Power> { exportFnsPower("{}") }), "mchd_xml.json")
    }
}

/** The string value of the first `"key":"…"` in `json` after `from`, and where it ends. */
fun after(json: String, key: String, from: Int): Pair<String, Int> {
    val m = Regex("\"$key\":\"([^\"]*)\"").find(json, from) ?: error("no $key after $from")
    return m.groupValues[1] to m.range.last
}

/** The principal's requisites and the head's and the representative's
 *  identifiers, read from the document (never written in the test). */
class PowerParties(json: String) {
    val orgInn: String; val kpp: String; val ogrn: String
    val headInn: String; val headSnils: String; val repInn: String; val repSnils: String

    init {
        var at = json.indexOf("\"principals\"")
        fun next(key: String): String { val (v, end) = after(json, key, at); at = end; return v }
        orgInn = next("inn"); kpp = next("kpp"); ogrn = next("ogrn")
        headInn = next("inn"); headSnils = next("snils")
        at = json.indexOf("\"representatives\"")
        repInn = next("inn"); repSnils = next("snils")
    }
}

fun fnsPowerEvidenceTests() {
    val xml = mchd("valid/$SIGNED_POWER.xml")
    val sig = mchd("valid/$SIGNED_POWER.sig")
    val signedAt = Instant.parse("2024-12-03T09:00:00Z")
    val json = readFnsPower(xml)
    val codes = Regex("\"code\":\"([^\"]*)\"").findAll(json).map { it.groupValues[1] }.toList()
    val table = """{"${codes[0]}": ["documents.view", "documents.edit"], "${codes[1]}": []}"""

    test("mchd: a verified power is registered as evidence and the representative acts under it") {
        val p = PowerParties(json)
        val k = Kabinet()
        val head = person(k, "Грефов", p.headSnils, p.headInn)
        val rep = person(k, "Поверенный", p.repSnils, p.repInn)
        val requisites = draft().copy(fullName = "ООО «Пример»", inn = p.orgInn, kpp = p.kpp, ogrn = p.ogrn, headInn = p.headInn)
        val org = k.submitOrganization(asAccount(head), OrganizationKind.LegalEntity, requisites)
        val r = InMemoryRegistry()
        r.insert(RegistryRecord(
            fullName = "ООО «Пример»", inn = p.orgInn, kpp = p.kpp, ogrn = p.ogrn, ogrnip = null,
            status = RegistryStatus.ACTIVE, headSurname = "Грефов", headGivenName = "Иван", headPatronymic = "Петрович",
            headInn = p.headInn, headPosition = "Генеральный директор",
        ))
        k.consultRegistry(org, r, T0)
        eq(k.organization(org)!!.status, "active", k.organization(org)!!.rejectionReasons.toString())

        val e = k.importFnsPower(xml, sig, powerStore(), table, signedAt, true, null, null)
        eq(e.granted.map { it.code }, listOf(codes[0]))
        eq(e.granted[0].rights, listOf("documents.view", "documents.edit"))
        eq(e.unmapped.size, codes.size - 2)
        yes(e.restricted.isEmpty() && !e.textPowers, "nothing restricted")
        val d = k.check(rep, org, "documents.edit", Instant.parse("2024-12-04T10:00:00Z"), null)
        yes(d.allowed, "through the power: ${d.refusals}")
        eq(d.basis, Basis.PowerOfAttorney)
        eq(d.delegation!!.number, e.number)
        yes(!k.check(rep, org, "payments.edit", Instant.parse("2024-12-04T10:00:00Z"), null).allowed, "unmapped right")
        eq(codeOf(raises<KabinetException.Command> {
            k.importFnsPower(xml, sig, powerStore(), table, signedAt, true, null, null)
        }), "delegation.duplicate_number")
    }

    test("mchd: evidence is refused when expired, unmapped, its table malformed or its principal unknown") {
        val k = Kabinet()
        eq(codeOf(raises<KabinetException.Power> {
            k.fnsPowerEvidence(xml, sig, powerStore(), table, Instant.parse("2026-12-04T00:00:00Z"), true, null, null)
        }), "mchd_evidence.expired")
        eq(codeOf(raises<KabinetException.Power> {
            k.fnsPowerEvidence(xml, sig, powerStore(), "{}", signedAt, true, null, null)
        }), "mchd_evidence.no_rights")
        eq(codeOf(raises<KabinetException.Power> {
            k.fnsPowerEvidence(xml, sig, powerStore(), """{"A": ["documents.fly"]}""", signedAt, true, null, null)
        }), "mchd_evidence.classifier")
        val e = k.fnsPowerEvidence(xml, sig, powerStore(), table, signedAt, true, null, null)
        yes(e.mchdJson.contains("\"НомДовер\":\"${e.number}\""), "the МЧД form names the number")
        eq(codeOf(raises<KabinetException.Power> {
            k.importFnsPower(xml, sig, powerStore(), table, signedAt, true, null, null)
        }), "mchd.principal_unknown")
    }
}
