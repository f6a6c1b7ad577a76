// Notifications and applications: queries, documents checked by content,
// and the auth commands through the generic JSON entry point.

import kabinet.*

fun notificationsApplicationsTests() {
    test("auth commands: a TOTP step is used once") {
        val w = World()
        val cmd = """{"command":"auth","auth_command":"use_totp_step","account":${w.head},"step":1}"""
        yes(w.k.executeJson(cmd, systemContext(T0)).isNotEmpty(), "first use recorded")
        val e = raises<KabinetException.Command> { w.k.executeJson(cmd, systemContext(T0)) }
        yes(e.code.isNotEmpty() && e.messageRu.isNotEmpty(), e.code)
    }

    test("notifications: defaults, an empty outbox and history") {
        val w = World()
        yes(w.k.notificationPreferencesJson(w.head).startsWith("{"), "preferences")
        eq(w.k.notificationHistoryJson(), "[]")
        yes(w.k.outboxJson().startsWith("["), "outbox")
        yes(w.k.dueNotificationsJson(T0).startsWith("["), "due")
    }

    test("notifications: reminders for certificates and powers ending soon") {
        val soon = CertificateExpiry("01ab", 7uL, null, T0.plusSeconds(86_400L * 10))
        val late = CertificateExpiry("02cd", 7uL, null, T0.plusSeconds(86_400L * 90))
        val r = certificateRemindersJson(listOf(soon, late), T0, 30L)
        yes(r.contains("01ab") && !r.contains("02cd"), r)
        val w = World()
        val rep = person(w.k, "Доверенов", "001-001-997 00")
        w.k.issuePower(asAccount(w.head, headQualified()), w.org,
            terms(P1, rep, listOf("organization.view"), until = T0.plusSeconds(86_400L * 5)), false)
        yes(w.k.powerOfAttorneyRemindersJson(w.org, T0, 30u).contains(P1), "the power is reminded")
        eq(w.k.powerOfAttorneyRemindersJson(w.org, T0, 2u), "[]")
    }

    test("applications: documents are recognized by content") {
        val pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".toByteArray()
        val d = inspectDocument(pdf, pdf.size.toULong(), 1_000_000uL)
        eq(d.format, "pdf")
        eq(d.size, pdf.size.toULong())
        eq(d.sha256?.length, 64)
        eq(codeOf(raises<KabinetException.InvalidInput> { inspectDocument(pdf, 2_000_000uL, 1_000_000uL) }), "document.too_large")
        yes(codeOf(raises<KabinetException.InvalidInput> {
            inspectDocument("MZ\u0000\u0001".toByteArray(), 4uL, 1_000_000uL)
        }).startsWith("document."), "an executable is refused")
        eq(World().k.applicationsOfJson(1uL), "[]")
    }
}
