"""Graph → DataFrames and networkx, without a server."""

from __future__ import annotations

import pytest

from linkage import Graph, Linkage, LinkageError
from linkage.progress import ElementCounter

SOURCE_A = {"id": "a", "title": "기사", "publisher": "애플경제", "publishedAt": "2024-02-29", "reliability": "B"}
SOURCE_B = {"id": "b", "title": "Report", "publisher": "Bloomberg", "publishedAt": "2024-03-02"}


def evidence(quote, certainty, source, **extra):
    return {"id": quote, "quote": quote, "translation": f"EN {quote}", "attributedTo": source["publisher"],
            "certainty": certainty, "source": source, **extra}


GRAPH = Graph(
    [
        {"id": "samsung", "kind": "Organization", "name": "Samsung Electronics", "nameKo": "삼성전자", "aliases": ["삼성"]},
        {"id": "meta", "kind": "Organization", "name": "Meta", "nameKo": "메타", "aliases": []},
    ],
    [
        {"id": "samsung:MAY_SUPPLY:meta", "type": "MAY_SUPPLY", "fromId": "samsung", "toId": "meta",
         "certainty": "SPECULATIVE", "occurredAt": "2024-02",
         "evidence": [evidence("짐작된다", "SPECULATIVE", SOURCE_A, stance="SUPPORTS"), evidence("may supply", "REPORTED", SOURCE_B, stance="DENIES")]},
        {"id": "samsung:MET_WITH:meta", "type": "MET_WITH", "fromId": "samsung", "toId": "meta",
         "certainty": "CONFIRMED", "occurredAt": None, "evidence": [evidence("만났다", "CONFIRMED", SOURCE_A, stance="SUPPORTS")]},
    ],
)


def test_evidence_frame_has_one_row_per_evidence_with_every_column():
    frame = GRAPH.evidence
    assert len(frame) == 3
    for column in ["quote", "translation", "attributedTo", "certainty", "occurredAt", "publishedAt", "source", "reliability", "stance"]:
        assert column in frame.columns
    row = frame[frame.quote == "짐작된다"].iloc[0]
    assert row.claim == "Samsung Electronics → MAY_SUPPLY → Meta"
    assert (row.source, row.publishedAt, row.reliability, row.occurredAt) == ("애플경제", "2024-02-29", "B", "2024-02")


def test_relationships_frame_names_both_ends_and_counts_sources():
    frame = GRAPH.relationships.set_index("id")
    supply = frame.loc["samsung:MAY_SUPPLY:meta"]
    assert (supply["from"], supply["to"], supply.evidenceCount, supply.sourceCount) == ("Samsung Electronics", "Meta", 2, 2)
    # Without the server's `disputed`, evidence that both supports and denies makes a claim disputed.
    assert bool(supply.disputed) is True
    assert bool(frame.loc["samsung:MET_WITH:meta"].disputed) is False


def test_networkx_keeps_parallel_relationships_and_every_attribute():
    g = GRAPH.to_networkx()
    assert g.is_multigraph() and g.is_directed()
    assert g.number_of_edges("samsung", "meta") == 2
    edge = g.edges["samsung", "meta", "samsung:MAY_SUPPLY:meta"]
    assert edge["certainty"] == "SPECULATIVE" and len(edge["evidence"]) == 2
    assert g.nodes["samsung"]["nameKo"] == "삼성전자" and g.nodes["samsung"]["aliases"] == ["삼성"]


def test_graphs_combine_without_doubling():
    both = GRAPH | Graph([{"id": "meta", "kind": "Organization", "name": "Meta Platforms"}])
    assert len(both.entities) == 2
    assert both.nodes.set_index("id").loc["meta", "name"] == "Meta Platforms"


@pytest.mark.parametrize("size", [1, 3, 7, 64])
def test_element_counter_counts_across_chunk_boundaries(size):
    text = b'<?xml?><nodes><node id="a"/><node id="b"/></nodes><edges><edge id="x"/></edges>'
    counter = ElementCounter("gexf")
    total = sum(counter.feed(text[i : i + size]) for i in range(0, len(text), size))
    assert total == 3


def test_csv_counter_skips_the_header():
    counter = ElementCounter("nodes.csv")
    assert counter.feed(b"id,name\na,A\nb,") + counter.feed(b"B\n") == 2


def test_a_bad_filter_is_refused_before_sending():
    client = Linkage("http://127.0.0.1:9")
    with pytest.raises(LinkageError) as refused:
        client.neighborhood("meta", minCertainity="CONFIRMED")
    assert refused.value.code == "BAD_USER_INPUT" and "minCertainity" in str(refused.value)
    with pytest.raises(LinkageError) as refused:
        client.neighborhood("meta", minCertainty="SURE")
    assert refused.value.code == "BAD_USER_INPUT"
    with pytest.raises(LinkageError):
        client.export_url("pdf")
