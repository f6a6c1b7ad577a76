// Storage and the journal: an SQLite file, a PostgreSQL database, batches, checkpoints, reading,
// verifying, replaying and exporting.

import kabinet.*
import kabinet.core.*
import java.nio.file.Files

fun dbPath(): String = Files.createTempDirectory("kabinet-kt").resolve("kabinet.db").toString()

// An empty database on the PostgreSQL server ./scripts/test starts
// (KABINET_TEST_POSTGRES); fails, never skips, when it is not there.
fun freshPostgres(name: String): String {
    val server = System.getenv("KABINET_TEST_POSTGRES")
        ?: throw AssertionError("KABINET_TEST_POSTGRES is not set: run ./scripts/test, which starts a PostgreSQL server")
    val db = "kt_${name}_${java.util.UUID.randomUUID().toString().replace("-", "").take(12)}"
    val psql = ProcessBuilder("psql", server, "-v", "ON_ERROR_STOP=1", "-qc", "CREATE DATABASE $db").inheritIO().start()
    eq(psql.waitFor(), 0)
    return server.substringBeforeLast('/') + "/" + db
}

fun journalTests() {
    test("journal: checkpoints and proofs; an audited opening refuses a foreign key") {
        val path = dbPath()
        val key = newCheckpointKey()
        val public = checkpointPublicKey(key)
        val k = Kabinet.openAudited(path, key)
        person(k, "Грефов", "112-233-445 95", HEAD_INN, "head@example.ru")
        person(k, "Сотрудник", "001-001-998 00")
        k.checkpoint()
        val checkpoint = k.signCheckpoint(key, T0)
        yes(checkpoint.contains("\"key\":\"$public\""), "signed with the key: $checkpoint")
        val proof = k.proveEntry(1uL, null)
        checkProof(proof, checkpoint, public)
        val changed = proof.replace("head@example.ru", "evil@example.ru")
        eq(codeOf(raises<KabinetException.Storage> { checkProof(changed, checkpoint, null) }), "proof.root_mismatch")
        eq(codeOf(raises<KabinetException.Storage> { k.proveEntry(99uL, null) }), "proof.out_of_range")
        val ok = k.verifyAgainstCheckpoints(listOf(checkpoint), public)
        yes(ok.valid && ok.head == k.journalHead(), "the journal extends its checkpoint")
        val forged = checkpoint.replace("\"size\":${k.journalHead().seq}", "\"size\":1")
        val refused = k.verifyAgainstCheckpoints(listOf(forged), null)
        eq(refused.broken?.code, "checkpoint.bad_signature")
        val before = k.journalHead()
        k.destroy()
        // the same file, reopened with the key: the snapshot is vouched for
        val again = Kabinet.openAudited(path, key)
        eq(again.journalHead(), before)
        again.destroy()
        // another key does not vouch for the checkpoints stored in the file
        eq(codeOf(raises<KabinetException.Storage> { Kabinet.openAudited(path, newCheckpointKey()) }), "checkpoint.untrusted_key")
    }

    test("journal: a file opened with a policy decides under it") {
        val k = Kabinet.open(dbPath(), policyJson = ONE_CUSTOM_ROLE)
        secondCustomRoleRefused(k)
        k.destroy()
        val audited = Kabinet.openAudited(dbPath(), newCheckpointKey(), policyJson = ONE_CUSTOM_ROLE, maxStalenessMs = 50uL)
        secondCustomRoleRefused(audited)
        audited.destroy()
        eq(codeOf(raises<KabinetException> { Kabinet.open(dbPath(), policyJson = "{}") }), "policy.malformed")
    }

    test("journal: an SQLite file keeps the directory across openings") {
        val path = dbPath()
        val k = Kabinet.open(path)
        val head = person(k, "Грефов", "112-233-445 95", HEAD_INN, "head@example.ru")
        val org = k.submitOrganization(asAccount(head), OrganizationKind.LegalEntity, draft())
        k.consultRegistry(org, registry(), T0)
        k.checkpoint()
        val h = k.journalHead()
        yes(h.seq >= 4uL, "journaled: ${h.seq}")
        eq(h.hash.length, 64)
        k.destroy()
        val again = Kabinet.open(path)
        eq(again.journalHead(), h)
        yes(again.check(head, org, "organization.edit", T0, null).refusals.map { it.code } == listOf("access.signature_too_weak"), "state restored")
        eq(again.organization(org)!!.inn, COMPANY_INN)
        val v = again.verifyJournal()
        yes(v.valid && v.broken == null, "verified")
        eq(v.head, h)
        yes(again.replayJournal(), "replay equals the live directory")
        again.destroy()
        eq(codeOf(raises<KabinetException.Storage> { Kabinet.open("/nonexistent/dir/k.db") }).startsWith("store."), true)
    }

    test("journal: handles on one file see each other; backups stand alone") {
        val path = dbPath()
        val a = Kabinet.open(path)
        val head = person(a, "Грефов", "112-233-445 95", HEAD_INN, "head@example.ru")
        val b = Kabinet.open(path)
        val lazy = Kabinet.open(path, 3_600_000uL)
        eq(lazy.journalHead(), a.journalHead())
        person(a, "Сотрудник", "001-001-998 00")
        eq(b.journalHead(), a.journalHead())
        eq(b.checkPositioned(head, 1uL, "users.manage", T0, null).seq, a.journalHead().seq)
        yes(lazy.journalHead().seq < a.journalHead().seq, "an hour of staleness allowed: not asked again yet")
        person(b, "Второй", "002-002-002 24")
        eq(a.journalHead(), b.journalHead())
        yes(a.verifyJournal().valid, "one chain")
        val copy = java.io.File(path).resolveSibling("backup.db").path
        a.backup(copy)
        val restored = Kabinet.open(copy)
        eq(restored.journalHead(), a.journalHead())
        eq(codeOf(raises<KabinetException.Storage> { a.backup(copy) }), "store.database")
        eq(codeOf(raises<KabinetException.Storage> { Kabinet().backup(copy + "2") }), "store.unsupported")
        a.foldLog()
        eq(restored.account(head)!!.surname, "Грефов")
        listOf(a, b, lazy, restored).forEach { it.destroy() }
    }

    test("journal: refused commands are journaled; filters and exports") {
        val w = World()
        val outsider = person(w.k, "Чужов", "001-001-997 00")
        raises<KabinetException.Command> { w.k.createCustomRole(asAccount(outsider), w.org, "Роль", listOf("payments.view")) }
        val all = w.k.journal(JournalFilter(null, null, null, null, null))
        eq(all.map { it.seq }, (1uL..all.size.toULong()).toList())
        eq(all.first().prev, "0".repeat(64))
        val mine = w.k.journal(JournalFilter(outsider, null, null, null, null))
        eq(mine.size, 1)
        eq(mine.single().result, "access.denied")
        eq(mine.single().organization, w.org)
        eq(mine.single().events, listOf<Event>())
        val registered = w.k.journal(JournalFilter(null, null, "register_account", null, null))
        eq(registered.size, 2)
        yes(registered.all { it.actor == null && it.result == "applied" }, "the portal registered them")
        eq(w.k.journal(JournalFilter(null, null, null, null, T0)).size, 0)
        val csv = w.k.journalCsv(JournalFilter(null, null, null, null, null)).lines().filter { it.isNotEmpty() }
        yes(csv.first().startsWith("seq,at,actor"), csv.first())
        eq(csv.size, all.size + 1)
        val jsonl = w.k.journalJsonLines(JournalFilter(null, w.org, null, null, null)).lines().filter { it.isNotEmpty() }
        yes(jsonl.isNotEmpty() && jsonl.all { it.startsWith("{") }, "json lines")
    }

    test("journal: reading it needs journal.view") {
        val w = World()
        val obs = person(w.k, "Смотров", "001-001-997 00")
        w.hire(obs, listOf(builtIn("observer")))
        val e = raises<KabinetException.Access> {
            w.k.journalAs(obs, w.org, T0, simpleSignature(), JournalFilter(null, null, null, null, null))
        }
        yes(e.refusals.isNotEmpty(), "refusals listed")
        val own = w.k.journalAs(w.head, w.org, T0, headQualified(), JournalFilter(null, null, null, null, null))
        yes(own.isNotEmpty() && own.all { it.organization == w.org }, "the organization's entries")
    }

    test("journal: a batch decides each command on the state before it") {
        val w = World()
        val ctx = asAccount(w.head)
        val create = """{"command":"create_custom_role","org":${w.org},"name":"Платежи","rights":["payments.view"]}"""
        val before = w.k.journalHead().seq
        val out = w.k.executeBatch(listOf(BatchCommand(create, ctx), BatchCommand(create, asAccount(999uL))))
        eq(out.size, 2)
        yes(out[0].applied && out[0].events.isNotEmpty(), "first applied")
        yes(!out[1].applied && out[1].code != null, "second refused: ${out[1]}")
        eq(w.k.journalHead().seq, before + 2uL)
        eq(codeOf(raises<KabinetException.InvalidInput> { w.k.executeBatch(listOf(BatchCommand("{}", ctx))) }), "command.malformed")
        eq(w.k.journalHead().seq, before + 2uL)
    }

    test("journal: a PostgreSQL database is opened by URL and shared") {
        val url = freshPostgres("open")
        val a = Kabinet.open(url)
        val head = person(a, "Грефов", "112-233-445 95", HEAD_INN, "head@example.ru")
        val b = Kabinet.open(url)
        eq(b.journalHead(), a.journalHead())
        person(b, "Сотрудник", "001-001-998 00")
        eq(a.journalHead(), b.journalHead())
        yes(a.verifyJournal().valid, "one chain")
        a.destroy()
        b.destroy()
        val again = Kabinet.open(url)
        eq(again.account(head)!!.surname, "Грефов")
        eq(codeOf(raises<KabinetException.Storage> { again.backup("unused.db") }), "store.unsupported")
        again.destroy()
        val refused = raises<KabinetException.Storage> { Kabinet.open("postgresql://kabinet:s3cret@127.0.0.1:1/none?connect_timeout=2") }
        eq(codeOf(refused), "store.database")
        yes(!refused.toString().contains("s3cret"), "no password in ${refused}")
    }
}
