"""Progress bars for whole-graph downloads: the size comes from `stats()`, the progress from counting
the elements as they stream by."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tqdm.auto import tqdm

if TYPE_CHECKING:
    from .client import Linkage

# What marks one element in each export format (a node or an edge; a line for line-based formats).
_MARKERS: dict[str, tuple[bytes, ...]] = {
    "graphml": (b"<node ", b"<edge "),
    "gexf": (b"<node ", b"<edge "),
    "cytoscape.json": (b'\n{"data"',),
    "jsonl": (b"\n",),
    "nodes.csv": (b"\n",),
    "edges.csv": (b"\n",),
}


class ElementCounter:
    """Counts element markers across chunk boundaries."""

    def __init__(self, fmt: str):
        self.markers = _MARKERS[fmt]
        self.longest = max(len(m) for m in self.markers)
        self.tail = b""
        # CSV files start with a header line, which is not an element.
        self.skip = 1 if fmt.endswith(".csv") else 0

    def feed(self, block: bytes) -> int:
        data = self.tail + block
        count = sum(data.count(m) for m in self.markers)
        # Markers wholly inside the kept tail were counted already.
        keep = data[-(self.longest - 1) :] if self.longest > 1 else b""
        count -= sum(keep.count(m) for m in self.markers)
        self.tail = keep
        if self.skip and count:
            taken = min(self.skip, count)
            self.skip -= taken
            count -= taken
        return count


class _Bar:
    def __init__(self, bar: tqdm | None):
        self.bar = bar

    def __enter__(self) -> "_Bar":
        return self

    def __exit__(self, *_: object) -> None:
        if self.bar is not None:
            self.bar.close()

    def update(self, n: int) -> None:
        if self.bar is not None and n:
            self.bar.update(n)

    def close_at_done(self) -> None:
        """A filtered export holds fewer elements than stats() counted: end the bar where it stopped."""
        if self.bar is not None:
            self.bar.total = self.bar.n
            self.bar.refresh()


def expected_elements(client: "Linkage", fmt: str) -> int:
    stats = client.stats(top=1)
    if fmt == "nodes.csv":
        return stats["entities"]
    if fmt == "edges.csv":
        return stats["relationships"]
    return stats["entities"] + stats["relationships"]


def progress_bar(client: "Linkage", fmt: str, description: str, enabled: bool = True) -> _Bar:
    if not enabled:
        return _Bar(None)
    total = expected_elements(client, fmt)
    return _Bar(tqdm(total=total, desc=description, unit=" elements"))
