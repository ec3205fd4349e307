"""Linkage for analysts: `Linkage(url, token)` reads the graph into DataFrames with evidence and
networkx graphs, and `GraphWidget` draws it in the notebook, offline.

    from linkage import Linkage
    linkage = Linkage()                       # $LINKAGE_URL or http://127.0.0.1:4000, $LINKAGE_TOKEN
    samsung = linkage.neighborhood("samsung-electronics", depth=2)
    samsung.evidence                          # quote, translation, attributedTo, certainty, dates, source
    linkage.widget(samsung)                   # click for evidence, double-click to expand
    proposal = linkage.propose(text, title=…, publisher=…, published_at="2024-03-19")   # editor token
    linkage.accept(proposal, proposal.claims[proposal.claims.confidence >= 0.7])
"""

from .client import EXPORT_FORMATS, Linkage
from .errors import LinkageError
from .ingest import Accepted, Proposal
from .results import Graph

__all__ = ["EXPORT_FORMATS", "Accepted", "Graph", "GraphWidget", "Linkage", "LinkageError", "Proposal"]


def __getattr__(name: str):
    # The widget pulls in ipywidgets; load it only when asked for.
    if name == "GraphWidget":
        from .widget import GraphWidget

        return GraphWidget
    raise AttributeError(name)
