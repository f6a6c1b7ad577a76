// CMS SignedData verification with the TC 26 reference messages.

import kabinet.*
import kabinet.core.*
import java.time.Instant
import java.util.Base64

// Inside the validity of the TC 26 certificates.
val CMS_AT: Instant = Instant.parse("2024-06-01T00:00:00Z")

fun cmsStore(): TrustStore {
    val store = TrustStore()
    eq(store.addAnchors(tc26("root256_cert.pem"), false), 1u)
    return store
}

fun pemDer(name: String): ByteArray {
    val body = String(tc26(name), Charsets.US_ASCII).lines().filter { !it.startsWith("-----") }.joinToString("")
    return Base64.getDecoder().decode(body)
}

fun cmsTests() {
    test("cms: the TC 26 512-bit message with signed attributes verifies") {
        val r = verifyCms(tc26("signed_a111.pem"), null, cmsStore(), CMS_AT, true, true, TC26_ANCHORS, TC26_PROFILE)
        yes(r.valid, "valid: ${r.signers.map { it.problems }}")
        eq(r.contentType, "1.2.840.113549.1.7.1")
        yes(!r.detached, "attached")
        yes(r.signingTimePolicy, "signing-time policy")
        val s = r.signers.single()
        yes(s.valid && s.problems.isEmpty(), "signer valid: ${s.problems}")
        yes(s.signedAttributes, "signed attributes")
        eq(s.digestAlgorithm, "streebog512")
        eq(s.signatureAlgorithm, "gost2012-512")
        eq(s.signingTime, Instant.parse("2019-03-20T19:55:22Z"))
        eq(s.certificateCheckedAt, s.signingTime)
        eq(s.holder?.commonName, "ORIGINATOR: GOST 34.10-12 512-bit")
        val cert = s.certificate!!
        yes(cert.valid, "certificate valid: ${cert.problems}")
        yes(cert.warnings.any { it.code == "pki.revocation_unknown_accepted" }, "soft-fail warns: ${cert.warnings}")
    }

    test("cms: the TC 26 256-bit message verifies, DER as PEM") {
        val r = verifyCms(tc26("signed_a121.pem"), null, cmsStore(), CMS_AT, true, true, TC26_ANCHORS, TC26_PROFILE)
        yes(r.valid, "valid: ${r.signers.map { it.problems }}")
        val s = r.signers.single()
        yes(!s.signedAttributes, "no signed attributes")
        eq(s.signingTime, null)
        eq(s.digestAlgorithm, "streebog256")
        eq(s.certificateCheckedAt, CMS_AT)
        eq(s.certificate!!.path.size, 2)
        yes(verifyCms(pemDer("signed_a121.pem"), null, cmsStore(), CMS_AT, false, true, TC26_ANCHORS, TC26_PROFILE).valid, "DER verifies")
        val strict = verifyCms(tc26("signed_a121.pem"), null, cmsStore(), CMS_AT, true, false, TC26_ANCHORS, TC26_PROFILE)
        yes(!strict.valid, "revocation required by default refuses without CRLs")
    }

    test("cms: a flipped signature byte is refused with cms.bad_signature") {
        for ((name, sigLen, header) in listOf(
            Triple("signed_a111.pem", 128, byteArrayOf(0x04, 0x81.toByte(), 0x80.toByte())),
            Triple("signed_a121.pem", 64, byteArrayOf(0x04, 0x40)),
        )) {
            val der = pemDer(name)
            // The signature's OCTET STRING ends these messages.
            val at = der.size - sigLen - header.size
            yes(der.copyOfRange(at, at + header.size).contentEquals(header), "$name ends with its signature")
            der[der.size - 1] = (der[der.size - 1].toInt() xor 0x80).toByte()
            val r = verifyCms(der, null, cmsStore(), CMS_AT, true, true, TC26_ANCHORS, TC26_PROFILE)
            yes(!r.valid, "$name refused")
            val s = r.signers.single()
            eq(s.problems.map { it.code }, listOf("cms.bad_signature"), name)
            yes(s.problems.single().messageRu.isNotEmpty() && s.problems.single().messageEn.isNotEmpty(), "messages")
        }
    }

    test("cms: garbage is cms.malformed") {
        for (garbage in listOf(ByteArray(0), "not a message".toByteArray())) {
            val e = raises<KabinetException.Certificate> { verifyCms(garbage, null, cmsStore(), CMS_AT, true, true, TC26_ANCHORS, TC26_PROFILE) }
            eq(codeOf(e), "cms.malformed")
        }
    }
}
