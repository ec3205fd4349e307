"""Ingest from Python against a real, seeded Linkage: propose an article, read its proposed entities and
claims as DataFrames, accept some, reject others; every refusal is a LinkageError with the server's code
and writes nothing."""

from __future__ import annotations

import re

import pytest

from linkage import Accepted, LinkageError, Proposal

# Written for these tests (not from any publication). Meta, LG Electronics and Cho Joo-wan are in the seed;
# Orbit Optics is not.
ARTICLE = (
    "LG Electronics partners with Orbit Optics on XR lenses\n\n"
    "LG Electronics said on Monday it partners with Orbit Optics to design lenses for XR headsets. "
    "Meta may buy the lenses for its Quest headsets, people familiar with the matter said. "
    "LG Electronics CEO Cho Joo-wan visited Orbit Optics last week, the company said."
)
SOURCE = {"title": "LG Electronics partners with Orbit Optics on XR lenses", "publisher": "Python Test Wire", "published_at": "2024-03-20"}


def claim(proposal: Proposal, type_: str, to: str, said: str):
    claims = proposal.claims
    rows = claims[(claims.type == type_) & (claims.to == to) & claims.quote.str.contains(said, regex=False)]
    assert len(rows) == 1, proposal.claims[["from", "type", "to"]].to_string()
    return rows.iloc[0]


def test_propose_gives_entities_and_claims_as_frames(editor):
    proposal = editor.propose(ARTICLE, **SOURCE)
    assert isinstance(proposal, Proposal) and proposal.status == "PENDING" and proposal.language == "en"
    entities = proposal.entities.set_index("key")
    assert entities.loc["lg-electronics", "linked"] and entities.loc["lg-electronics", "entityId"] == "lg-electronics"
    orbit = proposal.entities[proposal.entities.name == "Orbit Optics"].iloc[0]
    assert not orbit.linked and orbit.entityId is None and orbit.kind == "Organization"
    for _, e in proposal.entities.iterrows():
        assert all(proposal.text[s:t] for s, t in e.spans) and e.mentions == len(e.spans)
    assert orbit.firstMention == "Orbit Optics"

    claims = proposal.claims
    assert {"quote", "start", "end", "certainty", "cue", "attributedTo", "occurredAt", "fromEntityId", "toEntityId"} <= set(claims.columns)
    for _, c in claims.iterrows():
        assert proposal.text[c.start : c.end] == c.quote
    partners = claim(proposal, "PARTNERS_WITH", "Orbit Optics", "said on Monday")
    assert partners["from"] == "LG Electronics" and partners.fromEntityId == "lg-electronics" and partners.toEntityId is None
    assert partners.certainty == "CONFIRMED" and partners.occurredAt == "2024-03-18"  # "on Monday" before 2024-03-20
    # "Meta may buy …" is hedged; "its Quest headsets" in the same sentence is background, stated as fact.
    hedged = claims[(claims["from"] == "Meta") & (claims.cue == "may")]
    assert not hedged.empty and set(hedged.certainty) == {"SPECULATIVE"}
    assert re.fullmatch(rf"<linkage.Proposal {proposal.id} PENDING: \d+ entities \(\d+ linked, \d+ new\), {len(claims)} claims>", repr(proposal))


def test_accept_some_claims_writes_only_those(editor, linkage):
    proposal = editor.propose(ARTICLE, **SOURCE)
    chosen = proposal.claims[proposal.claims.id == claim(proposal, "PARTNERS_WITH", "Orbit Optics", "said on Monday").id]
    before = linkage.stats()
    accepted = editor.accept(proposal, chosen)
    assert isinstance(accepted, Accepted)
    assert (accepted.created_entities, accepted.created_relationships, accepted.added_evidence) == (1, 1, 1)
    assert accepted.proposal.status == "ACCEPTED"
    statuses = accepted.proposal.claims.set_index("id").status
    assert statuses[chosen.iloc[0].id] == "ACCEPTED" and (statuses.drop(chosen.iloc[0].id) == "REJECTED").all()
    after = linkage.stats()
    assert after["entities"] == before["entities"] + 1 and after["relationships"] == before["relationships"] + 1
    # The accepted quote is evidence in the graph, from the article's source.
    orbit_id = accepted.proposal.entities.set_index("name").loc["Orbit Optics", "entityId"]
    evidence = linkage.neighborhood(orbit_id).evidence
    assert chosen.iloc[0].quote in set(evidence.quote) and set(evidence.source) == {"Python Test Wire"}

    # Accepting it again is refused and writes nothing.
    with pytest.raises(LinkageError) as again:
        editor.accept(proposal)
    assert again.value.code == "CONFLICT" and "already accepted" in again.value.message
    assert linkage.stats()["evidence"] == after["evidence"]


