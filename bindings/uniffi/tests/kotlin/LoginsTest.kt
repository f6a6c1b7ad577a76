// Authentication and sessions through the typed methods: logins and the
// lockout, TOTP steps, one-time codes kept as digests, PINs of tokens,
// sessions touched, ended and swept.

import kabinet.*
import kabinet.core.*

fun loginsTests() {
    test("logins: a success opens a session, a new address is reported once") {
        val w = World()
        val first = w.k.recordLogin(w.head, LoginMethod.PASSWORD_AND_CODE, true, T0, "10.0.0.1")
        val id = first.session!!
        yes(first.newIp && !first.lockedOut, first.toString())
        eq(first.events.first().kind, "auth")
        val s = w.k.session(id)!!
        eq(s.account, w.head)
        eq(s.method, LoginMethod.PASSWORD_AND_CODE)
        eq(s.ip, "10.0.0.1")
        eq(s.startedAt, T0)
        eq(s.deadline, T0.plusSeconds(15 * 60))
        eq(w.k.authAccount(w.head)!!.knownIps, listOf("10.0.0.1"))
        val again = w.k.recordLogin(w.head, LoginMethod.CERTIFICATE, true, T0.plusSeconds(60), "10.0.0.1")
        yes(!again.newIp && again.session != id, again.toString())
        eq(w.k.sessions(w.head).map { it.id }, listOf(id, again.session!!))
        eq(w.k.sessions(w.head + 1000uL), listOf<SessionInfo>())
        eq(codeOf(raises<KabinetException.InvalidInput> {
            w.k.recordLogin(w.head, LoginMethod.PASSWORD, true, T0, "not an address")
        }), "context.bad_ip")
    }

    test("logins: the fifth failure in an hour locks the account out") {
        val w = World()
        repeat(4) { i ->
            val o = w.k.recordLogin(w.head, LoginMethod.PASSWORD, false, T0.plusSeconds(i * 60L), null)
            yes(o.session == null && !o.lockedOut, "failure ${i + 1}")
        }
        val fifth = w.k.recordLogin(w.head, LoginMethod.PASSWORD, false, T0.plusSeconds(300), null)
        yes(fifth.lockedOut, fifth.toString())
        eq(w.k.account(w.head)!!.status, "blocked")
        eq(w.k.authAccount(w.head)!!.failures.size, 5)
        eq(codeOf(raises<KabinetException.Command> {
            w.k.recordLogin(w.head, LoginMethod.PASSWORD, true, T0.plusSeconds(360), null)
        }), "auth.account_locked")
        yes(fifth.events.any { it.kind == "account_status_changed" && it.json.contains("failed_logins") }, fifth.events.toString())
        val alerts = w.k.noticesFor(fifth.events, T0.plusSeconds(300))
        yes(alerts.isNotEmpty() && alerts.all { it.person == w.head && it.category == NotificationCategory.UNAUTHORIZED_ATTEMPT ||
            it.category == NotificationCategory.ACCOUNT_BLOCKED }, alerts.toString())
        yes(alerts.any { it.importance == Importance.CRITICAL }, alerts.toString())
        val sent = alerts.flatMap { w.k.notify(it, T0.plusSeconds(300)) }
        yes(sent.isNotEmpty() && sent.all { it.recipient == w.head }, sent.toString())
        eq(codeOf(raises<KabinetException.InvalidInput> {
            w.k.noticesFor(listOf(Event("auth", "{}")), T0)
        }), "event.malformed")
    }

    test("logins: a TOTP step is used once") {
        val w = World()
        eq(w.k.useTotpStep(w.head, 41uL, T0).size, 1)
        eq(w.k.authAccount(w.head)!!.lastTotpStep, 41uL)
        eq(codeOf(raises<KabinetException.Command> { w.k.useTotpStep(w.head, 41uL, T0) }), "otp.replayed")
        eq(codeOf(raises<KabinetException.Command> { w.k.useTotpStep(w.head, 40uL, T0) }), "otp.replayed")
    }

    test("logins: one-time codes are kept as digests, a wrong one costs an attempt") {
        val w = World()
        val code = newNumericCode(6u)
        yes(code.length == 6 && code.all { it.isDigit() }, code)
        eq(newSalt().size, 16)
        eq(codeDigest(w.head, CodePurpose.LOGIN, code).size, 32)
        yes(!codeDigest(w.head, CodePurpose.LOGIN, code).contentEquals(codeDigest(w.head, CodePurpose.RECOVERY, code)), "bound to the purpose")
        w.k.issueCode(w.head, CodePurpose.LOGIN, CodeChannel.EMAIL, "123456", T0)
        val pending = w.k.authAccount(w.head)!!.codes.single()
        eq(pending.purpose, CodePurpose.LOGIN)
        eq(pending.channel, CodeChannel.EMAIL)
        eq(pending.expiresAt, T0.plusSeconds(300))
        eq(pending.attemptsLeft, 3u)
        val wrong = w.k.submitCode(w.head, CodePurpose.LOGIN, "654321", T0.plusSeconds(10))
        yes(!wrong.accepted && wrong.attemptsLeft == 2u, wrong.toString())
        val right = w.k.submitCode(w.head, CodePurpose.LOGIN, " 123456 ", T0.plusSeconds(20))
        yes(right.accepted && !right.recovered && right.attemptsLeft == null, right.toString())
        eq(codeOf(raises<KabinetException.Command> {
            w.k.issueCode(w.head, CodePurpose.LOGIN, CodeChannel.SMS, "123456", T0)
        }), "code.no_contact")
        w.k.issueCode(w.head, CodePurpose.LOGIN, CodeChannel.EMAIL, "777777", T0)
        eq(codeOf(raises<KabinetException.Command> {
            w.k.submitCode(w.head, CodePurpose.LOGIN, "777777", T0.plusSeconds(301))
        }), "code.expired")
    }

    test("logins: a recovery code unblocks an account locked out") {
        val w = World()
        repeat(5) { w.k.recordLogin(w.head, LoginMethod.PASSWORD, false, T0, null) }
        eq(w.k.account(w.head)!!.status, "blocked")
        w.k.issueCode(w.head, CodePurpose.RECOVERY, CodeChannel.EMAIL, "246810", T0.plusSeconds(60))
        val o = w.k.submitCode(w.head, CodePurpose.RECOVERY, "246810", T0.plusSeconds(90))
        yes(o.accepted && o.recovered, o.toString())
        eq(w.k.account(w.head)!!.status, "active")
        yes(w.k.recordLogin(w.head, LoginMethod.PASSWORD, true, T0.plusSeconds(120), null).session != null, "logs in again")
    }

    test("logins: three wrong PINs lock a token until it is unlocked") {
        val w = World()
        eq(w.k.tokenPin("rutoken-1"), null)
        eq(w.k.recordPinEntry("rutoken-1", w.head, false, T0).attemptsLeft, 2u)
        eq(w.k.recordPinEntry("rutoken-1", w.head, false, T0).attemptsLeft, 1u)
        eq(w.k.tokenPin("rutoken-1"), TokenPinInfo(2u, false))
        yes(w.k.recordPinEntry("rutoken-1", w.head, true, T0).accepted, "a right PIN")
        eq(w.k.tokenPin("rutoken-1"), null)
        repeat(2) { w.k.recordPinEntry("rutoken-1", w.head, false, T0) }
        eq(w.k.recordPinEntry("rutoken-1", w.head, false, T0).attemptsLeft, 0u)
        eq(w.k.tokenPin("rutoken-1"), TokenPinInfo(3u, true))
        eq(codeOf(raises<KabinetException.Command> { w.k.recordPinEntry("rutoken-1", w.head, true, T0) }), "pin.token_locked")
        eq(w.k.unlockToken("rutoken-1", T0).size, 1)
        eq(w.k.tokenPin("rutoken-1"), null)
        eq(codeOf(raises<KabinetException.Command> { w.k.unlockToken("rutoken-1", T0) }), "pin.token_not_locked")
        eq(codeOf(raises<KabinetException.Command> { w.k.recordPinEntry(" ", w.head, true, T0) }), "pin.bad_token")
    }

    test("sessions: touched by their account, ended by logout, swept when idle") {
        val w = World()
        val other = person(w.k, "Посторонний", "001-001-997 00")
        val id = w.k.recordLogin(w.head, LoginMethod.PASSWORD, true, T0, null).session!!
        val later = T0.plusSeconds(10 * 60)
        w.k.touchSession(Context(Actor.Account(w.head), later, simpleSignature(), null), id)
        eq(w.k.session(id)!!.lastSeen, later)
        eq(w.k.session(id)!!.deadline, later.plusSeconds(15 * 60))
        eq(codeOf(raises<KabinetException.Command> {
            w.k.touchSession(Context(Actor.Account(other), later, simpleSignature(), null), id)
        }), "session.not_yours")
        val ended = w.k.endSession(Context(Actor.Account(w.head), later, simpleSignature(), null), id)
        yes(ended.single().json.contains("logout"), ended.single().json)
        eq(w.k.session(id), null)
        eq(codeOf(raises<KabinetException.Command> { w.k.endSession(systemContext(later), id) }), "session.not_found")
        val idle = w.k.recordLogin(w.head, LoginMethod.PASSWORD, true, T0, null).session!!
        eq(codeOf(raises<KabinetException.Command> {
            w.k.touchSession(systemContext(T0.plusSeconds(16 * 60)), idle)
        }), "session.timed_out")
        val swept = w.k.sweepSessions(T0.plusSeconds(3600))
        yes(swept.size == 1 && swept.single().json.contains("idle"), swept.toString())
        eq(w.k.sessions(null), listOf<SessionInfo>())
    }
}
