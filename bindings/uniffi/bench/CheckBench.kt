// Overhead of the Kotlin binding on `check`: the organization and the
// requests of bindings/python/bench/bench_check.py (10,000 employees in five
// built-in roles, 1,000 requests, 400 allowed), timed from the JVM through
// JNA. Prints nanoseconds per call, the best of 25 samples of 20,000 calls,
// after a warm-up that lets the JIT compile the call path (SAMPLES=n sets
// the samples). Beside it, a call with no argument (powerCount) shows what
// one call through the generated JNA layer costs by itself.
//
// Run (release library inside the JAR):
//   scripts/kotlin-jar
//   K=target/kotlin/node_modules/kotlin-compiler
//   $K/bin/kotlinc -nowarn -cp target/kotlin/kabinet.jar:/usr/share/java/jna.jar \
//       -d target/kotlin/bench.jar bindings/uniffi/bench/CheckBench.kt
//   java -cp target/kotlin/kabinet.jar:/usr/share/java/jna.jar:$K/lib/kotlin-stdlib.jar:target/kotlin/bench.jar \
//       bench.CheckBenchKt
package bench

import kabinet.*
import java.time.Instant

val AT: Instant = Instant.parse("2026-03-02T09:00:00Z")
const val EMPLOYEES = 10_000
val ROLES = listOf("observer", "accountant", "operator", "specialist", "hr")
val RIGHTS = listOf("organization.view", "payments.approve", "applications.edit", "personnel.edit", "users.manage")

/** The n-th generated СНИЛС with its check number (as the Python bench computes it). */
fun snilsOf(n: Int): String {
    val base = "%09d".format(2_000_000 + n)
    val total = base.withIndex().sumOf { (i, d) -> (d - '0') * (9 - i) }
    val check = if (total < 100) total else if (total == 100 || total == 101) 0 else (total % 101) % 100
    return base + "%02d".format(check)
}

fun main() {
    val k = Kabinet()
    val headInn = "770712345633"
    val head = k.registerAccount("Грефов", "Иван", null, "112-233-445 95", headInn, null, null, AT)
    k.confirmIdentity(head, AT)
    val asHead = Context(actor = head, at = AT, signature = simpleSignature(), ip = null)
    val draft = RequisitesDraft(
        fullName = "ПАО Сбербанк", inn = "7707083893", kpp = "773601001", ogrn = "1027700132195", ogrnip = "",
        legalAddress = "Москва", actualAddress = "", phone = "", email = "", bankAccount = "", bankName = "",
        bik = "", headSurname = "Грефов", headGivenName = "Иван", headPatronymic = "", headInn = headInn,
        headPosition = "Президент",
    )
    val org = k.submitOrganization(asHead, OrganizationKind.LegalEntity, draft)
    val registry = InMemoryRegistry()
    registry.insert(RegistryRecord(
        fullName = "ПАО Сбербанк", inn = "7707083893", kpp = "773601001", ogrn = "1027700132195", ogrnip = null,
        status = RegistryStatus.ACTIVE, headSurname = "Грефов", headGivenName = "Иван", headPatronymic = null,
        headInn = headInn, headPosition = "Президент",
    ))
    k.consultRegistry(org, registry, AT)
    val staff = (0 until EMPLOYEES).map { n ->
        val snils = snilsOf(n)
        val a = k.registerAccount("Сотрудник", "Иван", null, snils, null, null, null, AT)
        k.confirmIdentity(a, AT)
        val role = Role.BuiltIn(ROLES[n % ROLES.size])
        val inv = k.inviteEmployee(asHead, org, "Сотрудник", "Иван", snils, null, null, listOf(role))
        k.acceptInvitation(Context(actor = a, at = AT, signature = simpleSignature(), ip = null), inv)
        a
    }
    val requests = (0 until 1000).map { i -> staff[(i * 7919) % staff.size] to RIGHTS[i % RIGHTS.size] }
    val allowed = requests.count { (a, r) -> k.check(a, org, r, AT, null).allowed }
    fun round(): Long {
        val start = System.nanoTime()
        for (repeat in 0 until 20) for ((a, r) in requests) k.check(a, org, r, AT, null)
        return System.nanoTime() - start
    }
    val samples = System.getenv("SAMPLES")?.toInt() ?: 25
    repeat(2 * samples) { round() }
    val best = (0 until samples).minOf { round() }
    fun bare(): Long {
        val start = System.nanoTime()
        for (i in 0 until 20_000) k.powerCount()
        return System.nanoTime() - start
    }
    repeat(2 * samples) { bare() }
    val bareBest = (0 until samples).minOf { bare() }
    println("kotlin call with no argument and a number returned (powerCount): ${bareBest / 20_000} ns/call")
    println("kotlin check: ${best / 20_000} ns/call ($EMPLOYEES employees, $allowed/${requests.size} requests allowed, best of $samples x 20000 calls)")
}
