"""The package against a real, seeded Linkage (the curated Zuckerberg-in-Seoul graph)."""

from __future__ import annotations

import re

import networkx as nx
import pytest

from linkage import GraphWidget, Linkage, LinkageError
from linkage.widget import BUNDLE

EVIDENCE_COLUMNS = ["quote", "translation", "attributedTo", "certainty", "occurredAt", "publishedAt", "source", "reliability"]


def test_search_finds_korean_and_english_names(linkage):
    korean = linkage.search("저커버그").nodes
    assert korean.iloc[0]["id"] == "mark-zuckerberg"
    assert {"score", "matchedField", "snippet", "nameKo"} <= set(korean.columns)
    assert "samsung-electronics" in set(linkage.search("Samsung", kinds=["Organization"]).nodes.id)


def test_neighborhood_frames_carry_the_evidence(linkage):
    samsung = linkage.neighborhood("samsung-electronics", depth=1)
    assert samsung.truncated is False and samsung.totalNodes >= len(samsung.nodes)
    assert samsung.nodes.iloc[0]["id"] == "samsung-electronics"
    evidence = samsung.evidence
    for column in EVIDENCE_COLUMNS:
        assert column in evidence.columns
    supply = evidence[evidence.claim == "Samsung Electronics → MAY_SUPPLY → Meta"]
    assert supply.quote.str.contains("짐작된다").any()
    assert (supply.certainty == "SPECULATIVE").all()
    assert supply.publishedAt.notna().all() and supply.source.notna().all()
    # Every relationship's evidence is in the frame, and every relationship in the relationships frame.
    assert len(evidence) == sum(len(r["evidence"]) for r in samsung.relationship_records)
    assert set(samsung.relationships.id) == set(evidence.relationshipId)


def test_filters_narrow_the_neighborhood(linkage):
    everything = linkage.neighborhood("samsung-electronics")
    confirmed = linkage.neighborhood("samsung-electronics", minCertainty="CONFIRMED")
    assert len(confirmed.relationships) < len(everything.relationships)
    assert set(confirmed.relationships.certainty) == {"CONFIRMED"}


def test_to_networkx_is_a_multidigraph_with_every_attribute(linkage):
    g = linkage.neighborhood("mark-zuckerberg", depth=2).to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert g.nodes["mark-zuckerberg"]["nameKo"] == "마크 저커버그"
    key, data = next((k, d) for _, _, k, d in g.edges("mark-zuckerberg", keys=True, data=True))
    assert key == data["id"] and data["evidence"] and "quote" in data["evidence"][0]


def test_paths_lists_each_path_in_order(linkage):
    found = linkage.paths("mark-zuckerberg", "samsung-electronics", max_length=3)
    assert found.paths and found.paths[0][0] == "mark-zuckerberg" and found.paths[0][-1] == "samsung-electronics"
    assert set(found.path_relationships[0]) <= set(found.relationships.id)
    assert not found.evidence.empty


def test_timeline_in_time_order(linkage):
    items = linkage.timeline("2024-01-01", "2024-12-31").items
    assert not items.empty
    assert list(items["from"]) == sorted(items["from"])
    assert {"entity", "relationship"} & set(items.element)


def test_errors_carry_the_server_code(linkage):
    with pytest.raises(LinkageError) as empty:
        linkage.search("   ")
    assert empty.value.code == "BAD_USER_INPUT" and "search text is empty" in str(empty.value)
    with pytest.raises(LinkageError) as unknown:
        linkage.neighborhood("nobody-at-all")
    assert unknown.value.code == "NOT_FOUND"
    with pytest.raises(LinkageError) as deep:
        linkage.neighborhood("meta", depth=9)
    assert deep.value.code == "BAD_USER_INPUT"
    with pytest.raises(LinkageError) as export:
        linkage.download("gexf", ids="nobody-at-all", progress=False)
    assert export.value.code == "NOT_FOUND"


