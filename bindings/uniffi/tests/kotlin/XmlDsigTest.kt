// XML signatures with the samples of ../shared/testdata/xmldsig: the xmlsec
// GOST 2012 documents verify (their root taken as a name and a key: its
// basicConstraints is not critical), altered content fails only its digest,
// the replaced СМЭВ 3 response fails both signatures with a valid
// certificate, and unreadable documents raise with xmldsig.* codes.

import kabinet.*
import kabinet.core.*
import java.io.File
import java.time.Instant

val XML_AT: Instant = Instant.parse("2026-12-01T00:00:00Z")

fun xmldsig(path: String): ByteArray = File(testdata(), "xmldsig/$path").readBytes()

fun xmlsecStore(): TrustStore {
    val store = TrustStore()
    eq(store.addAnchors(xmldsig("xmlsec/rsa-root-ca.der"), false), 1u)
    return store
}

fun verifyXmlsec(document: ByteArray): XmlDsigReport =
    verifyXml(document, ByteArray(0), xmlsecStore(), XML_AT, true, AnchorPolicy.NAME_AND_KEY_ONLY, null)

fun xmlDsigTests() {
    test("xmldsig: the xmlsec GOST 2012 documents verify") {
        for (bits in listOf("256", "512")) {
            val r = verifyXmlsec(xmldsig("xmlsec/enveloped-gost2012-$bits.xml"))
            yes(r.valid, "$bits valid: ${r.signatures.map { it.problems }}")
            eq(r.verifiedAt, XML_AT)
            val s = r.signatures.single()
            yes(s.valid && s.problems.isEmpty() && s.signatureValueValid, "$bits signature")
            eq(s.canonicalization, "http://www.w3.org/TR/2001/REC-xml-c14n-20010315")
            yes(s.signatureMethod.endsWith("gostr34102012-gostr34112012-$bits"), s.signatureMethod)
            val ref = s.references.single()
            eq(ref.uri, "")
            yes(ref.digestMatches, "digest matches")
            eq(ref.digestComputed, ref.digestClaimed)
            yes(s.subject!!.contains("gost-2012-$bits"), s.subject!!)
            yes(s.certificate!!.valid, "certificate: ${s.certificate!!.problems}")
        }
    }

    test("xmldsig: the xmlsec root as a certificate is refused by default") {
        val r = verifyXml(xmldsig("xmlsec/enveloped-gost2012-256.xml"), ByteArray(0), xmlsecStore(), XML_AT, true, null, null)
        yes(!r.valid, "refused")
        val s = r.signatures.single()
        eq(s.problems.map { it.code }, listOf("xmldsig.certificate_invalid"))
        yes(s.signatureValueValid, "the value itself verifies")
    }

    test("xmldsig: altered content fails its digest and nothing else") {
        val text = String(xmldsig("xmlsec/enveloped-gost2012-256.xml"), Charsets.UTF_8)
        val r = verifyXmlsec(text.replace("Hello, World!", "Hello, World?").toByteArray(Charsets.UTF_8))
        yes(!r.valid, "refused")
        val s = r.signatures.single()
        eq(s.problems.map { it.code }, listOf("xmldsig.digest_mismatch"))
        yes(s.problems.single().messageRu.isNotEmpty() && s.problems.single().messageEn.isNotEmpty(), "messages")
        yes(!s.references.single().digestMatches && s.signatureValueValid, "only the digest")
    }

    test("xmldsig: the replaced SMEV response fails both signatures") {
        val store = TrustStore()
        eq(store.addAnchors(File(testdata(), "gost-ca/certs/0837.der").readBytes(), true), 1u)
        eq(store.addIntermediates(File(testdata(), "gost-ca/certs/1762.der").readBytes()), 1u)
        val r = verifyXml(xmldsig("smev3/GetResponseResponse_ValidResponse.xml"), ByteArray(0), store,
            Instant.parse("2021-06-07T00:00:00Z"), true, null, null)
        yes(!r.valid, "refused")
        eq(r.signatures.size, 2)
        for (s in r.signatures) {
            eq(s.problems.map { it.code }, listOf("xmldsig.digest_mismatch", "xmldsig.bad_signature"))
            yes(s.certificate!!.valid, "certificate: ${s.certificate!!.problems}")
        }
    }

    test("xmldsig: unverifiable documents raise with their codes") {
        for ((document, code) in listOf(
            "<a><b>text</b></a>" to "xmldsig.no_signature",
            "<a><b>text</a>" to "xmldsig.malformed",
            "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>" to "xmldsig.malformed",
        )) {
            val e = raises<KabinetException.Certificate> { verifyXmlsec(document.toByteArray(Charsets.UTF_8)) }
            eq(codeOf(e), code, document)
        }
        val e = raises<KabinetException.Certificate> {
            verifyXml(xmldsig("xmlsec/enveloped-gost2012-256.xml"), "not a certificate".toByteArray(), xmlsecStore(), XML_AT, true, null, null)
        }
        yes(codeOf(e).startsWith("pki."), codeOf(e))
    }

    test("certificates: validate takes intermediates from the input") {
        val store = TrustStore()
        eq(store.addAnchors(File(testdata(), "gost-ca/certs/0837.der").readBytes(), true), 1u)
        val leaf = xmldsig("smev3/certs/is_esia_2021.der")
        val ca = File(testdata(), "gost-ca/certs/1762.der").readBytes()
        val at = Instant.parse("2021-06-07T00:00:00Z")
        yes(!validateCertificate(leaf, store, at, true, null, null).valid, "without the CA")
        val r = validateCertificate(leaf, store, at, true, null, null, ca)
        yes(r.valid, "with the CA: ${r.problems}")
        eq(r.path.size, 3)
        yes(!validateCertificate(leaf, store, at, true, null, null).valid, "not kept in the store")
    }
}
