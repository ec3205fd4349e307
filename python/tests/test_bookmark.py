"""Read-your-writes from Python (issue 19): the answer to a write carries a Linkage-Bookmark header, and
the same `Linkage` client sends the newest one back with every later request, so its reads wait until the
database, a cluster follower too, has that write."""

from __future__ import annotations

import os

import pytest

from linkage import Linkage
from linkage.client import BOOKMARK_HEADER

# Written for this test (not from any publication).
ARTICLE = (
    "Samsung Electronics tests a new memory line\n\n"
    "Samsung Electronics said on Tuesday it tests a new memory line for data centres, the company said."
)
SOURCE = {"title": "Samsung Electronics tests a new memory line", "publisher": "Bookmark Test Wire", "published_at": "2024-04-02"}


class Recorder:
    """What each request of a client sent, and what each answer brought back, in order."""

    def __init__(self, client: Linkage):
        self.sent: list[str | None] = []
        self.received: list[str | None] = []
        # After the client's own hooks, so it sees the request as it leaves.
        client._http.event_hooks["request"].append(lambda request: self.sent.append(request.headers.get(BOOKMARK_HEADER)))
        client._http.event_hooks["response"].append(lambda response: self.received.append(response.headers.get(BOOKMARK_HEADER)))


@pytest.fixture
def fresh_editor(editor):
    """A new client with the editor token: no bookmark yet."""
    with Linkage(editor.url, os.environ["LINKAGE_EDITOR_TOKEN"]) as client:
        yield client


def test_a_write_bookmark_goes_with_the_next_requests(fresh_editor):
    recorder = Recorder(fresh_editor)
    fresh_editor.search("Samsung")
    assert recorder.sent == [None] and recorder.received == [None]  # reads carry none and get none

    proposal = fresh_editor.propose(ARTICLE, **SOURCE)
    written = recorder.received[-1]
    assert written, "the answer to a write carries a bookmark"
    assert recorder.sent[-1] is None  # the write itself went before any bookmark existed

    # The read after the write sends that bookmark, and sees the write.
    assert fresh_editor.proposal(proposal.id).status == "PENDING"
    assert recorder.sent[-1] == written
    fresh_editor.search("Samsung")
    assert recorder.sent[-1] == written  # kept for every later request, reads do not replace it

    # A second write replaces it with its own (which includes the first).
    fresh_editor.reject(proposal)
    second = recorder.received[-1]
    assert second and second != written
    assert fresh_editor.proposal(proposal.id).status == "REJECTED"
    assert recorder.sent[-1] == second


def test_exports_carry_the_bookmark_too(fresh_editor, tmp_path):
    recorder = Recorder(fresh_editor)
    proposal = fresh_editor.propose(ARTICLE, **SOURCE)
    written = recorder.received[-1]
    fresh_editor.download("nodes.csv", tmp_path / "nodes.csv", progress=False)
    assert recorder.sent[-1] == written
    fresh_editor.reject(proposal)


def test_a_reader_that_never_wrote_sends_no_bookmark(linkage):
    with Linkage(linkage.url) as client:
        recorder = Recorder(client)
        client.search("Meta")
        client.neighborhood("meta")
        assert recorder.sent == [None, None]
