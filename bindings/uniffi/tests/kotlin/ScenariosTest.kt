// The shared scenarios of tests/scenarios (their format is in its README),
// run through the Kotlin binding: executeJson with commands in their JSON
// form, check, effectiveRights and queryJson. Rust and Python run the same files.

import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import com.google.gson.JsonPrimitive
import kabinet.*
import kabinet.core.*
import java.io.File
import java.time.Instant

val SCENARIOS = File(System.getenv("KABINET_SCENARIOS") ?: "tests/scenarios")

fun readObject(file: File): JsonObject = JsonParser.parseString(file.readText()).asJsonObject

fun refuseUnknown(what: String, obj: JsonObject, vararg known: String) {
    val unknown = obj.keySet() - known.toSet()
    yes(unknown.isEmpty(), "$what: unknown keys $unknown")
}

/** Merges `overrides` into `base`, object by object. */
fun merge(base: JsonElement?, overrides: JsonElement): JsonElement {
    if (base !is JsonObject || overrides !is JsonObject) return overrides
    val out = base.deepCopy()
    for ((k, v) in overrides.entrySet()) out.add(k, merge(base.get(k), v))
    return out
}

/** The steps of a scenario, those of its givens first. */
fun stepsOf(scenario: JsonObject): List<JsonObject> {
    val given = scenario.get("given")?.asString?.let { name ->
        val g = readObject(File(SCENARIOS, "given/$name.json"))
        refuseUnknown(name, g, "title", "given", "steps")
        stepsOf(g)
    } ?: emptyList()
    return given + scenario.getAsJsonArray("steps").map { it.asJsonObject }
}

fun scenarioSignature(spec: JsonObject?): SignatureEvidence {
    if (spec == null) return simpleSignature()
    refuseUnknown("signature", spec, "level", "snils", "inn", "organization_inn", "ogrn", "ogrnip")
    fun text(k: String) = spec.get(k)?.asString
    val level = SignatureLevel.valueOf(spec.get("level").asString.uppercase())
    return signedBy(level, text("snils"), text("inn"), text("organization_inn"), text("ogrn"), text("ogrnip"))
}

class ScenarioRunner(scenario: JsonObject) {
    val k: Kabinet = Kabinet.withPolicyJson(
        merge(JsonParser.parseString(defaultPolicyJson()), scenario.get("policy") ?: JsonObject()).toString())
    val names = HashMap<String, ULong>()
    val at: Instant = Instant.parse(scenario.get("at").asString)

    fun id(name: String): ULong = names[name] ?: throw AssertionError("unbound name $name")

    /** Replaces every "$name" string by the number bound to `name`. */
    fun resolve(v: JsonElement): JsonElement = when {
        v is JsonPrimitive && v.isString && v.asString.startsWith("$") -> JsonPrimitive(id(v.asString.drop(1)).toLong())
        v is JsonArray -> JsonArray().also { out -> v.forEach { out.add(resolve(it)) } }
        v is JsonObject -> JsonObject().also { out -> v.entrySet().forEach { (key, x) -> out.add(key, resolve(x)) } }
        else -> v
    }

    fun whenOf(step: JsonObject): Instant = step.get("at")?.let { Instant.parse(it.asString) } ?: at

    fun run(step: JsonObject) {
        refuseUnknown("run step", step, "run", "as", "at", "signature", "bind", "error", "events")
        val command = resolve(step.get("run")).toString()
        val who = step.get("as").asString
        val ctx = Context(
            actor = if (who == "system") Actor.System else Actor.Account(id(who)), at = whenOf(step),
            signature = scenarioSignature(step.getAsJsonObject("signature")), ip = null)
        step.get("error")?.let { code ->
            eq(codeOf(raises<KabinetException> { k.executeJson(command, ctx) }), code.asString, command)
            return
        }
        val events = k.executeJson(command, ctx)
        step.getAsJsonArray("events")?.let { kinds -> eq(events.map { it.kind }, kinds.map { it.asString }, command) }
        step.getAsJsonObject("bind")?.entrySet()?.forEach { (name, path) ->
            val parts = path.asString.split(".")
            val event = events.firstOrNull { it.kind == parts[0] } ?: throw AssertionError("$command: no ${parts[0]}")
            var value: JsonElement = JsonParser.parseString(event.json)
            for (field in parts.drop(1)) value = value.asJsonObject.get(field)
            names[name] = value.asLong.toULong()
        }
    }

