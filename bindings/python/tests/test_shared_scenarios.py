"""The shared scenarios of ``tests/scenarios`` (their format is in its
README), run through the Python binding: ``Kabinet.execute`` with commands in
their JSON form, ``check``, ``effective_rights`` and ``query``. Rust and Kotlin run the
same files through their APIs."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional

import pytest

import kabinet
from shared import ROOT

SCENARIOS = ROOT / "tests" / "scenarios"
FILES = sorted(SCENARIOS.glob("*.json"))


def refuse_unknown(what: str, obj: Dict[str, Any], known: Iterable[str]) -> None:
    unknown = set(obj) - set(known)
    assert not unknown, f"{what}: unknown keys {sorted(unknown)}"


def merge(base: Any, overrides: Any) -> Any:
    """Merges ``overrides`` into ``base``, object by object."""
    if isinstance(base, dict) and isinstance(overrides, dict):
        return {**base, **{k: merge(base.get(k), v) for k, v in overrides.items()}}
    return overrides


def steps_of(scenario: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The steps of a scenario, those of its givens first."""
    steps: List[Dict[str, Any]] = []
    if "given" in scenario:
        given = json.loads((SCENARIOS / "given" / f"{scenario['given']}.json").read_text("utf-8"))
        refuse_unknown(scenario["given"], given, ("title", "given", "steps"))
        steps = steps_of(given)
    own: List[Dict[str, Any]] = scenario["steps"]
    return steps + own


def signature(spec: Optional[Dict[str, str]]) -> kabinet.Signature:
    if spec is None:
        return kabinet.Signature.simple()
    refuse_unknown("signature", spec, ("level", "snils", "inn", "organization_inn", "ogrn", "ogrnip"))
    holder = {k: v for k, v in spec.items() if k != "level"}
    return kabinet.Signature(spec["level"], **holder)


class Runner:
    def __init__(self, scenario: Dict[str, Any]) -> None:
        self.k = kabinet.Kabinet(policy=merge(kabinet.default_policy(), scenario.get("policy", {})))
        self.names: Dict[str, int] = {}
        self.at = datetime.fromisoformat(scenario["at"])

    def id(self, name: str) -> int:
        assert name in self.names, f"unbound name {name!r}"
        return self.names[name]

    def resolve(self, value: Any) -> Any:
        """Replaces every ``"$name"`` string by the number bound to ``name``."""
        if isinstance(value, str) and value.startswith("$"):
            return self.id(value[1:])
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if isinstance(value, dict):
            return {k: self.resolve(v) for k, v in value.items()}
        return value

    def when(self, step: Dict[str, Any]) -> datetime:
        return datetime.fromisoformat(step["at"]) if "at" in step else self.at

    def run(self, step: Dict[str, Any]) -> None:
        refuse_unknown("run step", step, ("run", "as", "at", "signature", "bind", "error", "events"))
        command = self.resolve(step["run"])
        at, sig = self.when(step), signature(step.get("signature"))
        if step["as"] == "system":
            ctx = kabinet.Context.system(at)
        else:
            ctx = kabinet.Context.account(self.id(step["as"]), at, sig)
        if "error" in step:
            with pytest.raises(kabinet.KabinetError) as refused:
                self.k.execute(command, ctx)
            assert refused.value.code == step["error"], command
            return
        events = self.k.execute(command, ctx)
        if "events" in step:
            assert [e["event"] for e in events] == step["events"], command
        for name, path in step.get("bind", {}).items():
            kind, *fields = path.split(".")
            value: Any = next(e for e in events if e["event"] == kind)
            for field in fields:
                value = value[field]
            assert isinstance(value, int), path
            self.names[name] = value

    def check(self, step: Dict[str, Any]) -> None:
        refuse_unknown("check step", step, ("check", "allowed", "refusals", "basis", "role"))
        ask = step["check"]
        refuse_unknown("check", ask, ("actor", "org", "right", "at", "signature"))
        d = self.k.check(
            self.id(ask["actor"]), self.id(ask["org"]), ask["right"], self.when(ask), signature(ask.get("signature"))
        )
        assert d.allowed == step["allowed"], (ask, d)
        if "refusals" in step:
            assert d.refusal_codes == step["refusals"], ask
        if "basis" in step:
            assert d.basis is not None and d.basis.kind == step["basis"], (ask, d)
        if "role" in step:
            assert d.basis is not None
            role = step["role"]
            assert d.basis.role == (self.id(role[1:]) if role.startswith("$") else role), ask

    def rights(self, step: Dict[str, Any]) -> None:
        refuse_unknown("rights step", step, ("rights", "expect"))
        ask = step["rights"]
        refuse_unknown("rights", ask, ("actor", "org", "at"))
        held = [r.right for r in self.k.effective_rights(self.id(ask["actor"]), self.id(ask["org"]), self.when(ask))]
        expected = [r["code"] for r in kabinet.rights()] if step["expect"] == "all" else step["expect"]
        assert held == expected, ask

    def query(self, step: Dict[str, Any]) -> None:
        refuse_unknown("query step", step, ("query", "at", "pick", "expect", "error"))
        query = self.resolve(step["query"])
        if "error" in step:
            with pytest.raises(kabinet.KabinetError) as refused:
                self.k.query(query, self.when(step))
            assert refused.value.code == step["error"], query
            return
        answer = self.k.query(query, self.when(step))
        if "pick" in step:
            answer = pick(answer, step["pick"])
        assert answer == self.resolve(step["expect"]), query


def pick(value: Any, path: str) -> Any:
    """What a dotted path names in a value; applied to each item of a list."""
    if isinstance(value, list):
        return [pick(v, path) for v in value]
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def test_the_shared_scenarios_are_there() -> None:
    assert len(FILES) >= 15, f"the shared scenarios are missing under {SCENARIOS}"


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_a_shared_scenario_holds_in_python(path: Path) -> None:
    scenario = json.loads(path.read_text("utf-8"))
    refuse_unknown(path.name, scenario, ("title", "domain", "given", "policy", "at", "steps"))
    runner = Runner(scenario)
    for i, step in enumerate(steps_of(scenario)):
        kinds = [k for k in ("run", "check", "rights", "query") if k in step]
        assert len(kinds) == 1, f"step {i}: of no single known kind: {step}"
        try:
            getattr(runner, kinds[0])(step)
        except AssertionError as failure:
            raise AssertionError(f"{path.name} step {i}: {failure}") from failure
