// Certificate validation with the TC 26 test certificates.

import kabinet.*
import kabinet.core.*
import java.io.File

fun testdata(): File {
    val dir = File(System.getenv("KABINET_TESTDATA") ?: "../shared/testdata")
    if (!dir.isDirectory) throw IllegalStateException("conformance data missing: $dir (set KABINET_TESTDATA)")
    return dir
}

fun tc26(name: String): ByteArray = File(testdata(), "tc26/$name").readBytes()

// The TC 26 root has no basicConstraints (an anchor by name and key only) and
// its certificates carry no authorityKeyIdentifier (the relaxed profile).
val TC26_ANCHORS = AnchorPolicy.NAME_AND_KEY_ONLY
val TC26_PROFILE = ProfileStrictness.RELAXED

fun certificateTests() {
    test("certificates: a TC 26 leaf validates against its root") {
        val store = TrustStore()
        eq(store.addAnchors(tc26("root256_cert.pem"), false), 1u)
        eq(store.anchorCount(), 1u)
        val r = validateCertificate(tc26("sender256_cert.pem"), store, T0, true, TC26_ANCHORS, TC26_PROFILE)
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
        val strict = validateCertificate(tc26("sender256_cert.pem"), store, T0, false, TC26_ANCHORS, TC26_PROFILE)
        yes(!strict.valid && strict.problems.isNotEmpty(), "revocation unknown refuses")
        yes(strict.problems.all { it.code.startsWith("pki.") }, strict.problems.toString())
        eq(strict.evidence, null)
        val empty = validateCertificate(tc26("sender256_cert.pem"), TrustStore(), T0, true, TC26_ANCHORS, TC26_PROFILE)
        yes(!empty.valid && empty.problems.isNotEmpty(), "no anchor")
        eq(codeOf(raises<KabinetException.Certificate> { validateCertificate("junk".toByteArray(), store, T0, true) })
            .startsWith("pki."), true)
        // Enhanced evidence without identifiers does not satisfy a qualified right.
        val w = World()
        val ev = validateCertificate(tc26("sender256_cert.pem"), store, T0, true, TC26_ANCHORS, TC26_PROFILE).evidence!!
        val edit = w.k.check(w.head, w.org, "organization.edit", T0, ev).refusals.map { it.code }
        yes("access.signature_too_weak" !in edit, "enhanced suffices for organization.edit: $edit")
        val approve = w.k.check(w.head, w.org, "reports.approve", T0, ev).refusals.map { it.code }
        yes("access.signature_too_weak" in approve, "enhanced is not qualified: $approve")
    }

    test("certificates: anchors are checked as certificates unless taken by name and key") {
        val store = TrustStore()
        store.addAnchors(tc26("root256_cert.pem"), false)
        val strict = validateCertificate(tc26("sender256_cert.pem"), store, T0, true)
        yes(!strict.valid, "the TC 26 root is not a CA certificate by the profile")
        val onAnchor = strict.problems.filter { it.certificate == 1u }.map { it.code }
        yes("pki.missing_extension" in onAnchor, "basicConstraints missing: ${strict.problems}")
        val byKey = validateCertificate(tc26("sender256_cert.pem"), store, T0, true, AnchorPolicy.NAME_AND_KEY_ONLY)
        eq(byKey.problems.map { it.code }, listOf("pki.missing_extension"))
        eq(byKey.problems.single().certificate, 0u)
        yes(validateCertificate(tc26("sender256_cert.pem"), store, T0, true, TC26_ANCHORS, TC26_PROFILE).valid, "relaxed")
    }

    test("certificates: x509-limbo attacks are refused with their codes") {
        for ((id, code) in listOf(
            "rfc5280::duplicate-extensions" to "pki.duplicate_extension",
            "rfc5280::leaf-ku-keycertsign" to "pki.key_cert_sign_without_ca",
            "rfc5280::nc::not-allowed-in-ee-critical" to "pki.name_constraints_in_end_entity",
        )) {
            val (leaf, anchors) = limboCase(id)
            val store = TrustStore()
            anchors.forEach { store.addAnchors(it, false) }
            val r = validateCertificate(leaf, store, LIMBO_AT, true)
            yes(!r.valid && r.problems.any { it.code == code }, "$id: ${r.problems}")
        }
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

// The x509-limbo suite's default validation time (its compile date).
val LIMBO_AT: java.time.Instant = java.time.Instant.parse("2026-06-29T00:00:00Z")

/** The leaf and the anchors (PEM) of one x509-limbo case, read from the suite's JSON. */
fun limboCase(id: String): Pair<ByteArray, List<ByteArray>> {
    val file = File(testdata(), "limbo/limbo.json.gz")
    val text = java.util.zip.GZIPInputStream(file.inputStream()).bufferedReader().readText()
    val start = text.indexOf("\"id\": \"$id\"")
    if (start < 0) throw IllegalStateException("no limbo case $id")
    val end = text.indexOf("\"id\": \"", start + 1).let { if (it < 0) text.length else it }
    val case = text.substring(start, end)
    fun pems(s: String) = Regex("-----BEGIN CERTIFICATE-----[^\"]*-----END CERTIFICATE-----\\\\n")
        .findAll(s).map { it.value.replace("\\n", "\n").toByteArray() }.toList()
    val trusted = Regex("\"trusted_certs\": \\[([^\\]]*)\\]").find(case)!!.groupValues[1]
    val peer = Regex("\"peer_certificate\": \"([^\"]*)\"").find(case)!!.groupValues[1]
    return Pair(pems(peer).single(), pems(trusted))
}
