"""Powers of attorney on :class:`kabinet.Kabinet`: typed commands and queries.

The commands build the documented JSON form and go through
:meth:`Kabinet.execute`; the queries build theirs and go through
:meth:`Kabinet.query`. A power's number is a UUID (``str``); a new one is
drawn with :func:`uuid.uuid4` when not given (the library draws no
randomness itself).
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union, cast

from . import _kabinet
from ._kabinet import Context, TrustStore, _Kabinet

Representative = Union[int, Dict[str, Any]]
"""An account number, or ``{"kind": "person", "snils": ..., "inn": ..., "acting_for": {...}}``."""

Classifier = Union[str, Mapping[str, Iterable[str]]]
"""A table from classifier codes of powers (``КодПолн``) to rights' codes:
a mapping, or its JSON text. An empty list marks a code that gives nothing."""

Powers = Union[str, Iterable[str]]
"""Rights' codes, or a level preset: ``basic``, ``operational``, ``administrative``."""


def _time(at: Optional[datetime]) -> Optional[str]:
    if at is None:
        return None
    if at.tzinfo is None:
        raise ValueError("the time has no time zone")
    return at.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def _representative(r: Representative) -> Dict[str, Any]:
    if isinstance(r, bool):
        raise TypeError("a representative is an account number or a dict")
    if isinstance(r, int):
        return {"kind": "account", "account": r}
    return dict(r)


def _powers(p: Powers) -> List[str]:
    if isinstance(p, str):
        return _kabinet.power_level_rights(p)
    return list(p)


def _terms(
    number: Optional[str],
    representative: Representative,
    powers: Powers,
    valid_from: Optional[datetime],
    valid_until: Optional[datetime],
    redelegation: str,
    internal_number: Optional[str],
) -> Dict[str, Any]:
    terms: Dict[str, Any] = {
        "number": number or str(uuid.uuid4()),
        "representative": _representative(representative),
        "powers": _powers(powers),
        "redelegation": redelegation,
    }
    if valid_from is not None:
        terms["valid_from"] = _time(valid_from)
    if valid_until is not None:
        terms["valid_until"] = _time(valid_until)
    if internal_number is not None:
        terms["internal_number"] = internal_number
    return terms


