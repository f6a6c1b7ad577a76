// Authentication: password policies and hashes, HOTP and TOTP (RFC vectors).

import kabinet.*
import kabinet.core.*
import java.time.Instant

fun authTests() {
    test("auth: HOTP on the RFC 4226 vectors") {
        val secret = "12345678901234567890".toByteArray()
        val expected = listOf(755224u, 287082u, 359152u, 969429u, 338314u, 254676u, 287922u, 162583u, 399871u, 520489u)
        eq((0uL..9uL).map { hotp(secret, it, 6u, OtpAlgorithm.SHA1) }, expected)
        eq(codeOf(raises<KabinetException.Auth> { hotp(secret, 0uL, 5u, OtpAlgorithm.SHA1) }), "otp.digits")
    }

    test("auth: TOTP on the RFC 6238 vectors, verify finds the step") {
        val s1 = "12345678901234567890".toByteArray()
        val s256 = "12345678901234567890123456789012".toByteArray()
        val s512 = ("1234567890".repeat(6) + "1234").toByteArray()
        val t59 = Instant.ofEpochSecond(59)
        eq(totpCode(s1, t59, 8u, 30u, OtpAlgorithm.SHA1), 94287082u)
        eq(totpCode(s256, t59, 8u, 30u, OtpAlgorithm.SHA256), 46119246u)
        eq(totpCode(s512, t59, 8u, 30u, OtpAlgorithm.SHA512), 90693936u)
        eq(totpCode(s1, Instant.ofEpochSecond(1111111109), 8u, 30u, OtpAlgorithm.SHA1), 7081804u)
        eq(totpVerify(s1, "94287082", Instant.ofEpochSecond(89), 8u, 30u, 1u, OtpAlgorithm.SHA1), 1uL)
        eq(totpVerify(s1, "94287082", Instant.ofEpochSecond(119), 8u, 30u, 1u, OtpAlgorithm.SHA1), null)
    }

    test("auth: password policies report every problem") {
        val portal = passwordPolicyJson("portal")
        val problems = checkPassword(portal, "abc", false).map { it.code }
        yes(problems.isNotEmpty() && problems.all { it.startsWith("password.") }, problems.toString())
        eq(checkPassword(portal, "Vesna-2026!Kabinet", false), listOf<Problem>())
        yes(checkPassword(passwordPolicyJson("nist"), "password", true).isNotEmpty(), "a common password")
        eq(codeOf(raises<KabinetException.InvalidInput> { passwordPolicyJson("none") }), "password.unknown_policy")
    }

    test("auth: hash, verify, rehash") {
        val phc = hashPassword("Vesna-2026!Kabinet", null, null)
        yes(phc.startsWith("\$argon2id\$"), phc)
        eq(verifyPassword("Vesna-2026!Kabinet", phc, null), PasswordVerification.VALID)
        eq(verifyPassword("vesna-2026!kabinet", phc, null), PasswordVerification.INVALID)
        val pbkdf2 = """{"scheme":"pbkdf2_sha256","iterations":600000}"""
        val old = hashPassword("Vesna-2026!Kabinet", ByteArray(16) { it.toByte() }, pbkdf2)
        eq(hashPassword("Vesna-2026!Kabinet", ByteArray(16) { it.toByte() }, pbkdf2), old)
        eq(verifyPassword("Vesna-2026!Kabinet", old, null), PasswordVerification.VALID_NEEDS_REHASH)
        eq(codeOf(raises<KabinetException.Auth> { hashPassword("x", ByteArray(4), null) }), "auth.salt_length")
        eq(codeOf(raises<KabinetException.Auth> { verifyPassword("x", "not a hash", null) }), "auth.malformed_hash")
    }
}