    fun check(step: JsonObject) {
        refuseUnknown("check step", step, "check", "allowed", "refusals", "basis", "role")
        val ask = step.getAsJsonObject("check")
        refuseUnknown("check", ask, "actor", "org", "right", "at", "signature")
        val d = k.check(id(ask.get("actor").asString), id(ask.get("org").asString), ask.get("right").asString,
            whenOf(ask), scenarioSignature(ask.getAsJsonObject("signature")))
        eq(d.allowed, step.get("allowed").asBoolean, "$ask allowed")
        step.getAsJsonArray("refusals")?.let { codes -> eq(d.refusals.map { it.code }, codes.map { it.asString }, "$ask") }
        step.get("basis")?.let { basis ->
            val kind = when (d.basis) {
                is Basis.Head -> "head"
                is Basis.Role -> "role"
                is Basis.Grant -> "grant"
                is Basis.PowerOfAttorney -> "power_of_attorney"
                null -> null
            }
            eq(kind, basis.asString, "$ask basis")
        }
        step.get("role")?.let { role ->
            val name = role.asString
            val expected = if (name.startsWith("$")) RoleRef.Custom(id(name.drop(1))) else builtIn(name)
            eq((d.basis as? Basis.Role)?.v1, expected, "$ask role")
        }
    }

    fun rights(step: JsonObject) {
        refuseUnknown("rights step", step, "rights", "expect")
        val ask = step.getAsJsonObject("rights")
        refuseUnknown("rights", ask, "actor", "org", "at")
        val held = k.effectiveRights(id(ask.get("actor").asString), id(ask.get("org").asString), whenOf(ask)).map { it.right }
        val expect = step.get("expect")
        val expected = if (expect.isJsonPrimitive && expect.asString == "all") rights().map { it.code }
        else expect.asJsonArray.map { it.asString }
        eq(held, expected, "$ask")
    }

    fun query(step: JsonObject) {
        refuseUnknown("query step", step, "query", "at", "pick", "expect", "error")
        val query = resolve(step.get("query")).toString()
        step.get("error")?.let { code ->
            eq(codeOf(raises<KabinetException> { k.queryJson(query, whenOf(step)) }), code.asString, query)
            return
        }
        val answer = JsonParser.parseString(k.queryJson(query, whenOf(step)))
        val got = step.get("pick")?.let { pick(answer, it.asString) } ?: answer
        eq(got, resolve(step.get("expect")), query)
    }
}

/** What a dotted path names in a value; applied to each item of a list. */
fun pick(value: JsonElement, path: String): JsonElement =
    if (value is JsonArray) JsonArray().also { out -> value.forEach { out.add(pick(it, path)) } }
    else path.split(".").fold(value) { v, key -> (v as? JsonObject)?.get(key) ?: com.google.gson.JsonNull.INSTANCE }

fun scenarioTests() {
    val files = SCENARIOS.listFiles { f -> f.name.endsWith(".json") }?.sortedBy { it.name } ?: emptyList()
    test("the shared scenarios are there") { yes(files.size >= 15, "the shared scenarios are missing under $SCENARIOS") }
    for (file in files) {
        test("shared scenario: ${file.nameWithoutExtension}") {
            val scenario = readObject(file)
            refuseUnknown(file.name, scenario, "title", "domain", "given", "policy", "at", "steps")
            val runner = ScenarioRunner(scenario)
            stepsOf(scenario).forEachIndexed { i, step ->
                try {
                    when {
                        step.has("run") -> runner.run(step)
                        step.has("check") -> runner.check(step)
                        step.has("rights") -> runner.rights(step)
                        step.has("query") -> runner.query(step)
                        else -> throw AssertionError("a step of no known kind: $step")
                    }
                } catch (e: Throwable) {
                    throw AssertionError("step $i: ${e.message}", e)
                }
            }
        }
    }
}
