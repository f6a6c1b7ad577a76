// Certificate validation with the TC 26 test certificates.

import kabinet.*
import java.io.File

fun testdata(): File {
    val dir = File(System.getenv("KABINET_TESTDATA") ?: "../shared/testdata")
    if (!dir.isDirectory) throw IllegalStateException("conformance data missing: $dir (set KABINET_TESTDATA)")
    return dir
}

fun tc26(name: String): ByteArray = File(testdata(), "tc26/$name").readBytes()

fun certificateTests() {
    test("certificates: a TC 26 leaf validates against its root") {
        val store = TrustStore()
        eq(store.addAnchors(tc26("root256_cert.pem"), false), 1u)
        eq(store.anchorCount(), 1u)
        val r = validateCertificate(tc26("sender256_cert.pem"), store, T0, true)
        yes(r.valid, "valid: ${r.problems}")
        eq(r.path.size, 2)
        yes(r.path.last().anchor, "ends at the anchor")
        eq(r.holder.commonName, "ORIGINATOR: GOST 34.10-12 256-bit")
        yes(r.warnings.any { it.code == "pki.revocation_unknown_accepted" }, "soft-fail warns: ${r.warnings}")
        yes(!r.qualified && r.notQualifiedBecause.isNotEmpty(), "not qualified without an accredited anchor")
        eq(r.evidence!!.level, SignatureLevel.ENHANCED)
    }

    test("certificates: problems carry codes; the evidence feeds check") {
        val store = TrustStore()
        store.addAnchors(tc26("root256_cert.pem"), false)
        val strict = validateCertificate(tc26("sender256_cert.pem"), store, T0, false)
        yes(!strict.valid && strict.problems.isNotEmpty(), "revocation unknown refuses")
        yes(strict.problems.all { it.code.startsWith("pki.") }, strict.problems.toString())
        eq(strict.evidence, null)
        val empty = validateCertificate(tc26("sender256_cert.pem"), TrustStore(), T0, true)
        yes(!empty.valid && empty.problems.isNotEmpty(), "no anchor")
        eq(codeOf(raises<KabinetException.Certificate> { validateCertificate("junk".toByteArray(), store, T0, true) })
            .startsWith("pki."), true)
        // Enhanced evidence without identifiers does not satisfy a qualified right.
        val w = World()
        val ev = validateCertificate(tc26("sender256_cert.pem"), store, T0, true).evidence!!
        val edit = w.k.check(w.head, w.org, "organization.edit", T0, ev).refusals.map { it.code }
        yes("access.signature_too_weak" !in edit, "enhanced suffices for organization.edit: $edit")
        val approve = w.k.check(w.head, w.org, "reports.approve", T0, ev).refusals.map { it.code }
        yes("access.signature_too_weak" in approve, "enhanced is not qualified: $approve")
    }

    test("certificates: parsing and loading from files") {
        val certs = parseCertificates(tc26("root256_cert.pem"))
        eq(certs.single().subject, certs.single().issuer)
        val dir = File(testdata(), "tc26")
        val store = TrustStore.fromFiles(listOf(File(dir, "root256_cert.pem").path), true, listOf(), listOf())
        eq(store.anchorCount(), 1u)
        eq(codeOf(raises<KabinetException.Certificate> {
            TrustStore.fromFiles(listOf(File(dir, "missing.pem").path), true, listOf(), listOf())
        }).isNotEmpty(), true)
    }
}
