// GOST R 34.10-2012 verification and Streebog (GOST R 34.11-2012).

import kabinet.*
import kabinet.core.*

fun hex(b: ByteArray) = b.joinToString("") { "%02x".format(it) }

fun gostTests() {
    test("gost: Streebog on the standard's message M1") {
        val m1 = "012345678901234567890123456789012345678901234567890123456789012".toByteArray()
        eq(hex(streebog256(m1)), "9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500")
        eq(hex(streebog512(m1)), "1b54d01a4af5b9d5cc3d86d68d285462b19abc2475222f35c085122be4ba1ffa" +
            "00ad30f8767b3a82384c6574f024c311e2a481332b08ef7f41797891c1646f48")
    }

    test("gost: the root's key verifies the leaf's signature; tampering is caught") {
        val leaf = certificateParts(tc26("sender256_cert.pem"))
        val root = certificateParts(tc26("root256_cert.pem"))
        eq(leaf.signatureAlgorithm, "1.2.643.7.1.1.3.2")
        gostVerifySignature(root.spkiDer, leaf.signatureAlgorithm, leaf.tbsDer, leaf.signature)
        val bad = leaf.tbsDer.copyOf().also { it[it.size - 1] = (it[it.size - 1].toInt() xor 1).toByte() }
        val e = raises<KabinetException.Gost> { gostVerifySignature(root.spkiDer, leaf.signatureAlgorithm, bad, leaf.signature) }
        yes(e.code.startsWith("gost."), e.code)
        eq(codeOf(raises<KabinetException.Gost> {
            gostVerifySignature(root.spkiDer, "1.2.643.2.2.3", leaf.tbsDer, leaf.signature)
        }), "gost.legacy_2001_refused")
        eq(codeOf(raises<KabinetException.InvalidInput> {
            gostVerifySignature(root.spkiDer, "not an oid", leaf.tbsDer, leaf.signature)
        }), "gost.bad_oid")
    }

    test("gost: a key read once verifies and refuses as the function does") {
        val leaf = certificateParts(tc26("sender256_cert.pem"))
        val root = certificateParts(tc26("root256_cert.pem"))
        val key = GostPublicKey.fromSpkiDer(root.spkiDer)
        eq(key.paramSet(), "id-tc26-gost-3410-12-256-paramSetA")
        eq(key.bits(), 256u)
        key.verify(leaf.signatureAlgorithm, leaf.tbsDer, leaf.signature)
        val bad = leaf.tbsDer.copyOf().also { it[it.size - 1] = (it[it.size - 1].toInt() xor 1).toByte() }
        eq(codeOf(raises<KabinetException.Gost> { key.verify(leaf.signatureAlgorithm, bad, leaf.signature) }),
            "gost.bad_signature")
        // From its second signature on the key verifies with its kept table: the same answers.
        repeat(3) {
            key.verify(leaf.signatureAlgorithm, leaf.tbsDer, leaf.signature)
            eq(codeOf(raises<KabinetException.Gost> { key.verify(leaf.signatureAlgorithm, bad, leaf.signature) }),
                "gost.bad_signature")
        }
        eq(codeOf(raises<KabinetException.Gost> { key.verify("1.2.643.7.1.1.3.3", leaf.tbsDer, leaf.signature) }),
            "gost.algorithm_key_mismatch")
        eq(codeOf(raises<KabinetException.InvalidInput> { key.verify("not an oid", leaf.tbsDer, leaf.signature) }),
            "gost.bad_oid")
        val moved = root.spkiDer.copyOf().also { it[it.size - 1] = (it[it.size - 1].toInt() xor 1).toByte() }
        eq(codeOf(raises<KabinetException.Gost> { GostPublicKey.fromSpkiDer(moved) }), "gost.point_not_on_curve")
    }
}
