"""What proposing an article returns: a `Proposal` whose proposed entities and claims are pandas DataFrames,
and what accepting it wrote (`Accepted`).

The server gives spans as JavaScript (UTF-16) string indices; here they are converted to Python string
indices, so `proposal.text[start:end]` is the quote or the mention, whatever characters the text holds.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import pandas as pd

ENTITY_COLUMNS = ["key", "name", "nameKo", "kind", "linked", "entityId", "mentions", "firstMention", "spans", "confidence"]
CLAIM_COLUMNS = [
    "id",
    "from",
    "type",
    "to",
    "certainty",
    "cue",
    "attributedTo",
    "occurredAt",
    "quote",
    "start",
    "end",
    "confidence",
    "status",
    "translation",
    "fromKey",
    "toKey",
    "fromEntityId",
    "toEntityId",
]


def _python_index(text: str):
    """Maps a UTF-16 index into `text` to its Python (code point) index."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda i: i
    starts: list[int] = []  # UTF-16 index of each code point
    at = 0
    for c in text:
        starts.append(at)
        at += 2 if ord(c) >= 0x10000 else 1
    starts.append(at)
    positions = {u: p for p, u in enumerate(starts)}
    return lambda i: positions[i]


class Proposal:
    """What Linkage read from one article, stored for review; nothing is in the graph until it is accepted.

    `.entities`: one row per proposed entity: linked to an existing one (`linked`, `entityId`) or new
    (`entityId` None), with its mentions' spans. `.claims`: one row per proposed relationship with its
    verbatim quote (the sentence) and span, certainty and the cue it was read from, who it is attributed
    to, and its event date. Pass rows of `.claims` (or their ids) to `Linkage.accept`.
    """

    def __init__(self, record: dict[str, Any]):
        self.record = record
        self.id: str = record["id"]
        self.status: str = record["status"]
        self.text: str = record["text"]
        self.format: str = record["format"]
        self.language: str = record["language"]
        self.source: dict[str, Any] = record["source"]
        self._index = _python_index(self.text)

    def __repr__(self) -> str:
        linked = sum(1 for e in self.record["entities"] if e.get("entity"))
        new = len(self.record["entities"]) - linked
        return (
            f"<linkage.Proposal {self.id} {self.status}: {len(self.record['entities'])} entities "
            f"({linked} linked, {new} new), {len(self.record['claims'])} claims>"
        )

    def _span(self, span: dict[str, int]) -> tuple[int, int]:
        return self._index(span["start"]), self._index(span["end"])

    @cached_property
    def _entities_by_key(self) -> dict[str, dict[str, Any]]:
        return {e["key"]: e for e in self.record["entities"]}

    @cached_property
    def entities(self) -> pd.DataFrame:
        """One row per proposed entity, in order of first mention."""
        rows = []
        for e in self.record["entities"]:
            spans = [self._span(m) for m in e["mentions"]]
            linked = e.get("entity")
            rows.append(
                {
                    "key": e["key"],
                    "name": e["name"],
                    "nameKo": e.get("nameKo"),
                    "kind": e["kind"],
                    "linked": linked is not None,
                    "entityId": linked["id"] if linked else None,
                    "mentions": len(spans),
                    "firstMention": self.text[spans[0][0] : spans[0][1]] if spans else None,
                    "spans": spans,
                    "confidence": e["confidence"],
                }
            )
        return pd.DataFrame(rows, columns=ENTITY_COLUMNS)

    @cached_property
    def claims(self) -> pd.DataFrame:
        """One row per proposed claim, in text order: "from → type → to" with its evidence."""
        rows = []
        for c in self.record["claims"]:
            start, end = self._span(c["span"])
            ends = {side: self._entities_by_key[c[side]["key"]] for side in ("from", "to")}
            linked = {side: (e.get("entity") or {}).get("id") for side, e in ends.items()}
            rows.append(
                {
                    "id": c["id"],
                    "from": ends["from"]["name"],
                    "type": c["type"],
                    "to": ends["to"]["name"],
                    "certainty": c["certainty"],
                    "cue": c.get("cue"),
                    "attributedTo": c["attributedTo"],
                    "occurredAt": c.get("occurredAt"),
                    "quote": c["quote"],
                    "start": start,
                    "end": end,
                    "confidence": c["confidence"],
                    "status": c["status"],
                    "translation": c.get("translation"),
                    "fromKey": ends["from"]["key"],
                    "toKey": ends["to"]["key"],
                    "fromEntityId": linked["from"],
                    "toEntityId": linked["to"],
                }
            )
        return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


class Accepted:
    """What accepting a proposal wrote, in one transaction: `created_entities`, `created_relationships`,
    `added_evidence` (a claim the graph already knew gains evidence instead of a duplicate), and the
    accepted `proposal` (its entities now linked to the entities written)."""

    def __init__(self, record: dict[str, Any]):
        self.created_entities: int = record["createdEntities"]
        self.created_relationships: int = record["createdRelationships"]
        self.added_evidence: int = record["addedEvidence"]
        self.proposal = Proposal(record["proposal"])

    def __repr__(self) -> str:
        return (
            f"<linkage.Accepted {self.proposal.id}: {self.created_entities} new entities, "
            f"{self.created_relationships} new relationships, {self.added_evidence} evidence added>"
        )
