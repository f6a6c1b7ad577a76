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

    test("applications: a submission without a required document returns with the list, then goes") {
        val w = World()
        val me = asAccount(w.head)
        val created = w.k.executeJson(
            """{"command":"application","application_command":"create","org":${w.org},"kind":"registration_change","title":"Изменение сведений"}""",
            me,
        )
        yes(created.first().json.contains("ЗВ-${w.org}-000001"), created.first().json)
        val app = Regex("\"application\":(\\d+)").find(created.first().json)!!.groupValues[1]
        fun attach(slot: String, bytes: ByteArray, signature: String?): String {
            val content = inspectDocument(bytes, bytes.size.toULong(), 10_000_000uL).json
            val sig = signature?.let { "\"$it\"" } ?: "null"
            return """{"command":"application","application_command":"attach_document","application":$app,"slot":"$slot","file_name":"$slot.pdf","content":$content,"signature":$sig}"""
        }
        val pdf = "%PDF-1.7\n1 0 obj\n".toByteArray()
        w.k.executeJson(attach("form", pdf, "qualified"), me)
        val submit = """{"command":"application","application_command":"submit","application":$app}"""
        val returned = w.k.executeJson(submit, asAccount(w.head, headQualified()))
        yes(returned.first().json.contains("\"returned\"") && returned.first().json.contains("charter"), returned.first().json)
        w.k.executeJson(attach("charter", pdf, null), me)
        val sent = w.k.executeJson(submit, asAccount(w.head, headQualified()))
        yes(sent.first().json.contains("processing"), sent.first().json)
        yes(w.k.applicationJson(app.toULong())!!.contains("processing"), "the status is kept")
        val refused = raises<KabinetException.Command> { w.k.executeJson(submit, asAccount(w.head)) }
        yes(refused.code.isNotEmpty(), refused.code)
    }
}
