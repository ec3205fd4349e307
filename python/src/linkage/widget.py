"""An offline graph widget (anywidget): the explorer's Cytoscape styling, its JavaScript bundled inside
the package (static/widget.js, built from python/widget/widget.ts and the explorer's stylesheet by
`npm test` / `npm run notebooks`), so nothing is fetched from a CDN.

Click a node or an edge to see its details and evidence beside the graph; double-click a node (or press
"Expand" in the details) to add its neighbours, fetched by the Linkage client the widget was made with.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import anywidget
import traitlets

from .errors import LinkageError
from .results import Graph

if TYPE_CHECKING:
    from .client import Linkage

BUNDLE = Path(__file__).resolve().parent / "static" / "widget.js"


def _bundle() -> str:
    if not BUNDLE.exists():
        raise LinkageError(
            f"the widget's JavaScript is not built ({BUNDLE} is missing); run `npm run notebooks` "
            "in the Linkage repository (it builds it from python/widget/widget.ts)"
        )
    return BUNDLE.read_text(encoding="utf-8")


def _node_record(entity: dict) -> dict:
    keep = ("id", "kind", "name", "nameKo", "aliases", "description", "occurredAt", "properties")
    return {k: entity.get(k) for k in keep}


class GraphWidget(anywidget.AnyWidget):
    """Draws a `Graph`. `selected` is what the analyst last clicked ({"group": "node"|"edge", "id": …})."""

    nodes = traitlets.List([]).tag(sync=True)
    relationships = traitlets.List([]).tag(sync=True)
    selected = traitlets.Dict(allow_none=True, default_value=None).tag(sync=True)
    label_mode = traitlets.Unicode("both").tag(sync=True)
    height = traitlets.Unicode("560px").tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    can_expand = traitlets.Bool(False).tag(sync=True)

    def __init__(self, graph: Graph, client: "Linkage | None" = None, expand_limit: int = 100, **kwargs: Any):
        if label_mode := kwargs.get("label_mode"):
            if label_mode not in ("both", "en", "ko"):
                raise LinkageError('label_mode: use "both", "en" or "ko"', "BAD_USER_INPUT")
        super().__init__(_esm=_bundle(), **kwargs)
        self._client = client
        self._graph = Graph()
        self.expand_limit = expand_limit
        self.can_expand = client is not None
        self.add(graph)
        self.on_msg(self._on_message)

    def __repr__(self) -> str:
        return (
            f"GraphWidget: {len(self.nodes)} entities, {len(self.relationships)} relationships "
            "(click for details and evidence, double-click to expand)"
        )

    @property
    def graph(self) -> Graph:
        """Everything the widget shows now (expansions included)."""
        return self._graph

    def add(self, graph: Graph) -> None:
        """Adds entities and relationships to the view (already shown ones are updated, not doubled)."""
        self._graph = self._graph | graph
        self.nodes = [_node_record(e) for e in self._graph.entities]
        self.relationships = list(self._graph.relationship_records)

    def expand(self, entity_id: str) -> Graph:
        """Adds `entity_id`'s neighbours (as the explorer's double-click does) and returns them."""
        if self._client is None:
            raise LinkageError("this widget has no Linkage client to expand with; make it with linkage.widget(graph)")
        part = self._client.neighborhood([entity_id], depth=1, limit=self.expand_limit)
        before = len(self._graph.entities)
        self.add(part)
        added = len(self._graph.entities) - before
        self.status = f"expanded {entity_id}: {added} new entities" + (" (capped)" if part.meta.get("truncated") else "")
        return part

    def _on_message(self, _widget: Any, content: dict, _buffers: Any) -> None:
        if not isinstance(content, dict) or content.get("type") != "expand":
            return
        try:
            self.expand(str(content.get("id")))
        except LinkageError as error:
            self.status = f"could not expand: {error}"
