"""What the client's reads return: a `Graph` of entities and relationships with their evidence, seen as
pandas DataFrames (`.nodes`, `.relationships`, `.evidence`) or as a networkx MultiDiGraph.

Records keep the API's camelCase field names, so a column is called what the GraphQL field is called.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, Iterable

import networkx as nx
import pandas as pd

NODE_COLUMNS = ["id", "kind", "name", "nameKo", "aliases", "description", "occurredAt", "properties"]
RELATIONSHIP_COLUMNS = [
    "id",
    "from",
    "type",
    "to",
    "certainty",
    "occurredAt",
    "evidenceCount",
    "sourceCount",
    "disputed",
    "fromId",
    "toId",
    "properties",
]
EVIDENCE_COLUMNS = [
    "claim",
    "certainty",
    "stance",
    "quote",
    "translation",
    "attributedTo",
    "occurredAt",
    "publishedAt",
    "source",
    "reliability",
    "reliabilityReason",
    "sourceTitle",
    "sourceId",
    "url",
    "relationshipId",
    "relationshipType",
    "fromId",
    "toId",
    "evidenceId",
]


def _source_label(source: dict) -> str | None:
    return source.get("publisher") or source.get("title")


class Graph:
    """Entities and relationships (each relationship with its evidence), as the API returned them.

    `entities` and `relationship_records` are lists of dicts shaped like the GraphQL types; `meta` holds
    what the operation said about the answer (truncated, totalNodes, …). Graphs combine with `|`.
    """

    def __init__(
        self,
        entities: Iterable[dict] = (),
        relationships: Iterable[dict] = (),
        meta: dict[str, Any] | None = None,
        extra_node_columns: Iterable[str] = (),
    ):
        self.entities: list[dict] = list({e["id"]: e for e in entities}.values())
        self.relationship_records: list[dict] = list({r["id"]: r for r in relationships}.values())
        self.meta: dict[str, Any] = dict(meta or {})
        self._extra_node_columns = list(extra_node_columns)

    def __repr__(self) -> str:
        return f"<linkage.Graph: {len(self.entities)} entities, {len(self.relationship_records)} relationships>"

    def __len__(self) -> int:
        return len(self.entities)

    def __or__(self, other: "Graph") -> "Graph":
        """Both graphs together; an entity or relationship present in both is taken from `other`."""
        return Graph(
            [*self.entities, *other.entities],
            [*self.relationship_records, *other.relationship_records],
            {**self.meta, **other.meta},
        )

    def __getattr__(self, name: str) -> Any:
        meta = self.__dict__.get("meta", {})
        if name in meta:
            return meta[name]
        raise AttributeError(name)

    @cached_property
    def _names(self) -> dict[str, str]:
        return {e["id"]: e["name"] for e in self.entities}

    def _name(self, entity_id: str) -> str:
        return self._names.get(entity_id, entity_id)

    def claim(self, relationship: dict) -> str:
        """"Samsung Electronics → MAY_SUPPLY → Meta"."""
        return f'{self._name(relationship["fromId"])} → {relationship["type"]} → {self._name(relationship["toId"])}'

    @cached_property
    def nodes(self) -> pd.DataFrame:
        """One row per entity (aliases as a list, properties as a dict)."""
        columns = NODE_COLUMNS + [c for c in self._extra_node_columns if c not in NODE_COLUMNS]
        rows = [{c: e.get(c) for c in columns} for e in self.entities]
        return pd.DataFrame(rows, columns=columns)

    @cached_property
    def relationships(self) -> pd.DataFrame:
        """One row per relationship, with the names of both ends and how much evidence backs it."""
        rows = []
        for r in self.relationship_records:
            evidence = r.get("evidence") or []
            sources = {(e.get("source") or {}).get("id") for e in evidence} - {None}
            rows.append(
                {
                    **{c: r.get(c) for c in RELATIONSHIP_COLUMNS},
                    "from": self._name(r["fromId"]),
                    "to": self._name(r["toId"]),
                    "evidenceCount": len(evidence),
                    "sourceCount": r.get("sourceCount", len(sources)),
                    "disputed": r.get(
                        "disputed", len({e.get("stance") for e in evidence if e.get("stance")}) > 1
                    ),
                }
            )
        return pd.DataFrame(rows, columns=RELATIONSHIP_COLUMNS)

    @cached_property
    def evidence(self) -> pd.DataFrame:
        """One row per piece of evidence: the claim, its quote and translation, who makes it, how sure it
        is, when it happened (`occurredAt`, event time) and when it was reported (`publishedAt`, report
        time), and the source with its reliability."""
        rows = []
        for r in self.relationship_records:
            for e in r.get("evidence") or []:
                source = e.get("source") or {}
                rows.append(
                    {
                        "claim": self.claim(r),
                        "certainty": e.get("certainty"),
                        "stance": e.get("stance"),
                        "quote": e.get("quote"),
                        "translation": e.get("translation"),
                        "attributedTo": e.get("attributedTo"),
                        "occurredAt": e.get("occurredAt") or r.get("occurredAt"),
                        "publishedAt": source.get("publishedAt"),
                        "source": _source_label(source),
                        "reliability": source.get("reliability"),
                        "reliabilityReason": source.get("reliabilityReason"),
                        "sourceTitle": source.get("title"),
                        "sourceId": source.get("id"),
                        "url": source.get("url"),
                        "relationshipId": r["id"],
                        "relationshipType": r["type"],
                        "fromId": r["fromId"],
                        "toId": r["toId"],
                        "evidenceId": e.get("id"),
                    }
                )
        return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)

    def to_networkx(self) -> nx.MultiDiGraph:
        """A MultiDiGraph: one node per entity and one edge per relationship (keyed by its id, so two
        relationships between the same pair stay apart), each with every field as an attribute; edges
        carry their evidence as a list of dicts."""
        graph = nx.MultiDiGraph(**{k: v for k, v in self.meta.items() if not isinstance(v, (list, dict))})
        for e in self.entities:
            graph.add_node(e["id"], **{k: v for k, v in e.items() if k != "id"}, label=e["name"])
        for r in self.relationship_records:
            for end in (r["fromId"], r["toId"]):
                if end not in graph:
                    graph.add_node(end, label=end)
            attributes = {k: v for k, v in r.items() if k not in ("fromId", "toId")}
            graph.add_edge(r["fromId"], r["toId"], key=r["id"], **attributes)
        return graph
