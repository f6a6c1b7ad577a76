// The FNS power of attorney (EMCHD_1 XML) from ../shared/testdata/mchd: the
// real signed power reads, exports back the same, verifies at its signing
// time with its timestamp and is expired today; invalid samples are refused
// with their codes.

import kabinet.*
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