def test_accept_links_a_proposed_entity_to_an_existing_one(editor, linkage):
    text = "Orbit Lenses supplies Meta with pancake lenses, the company said."
    proposal = editor.propose(text, title="Orbit Lenses supplies Meta", publisher="Python Test Wire", published_at="2024-03-21")
    new = proposal.entities[~proposal.entities.linked]
    assert "Orbit Lenses" in set(new.name), proposal.entities.to_string()
    key = new.set_index("name").loc["Orbit Lenses", "key"]
    accepted = editor.accept(proposal, entities={key: "lg-electronics"})
    assert accepted.created_entities == 0
    linked = accepted.proposal.entities.set_index("key").loc[key]
    assert linked.linked and linked.entityId == "lg-electronics"
    supplies = linkage.neighborhood("lg-electronics", relationshipTypes=["SUPPLIES"]).evidence
    assert text in set(supplies.quote)


def test_reject_writes_nothing(editor, linkage):
    before = linkage.stats()
    proposal = editor.propose(ARTICLE, **SOURCE)
    rejected = editor.reject(proposal)
    assert rejected.status == "REJECTED" and set(rejected.claims.status) == {"REJECTED"}
    assert editor.proposal(proposal.id).status == "REJECTED"
    assert linkage.stats() == before


def test_spans_index_python_strings_even_past_astral_characters(editor):
    # JavaScript counts 🚀 as two code units, Python as one character: the frames use Python indices.
    text = "🚀 LG Electronics said on Tuesday it partners with Orbit Optics on XR lenses."
    proposal = editor.propose(text, title="t", publisher="Python Test Wire", published_at="2024-03-20", language="en")
    assert not proposal.claims.empty
    for _, c in proposal.claims.iterrows():
        assert text[c.start : c.end] == c.quote
    lg = proposal.entities.set_index("key").loc["lg-electronics"]
    assert [text[s:t] for s, t in lg.spans] == ["LG Electronics"]
    editor.reject(proposal)


def test_bad_input_raises_with_the_code_and_writes_nothing(editor, linkage):
    before = linkage.stats()
    pending = len(editor.proposals("PENDING", first=200))
    with pytest.raises(LinkageError) as empty:
        editor.propose("   ", **SOURCE)
    assert empty.value.code == "BAD_USER_INPUT"
    with pytest.raises(LinkageError) as date:
        editor.propose(ARTICLE, title="t", publisher="p", published_at="2024-13-45")
    assert date.value.code == "BAD_USER_INPUT" and "2024-13-45" in date.value.message
    with pytest.raises(LinkageError) as language:
        editor.propose("Dies ist ein Artikel über Halbleiter und die Industrie.", title="t", publisher="p", published_at="2024-03-20", language="de")
    assert language.value.code == "BAD_USER_INPUT"
    with pytest.raises(LinkageError) as anonymous:
        linkage.propose(ARTICLE, **SOURCE)  # no editor token
    assert anonymous.value.code == "UNAUTHENTICATED"
    with pytest.raises(LinkageError) as missing:
        editor.proposal("proposal-that-does-not-exist")
    assert missing.value.code == "NOT_FOUND"

    proposal = editor.propose(ARTICLE, **SOURCE)
    with pytest.raises(LinkageError) as unknown:
        editor.accept(proposal, ["no-such-claim"])
    assert unknown.value.code == "BAD_USER_INPUT" and "no-such-claim" in unknown.value.message
    with pytest.raises(LinkageError) as none:
        editor.accept(proposal, [])
    assert none.value.code == "BAD_USER_INPUT"
    with pytest.raises(LinkageError) as frame:
        editor.accept(proposal, proposal.claims[["quote"]])
    assert frame.value.code == "BAD_USER_INPUT" and "id column" in frame.value.message
    with pytest.raises(LinkageError) as link:
        editor.accept(proposal, entities={proposal.entities.key.iloc[0]: "nobody-at-all"})
    assert link.value.code == "NOT_FOUND"
    with pytest.raises(LinkageError) as decision:
        editor.accept(proposal, entities={proposal.entities.key.iloc[0]: 42})
    assert decision.value.code == "BAD_USER_INPUT"
    assert editor.proposal(proposal.id).status == "PENDING"
    assert linkage.stats() == before
    assert [p.id for p in editor.proposals("PENDING", first=200)][0] == proposal.id
    assert len(editor.proposals("PENDING", first=200)) == pending + 1
    with pytest.raises(LinkageError) as status:
        editor.proposals("DONE")
    assert status.value.code == "BAD_USER_INPUT"
    editor.reject(proposal)
