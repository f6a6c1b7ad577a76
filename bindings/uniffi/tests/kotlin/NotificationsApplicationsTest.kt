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
