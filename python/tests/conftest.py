"""Tests of the `linkage` package. The ones that need a running Linkage take the `linkage` fixture: it
uses $LINKAGE_URL (tests/integration/notebooks.test.ts runs this suite against a freshly seeded product).
Without LINKAGE_URL those tests fail, saying so, unless LINKAGE_SKIP_LIVE=1 asks to skip them."""

from __future__ import annotations

import os

import pytest

from linkage import Linkage


@pytest.fixture(scope="session")
def linkage():
    url = os.environ.get("LINKAGE_URL")
    if not url:
        if os.environ.get("LINKAGE_SKIP_LIVE") == "1":
            pytest.skip("LINKAGE_SKIP_LIVE=1: no running Linkage")
        pytest.fail("set LINKAGE_URL to a running, seeded Linkage (or LINKAGE_SKIP_LIVE=1 to skip these tests)")
    with Linkage(url) as client:
        yield client


@pytest.fixture(scope="session")
def editor(linkage):
    """The same Linkage with an editor token ($LINKAGE_EDITOR_TOKEN), for proposing and accepting."""
    token = os.environ.get("LINKAGE_EDITOR_TOKEN")
    if not token:
        pytest.fail("set LINKAGE_EDITOR_TOKEN (an editor token of the same Linkage) for the ingest tests")
    with Linkage(linkage.url, token) as client:
        yield client
