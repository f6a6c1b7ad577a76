// Notifications and applications through the typed methods: preferences,
// notices routed to the outbox, due by the sending hours, reported sent;
// reminders; documents checked by content, submissions returned with what
// they lack, the agency's statuses and comments. And the generic JSON
// entry point, which stays.

import kabinet.*
import kabinet.core.*

fun pdf() = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".toByteArray()

const val MAX_DOC = 10_000_000uL

fun notificationsApplicationsTests() {
    test("executeJson: any command in its JSON form, refusals coded") {
        val w = World()
        val cmd = """{"command":"auth","auth_command":"use_totp_step","account":${w.head},"step":1}"""
        eq(w.k.executeJson(cmd, systemContext(T0)).single().kind, "auth")
        val e = raises<KabinetException.Command> { w.k.executeJson(cmd, systemContext(T0)) }
        eq(e.code, "otp.replayed")
        yes(e.messageRu.isNotEmpty() && e.messageEn.isNotEmpty(), e.code)
    }

    test("notifications: preferences default, are set and read back, bad hours are refused") {
        val w = World()
        val d = w.k.notificationPreferences(w.head)
        eq(d.channels, listOf(NotificationChannel.EMAIL, NotificationChannel.PUSH))
        eq(d.categories.size, NotificationCategory.entries.size)
        eq(d.categories.size, 11)
        eq(d.minImportance, Importance.NORMAL)
        eq(d.hours, null)
        val mine = NotificationPreferences(listOf(NotificationChannel.EMAIL), listOf(NotificationCategory.STATUS_CHANGED),
            Importance.HIGH, SendingHours(9u, 18u, 180))
        eq(w.k.setNotificationPreferences(asAccount(w.head), w.head, mine).single().kind, "notification")
        eq(w.k.notificationPreferences(w.head), mine)
        eq(codeOf(raises<KabinetException.Command> {
            w.k.setNotificationPreferences(asAccount(w.head), w.head, mine.copy(hours = SendingHours(9u, 9u, 0)))
        }), "notification.bad_hours")
    }

    test("notifications: a notice waits for the sending hours, then moves to the history") {
        val w = World()
        w.k.setNotificationPreferences(asAccount(w.head), w.head, NotificationPreferences(
            listOf(NotificationChannel.EMAIL), listOf(NotificationCategory.STATUS_CHANGED), Importance.NORMAL,
            SendingHours(9u, 18u, 180)))
        val evening = java.time.Instant.parse("2026-03-02T17:00:00Z") // 20:00 in Moscow
        val notice = Notice(NotificationCategory.STATUS_CHANGED, Importance.NORMAL, w.head, w.org,
            Audience(true, false, false), "ЗВ-1-000001", evening)
        eq(w.k.notify(notice.copy(importance = Importance.LOW), evening), listOf<Delivery>())
        val queued = w.k.notify(notice, evening).single()
        eq(queued.recipient, w.head)
        eq(queued.channel, NotificationChannel.EMAIL)
        eq(queued.reference, "ЗВ-1-000001")
        eq(queued.notBefore, java.time.Instant.parse("2026-03-03T06:00:00Z"))
        fun mine(list: List<Delivery>) = list.filter { it.reference == "ЗВ-1-000001" }
        eq(mine(w.k.outbox()), listOf(queued))
        eq(mine(w.k.dueNotifications(evening)), listOf<Delivery>())
        eq(mine(w.k.dueNotifications(queued.notBefore)), listOf(queued))
        w.k.markSent(queued.id, queued.notBefore)
        eq(mine(w.k.outbox()), listOf<Delivery>())
        eq(w.k.notificationHistory(), listOf(SentDelivery(queued, queued.notBefore)))
        eq(codeOf(raises<KabinetException.Command> { w.k.markSent(queued.id, evening) }), "notification.delivery_not_found")
        eq(codeOf(raises<KabinetException.Command> { w.k.notify(notice.copy(reference = "x".repeat(201)), evening) }),
            "notification.reference_too_long")
    }

    test("notifications: reminders for certificates and powers ending soon") {
        val soon = CertificateExpiry("01ab", 7uL, null, T0.plusSeconds(86_400L * 10))
        val late = CertificateExpiry("02cd", 7uL, null, T0.plusSeconds(86_400L * 90))
        val r = certificateReminders(listOf(soon, late), T0, 30L).single()
        eq(r.category, NotificationCategory.CERTIFICATE_EXPIRING)
        eq(r.reference, "01ab")
        eq(r.person, 7uL)
        eq(r.at, soon.notAfter)
        val w = World()
        val rep = person(w.k, "Доверенов", "001-001-997 00", email = "rep@example.ru")
        w.k.issuePower(asAccount(w.head, headQualified()), w.org,
            terms(P1, rep, listOf("organization.view"), until = T0.plusSeconds(86_400L * 5)), false)
        val p = w.k.powerOfAttorneyReminders(w.org, T0, 30u).single()
        eq(p.category, NotificationCategory.POWER_OF_ATTORNEY_EXPIRING)
        eq(p.reference, P1)
        eq(p.org, w.org)
        eq(w.k.powerOfAttorneyReminders(w.org, T0, 2u), listOf<Notice>())
        yes(w.k.notify(p, T0).any { it.recipient == rep }, "the representative is told")
    }

    test("applications: documents are recognized by content") {
        val d = inspectDocument(pdf(), pdf().size.toULong(), 1_000_000uL)
        eq(d.format, DocumentFormat.PDF)
        eq(d.size, pdf().size.toULong())
        eq(d.sha256?.length, 64)
        eq(sniffDocument(pdf(), 1_000uL), DocumentFormat.PDF)
        eq(codeOf(raises<KabinetException.InvalidInput> { inspectDocument(pdf(), 2_000_000uL, 1_000_000uL) }), "document.too_large")
        eq(codeOf(raises<KabinetException.InvalidInput> { sniffDocument("MZ\u0000\u0001".toByteArray(), 4uL) }),
            "document.unrecognized_content")
        eq(World().k.applicationsOf(1uL), listOf<Application>())
    }

    test("applications: a submission returns with what it lacks, then goes") {
        val w = World()
        val me = asAccount(w.head)
        val signed = asAccount(w.head, headQualified())
        val app = w.k.createApplication(me, w.org, "registration_change", "Изменение сведений")
        w.k.attachDocument(me, app, "form", "form.pdf", pdf(), SignatureLevel.SIMPLE, MAX_DOC)
        val returned = w.k.submitApplication(signed, app)
        yes(!returned.sent, "returned")
        eq(returned.missing.toSet(), setOf(
            Missing.Signature("form", SignatureLevel.QUALIFIED, SignatureLevel.SIMPLE),
            Missing.Document("charter"),
        ))
        w.k.attachDocument(me, app, "form", "form-2.pdf", pdf(), SignatureLevel.QUALIFIED, MAX_DOC)
        w.k.attachDocument(me, app, "charter", "charter.pdf", pdf(), null, MAX_DOC)
        eq(codeOf(raises<KabinetException.InvalidInput> {
            w.k.attachDocument(me, app, "charter", "charter.pdf", pdf(), null, 10uL)
        }), "document.too_large")
        val sent = w.k.submitApplication(signed, app)
        yes(sent.sent && sent.missing.isEmpty(), sent.toString())
        val a = w.k.application(app)!!
        eq(a.status, ApplicationStatus.PROCESSING)
        eq(a.number, "ЗВ-${w.org}-000001")
        eq(a.createdBy, w.head)
        eq(a.documents.map { it.slot }.toSet(), setOf("form", "charter"))
        val form = a.documents.single { it.slot == "form" }
        yes(form.version == 2u && form.format == DocumentFormat.PDF && form.signature == SignatureLevel.QUALIFIED, form.toString())
        eq(a.replaced.single().fileName, "form.pdf")
        eq(w.k.applicationByNumber(a.number), a)
        eq(w.k.applicationsOf(w.org), listOf(a))
        eq(w.k.application(app + 100uL), null)
        eq(codeOf(raises<KabinetException.Command> { w.k.submitApplication(signed, app) }), "application.wrong_status")
    }

    test("applications: the agency asks for confirmation, the organization confirms, comments are kept") {
        val w = World()
        val me = asAccount(w.head)
        val signed = asAccount(w.head, headQualified())
        val app = w.k.createApplication(me, w.org, "report", "Отчёт за квартал")
        w.k.attachDocument(me, app, "form", "report.pdf", pdf(), SignatureLevel.QUALIFIED, MAX_DOC)
        yes(w.k.submitApplication(signed, app).sent, "sent")
        w.k.setApplicationStatus(app, ApplicationStatus.AWAITING_CONFIRMATION, "подтвердите сведения", T0)
        w.k.confirmApplication(signed, app)
        w.k.setApplicationStatus(app, ApplicationStatus.APPROVED, null, T0)
        w.k.commentApplication(me, app, "Спасибо")
        val a = w.k.application(app)!!
        eq(a.status, ApplicationStatus.APPROVED)
        eq(a.history.map { it.status }, listOf(ApplicationStatus.DRAFT, ApplicationStatus.PROCESSING,
            ApplicationStatus.AWAITING_CONFIRMATION, ApplicationStatus.PROCESSING, ApplicationStatus.APPROVED))
        eq(a.history[2].by, Actor.System)
        eq(a.history[2].comment, "подтвердите сведения")
        eq(a.history[3].by, Actor.Account(w.head))
        eq(a.comments.single().by, Actor.Account(w.head))
        eq(a.comments.single().text, "Спасибо")
        eq(codeOf(raises<KabinetException.Command> {
            w.k.setApplicationStatus(app, ApplicationStatus.REJECTED, null, T0)
        }), "application.wrong_status")
        eq(codeOf(raises<KabinetException.Command> { w.k.createApplication(me, w.org, "no_such_kind", "x") }),
            "application.unknown_kind")
    }
}