class PowersMixin(_Kabinet):
    """Powers of attorney (доверенности, МЧД)."""

    def issue_power(
        self,
        context: Context,
        org: int,
        representative: Representative,
        powers: Powers,
        *,
        number: Optional[str] = None,
        valid_from: Optional[datetime] = None,
        valid_until: Optional[datetime] = None,
        redelegation: str = "none",
        internal_number: Optional[str] = None,
        irrevocable: bool = False,
    ) -> str:
        """Issues a power for ``org`` (a holder of ``powers_of_attorney.edit``);
        returns its number. ``redelegation`` is ``none``, ``once`` or ``successive``;
        ``valid_until`` defaults to one year after the start."""
        terms = _terms(number, representative, powers, valid_from, valid_until, redelegation, internal_number)
        self.execute({"command": "issue_power", "org": org, "terms": terms, "irrevocable": irrevocable}, context)
        return str(terms["number"])

    def redelegate_power(
        self,
        context: Context,
        parent: str,
        representative: Representative,
        powers: Powers,
        *,
        number: Optional[str] = None,
        valid_from: Optional[datetime] = None,
        valid_until: Optional[datetime] = None,
        redelegation: str = "none",
        internal_number: Optional[str] = None,
    ) -> str:
        """Passes a power on (передоверие) as its representative; returns the new number."""
        terms = _terms(number, representative, powers, valid_from, valid_until, redelegation, internal_number)
        self.execute({"command": "redelegate_power", "parent": parent, "terms": terms}, context)
        return str(terms["number"])

    def revoke_power(self, context: Context, number: str, ground: Optional[str] = None) -> List[Dict[str, Any]]:
        """Revokes a power and everything re-delegated from it (a ground is
        required for an irrevocable one)."""
        return self.execute({"command": "revoke_power", "number": number, "ground": ground}, context)

    def refuse_power(self, context: Context, number: str) -> List[Dict[str, Any]]:
        """The representative refuses a power."""
        return self.execute({"command": "refuse_power", "number": number}, context)

    def import_power(self, power: Union[str, Dict[str, Any]], *, at: Optional[datetime] = None) -> str:
        """Registers a power issued elsewhere: МЧД JSON text, or a power in its
        JSON form. Returns its number."""
        parsed = self.read_mchd(power) if isinstance(power, str) else dict(power)
        self.execute({"command": "import_power", "power": parsed}, Context.system(at))
        return str(parsed["number"])

    def fns_power_evidence(
        self,
        xml: bytes,
        signature: bytes,
        store: TrustStore,
        classifier: Classifier,
        at: Optional[datetime] = None,
        *,
        revocation: str = "require",
        anchor_policy: str = "certificate",
        profile: str = "strict",
    ) -> Dict[str, Any]:
        """Verifies an FNS power (EMCHD_1 XML and its detached signature) at
        ``at`` and reads it as evidence through the classifier table, without
        registering it: ``mchd`` (for :meth:`import_power` or
        :meth:`submit_organization_by_power`), ``granted``, ``unmapped``,
        ``restricted`` (codes that give nothing), ``text_powers``,
        ``registry_url``. Raises ``MchdError`` (``mchd_evidence.*``) or
        ``CmsError``."""
        if isinstance(classifier, str):
            table = classifier
        else:
            table = json.dumps({str(code): list(rights) for code, rights in classifier.items()})
        return _kabinet._fns_power_evidence(
            self,
            xml,
            signature,
            store,
            table,
            at,
            revocation=revocation,
            anchor_policy=anchor_policy,
            profile=profile,
        )

    def import_fns_power(
        self,
        xml: bytes,
        signature: bytes,
        store: TrustStore,
        classifier: Classifier,
        at: Optional[datetime] = None,
        *,
        revocation: str = "require",
        anchor_policy: str = "certificate",
        profile: str = "strict",
    ) -> Dict[str, Any]:
        """:meth:`fns_power_evidence`, then registers the power at ``at``;
        returns the evidence."""
        evidence = self.fns_power_evidence(
            xml,
            signature,
            store,
            classifier,
            at,
            revocation=revocation,
            anchor_policy=anchor_policy,
            profile=profile,
        )
        self.import_power(json.dumps(evidence["mchd"], ensure_ascii=False), at=at)
        return evidence

    def read_mchd(self, text: str) -> Dict[str, Any]:
        """Reads МЧД JSON text into a power (its JSON form) without registering it."""
        return cast(Dict[str, Any], self.query({"query": "import_power", "text": text}))

    def export_power(self, number: str) -> str:
        """A power as МЧД JSON text."""
        return cast(str, self.query({"query": "export_power", "power": number}))

    def enter_by_power(self, actor: int, number: str, at: Optional[datetime] = None) -> Dict[str, Any]:
        """Entering as a representative by a power's number: the organization,
        the powers, their end and the chain; raises the refusal otherwise."""
        return cast(Dict[str, Any], self.query({"query": "enter_by_power", "account": actor, "power": number}, at))

    def verify_power(self, number: str, at: Optional[datetime] = None) -> Dict[str, Any]:
        """The chain behind a power checked at ``at``; raises the refusal naming
        the failing link."""
        return cast(Dict[str, Any], self.query({"query": "verify_power", "power": number}, at))

    def power(self, number: str) -> Optional[Dict[str, Any]]:
        """A power in its JSON form, or ``None``."""
        return cast(Optional[Dict[str, Any]], self.query({"query": "power", "power": number}))

    def power_count(self) -> int:
        """How many powers the directory holds."""
        return cast(int, self.query({"query": "power_count"}))

    def powers_of_representative(self, account: int) -> List[Dict[str, Any]]:
        """The powers an account receives (directly or by its СНИЛС/ИНН)."""
        return cast(List[Dict[str, Any]], self.query({"query": "powers_of_representative", "account": account}))

    def powers_held_from(self, org: int, account: int, at: Optional[datetime] = None) -> List[Dict[str, Any]]:
        """The powers from ``org`` an account holds that have not ended at
        ``at`` (now by default): dismissal does not end them."""
        return cast(
            List[Dict[str, Any]],
            self.query({"query": "powers_held_from", "organization": org, "account": account}, at),
        )

    def powers_issued_by(self, org: int) -> List[Dict[str, Any]]:
        """The powers an organization gave, in issue order."""
        return cast(List[Dict[str, Any]], self.query({"query": "powers_issued_by", "organization": org}))

    def powers_expiring_within(
        self, org: Optional[int], days: int, at: Optional[datetime] = None
    ) -> List[Dict[str, Any]]:
        """The powers working at ``at`` that end within ``days`` days, earliest first."""
        return cast(
            List[Dict[str, Any]],
            self.query({"query": "powers_expiring_within", "organization": org, "days": days}, at),
        )

    def power_chain(self, number: str) -> List[Dict[str, Any]]:
        """The chain behind a power, from the first power down to it."""
        return cast(List[Dict[str, Any]], self.query({"query": "power_chain", "power": number}))

    def powers_redelegated_from(self, number: str) -> List[Dict[str, Any]]:
        """The powers passed on directly from a power."""
        return cast(List[Dict[str, Any]], self.query({"query": "powers_redelegated_from", "power": number}))

    def rights_through_powers(self, actor: int, org: int, at: Optional[datetime] = None) -> List[str]:
        """The rights ``actor`` holds for ``org`` through powers of attorney alone."""
        return cast(
            List[str],
            self.query({"query": "rights_through_powers", "account": actor, "organization": org}, at),
        )