def test_unreachable_server_is_said_plainly():
    with pytest.raises(LinkageError) as down:
        Linkage("http://127.0.0.1:9").stats()
    assert down.value.code is None and "cannot reach Linkage at http://127.0.0.1:9" in str(down.value)


def test_whole_graph_download_shows_progress_sized_from_stats(linkage, capsys):
    stats = linkage.stats()
    whole = linkage.graph()
    assert len(whole.nodes) == stats["entities"] and len(whole.relationships) == stats["relationships"]
    total = stats["entities"] + stats["relationships"]
    assert f"{total}/{total}" in capsys.readouterr().err
    assert len(whole.evidence) == stats["evidence"]


def test_export_download_shows_progress(linkage, tmp_path, capsys):
    stats = linkage.stats()
    path = linkage.download("nodes.csv", tmp_path / "nodes.csv")
    assert path.read_text(encoding="utf-8").count("\n") == stats["entities"] + 1
    assert f"{stats['entities']}/{stats['entities']}" in capsys.readouterr().err


def test_widget_expands_through_the_client(linkage):
    view = linkage.widget(linkage.neighborhood("lg-electronics", limit=5))
    before = {n["id"] for n in view.nodes}
    # The module is the bundled file itself: nothing to fetch (no URL in it at all).
    assert view._esm == BUNDLE.read_text(encoding="utf-8") and "as default" in view._esm
    assert "https://" not in view._esm and not re.search(r"""from\s*["']https?:""", view._esm)
    # The browser sends {"type": "expand", "id": …} on a double-click: the same path as this message.
    view._on_message(view, {"type": "expand", "id": "mark-zuckerberg"}, [])
    after = {n["id"] for n in view.nodes}
    assert after > before and "expanded mark-zuckerberg" in view.status
    assert {r["id"] for r in view.relationships} >= {r["id"] for r in view.graph.relationship_records}
    view._on_message(view, {"type": "expand", "id": "nobody-at-all"}, [])
    assert view.status.startswith("could not expand: NOT_FOUND")


def test_a_widget_without_client_cannot_expand(linkage):
    view = GraphWidget(linkage.neighborhood("meta", limit=3))
    assert view.can_expand is False
    with pytest.raises(LinkageError):
        view.expand("meta")


def test_gexf_is_dynamic_with_parallel_edges_kept_by_kind(linkage, tmp_path):
    import xml.etree.ElementTree as ET

    stats = linkage.stats()
    path = linkage.download("gexf", tmp_path / "graph.gexf", progress=False)
    g = nx.read_gexf(path)
    assert g.graph["mode"] == "dynamic" and isinstance(g, nx.MultiDiGraph)
    assert g.number_of_edges() == stats["relationships"]
    # Spells from event time: a range keeps both ends, a month spans the month, undated has none.
    assert g.nodes["zuckerberg-seoul-visit-2024"]["start"] == "2024-02-27"
    assert g.nodes["zuckerberg-seoul-visit-2024"]["end"] == "2024-02-29"
    attend = g.edges["mark-zuckerberg", "ambani-pre-wedding-festivities-2024", "mark-zuckerberg:PLANS_TO_ATTEND:ambani-pre-wedding-festivities-2024"]
    assert (attend["start"], attend["end"]) == ("2024-03-01", "2024-03-03")
    assert "start" not in g.nodes["samsung-electronics"]
    # Samsung → Meta has three relationships of different types: all kept, each with its kind.
    assert g.number_of_edges("samsung-electronics", "meta") == 3
    ns = {"g": "http://www.gexf.net/1.2draft"}
    edges = ET.parse(path).getroot().findall(".//g:edge[@source='samsung-electronics'][@target='meta']", ns)
    assert sorted(e.get("kind") for e in edges) == sorted(
        d["relationshipType"] for d in g.get_edge_data("samsung-electronics", "meta").values()
    )
    assert ET.parse(path).getroot().find("g:graph", ns).get("timeformat") == "date"
