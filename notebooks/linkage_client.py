"""A small client for Linkage, so the notebooks stay short.

Every GraphQL operation lives in queries/<name>.graphql beside this file (a contract test checks them
against the server's schema); `run(name, variables)` sends one and returns its `data`, raising
LinkageError with the server's message and code when the API answers with errors.

Settings come from the environment:
  LINKAGE_URL         where Linkage runs (default http://127.0.0.1:4000)
  LINKAGE_TOKEN       a bearer token, only needed when the server requires tokens for reads
  LINKAGE_OUTPUT_DIR  where notebooks write pictures and downloads (default ./output)
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import requests

LINKAGE_URL = os.environ.get("LINKAGE_URL", "http://127.0.0.1:4000").rstrip("/")
QUERIES_DIR = Path(__file__).resolve().parent / "queries"
OUTPUT_DIR = Path(os.environ.get("LINKAGE_OUTPUT_DIR", "output"))
TIMEOUT_SECONDS = 60

EXPORT_FORMATS = ("graphml", "gexf", "nodes.csv", "edges.csv", "cytoscape.json", "jsonl")


class LinkageError(RuntimeError):
    """The API refused a request; the message says why and what to change."""

    def __init__(self, message: str, code: str | None = None):
        super().__init__(f"{code}: {message}" if code else message)
        self.code = code


def _headers() -> dict[str, str]:
    token = os.environ.get("LINKAGE_TOKEN")
    return {"Authorization": f"Bearer {token}"} if token else {}


def load_query(name: str) -> str:
    """The text of queries/<name>.graphql."""
    path = QUERIES_DIR / f"{name}.graphql"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in QUERIES_DIR.glob("*.graphql")))
        raise LinkageError(f'no query "{name}" in {QUERIES_DIR}; known: {known}')
    return path.read_text(encoding="utf-8")


def show_query(name: str) -> None:
    """Prints the GraphQL a notebook is about to send."""
    print(f"# queries/{name}.graphql  →  POST {LINKAGE_URL}/graphql")
    print(load_query(name))


def run(name: str, variables: dict | None = None, show: bool = False) -> dict:
    """Sends queries/<name>.graphql with `variables`; returns `data` or raises LinkageError."""
    query = load_query(name)
    if show:
        show_query(name)
    try:
        response = requests.post(
            f"{LINKAGE_URL}/graphql",
            json={"query": query, "variables": variables or {}},
            headers=_headers(),
            timeout=TIMEOUT_SECONDS,
        )
    except requests.ConnectionError as error:
        raise LinkageError(
            f"cannot reach Linkage at {LINKAGE_URL}; start it with `npm start` or set LINKAGE_URL"
        ) from error
    try:
        body = response.json()
    except ValueError as error:
        raise LinkageError(
            f"{LINKAGE_URL}/graphql answered HTTP {response.status_code} without JSON: {response.text[:200]}"
        ) from error
    errors = body.get("errors") or []
    if errors:
        first = errors[0]
        code = (first.get("extensions") or {}).get("code")
        raise LinkageError(first.get("message", "unknown error"), code)
    if response.status_code >= 400 or body.get("data") is None:
        raise LinkageError(f"HTTP {response.status_code} from {LINKAGE_URL}/graphql")
    return body["data"]


def search(text: str, first: int = 10) -> pd.DataFrame:
    """Search hits as a table: score, what matched, and the entity's names."""
    hits = run("search", {"text": text, "first": first})["search"]
    rows = [
        {
            "id": hit["entity"]["id"],
            "kind": hit["entity"]["kind"],
            "name": hit["entity"]["name"],
            "nameKo": hit["entity"]["nameKo"],
            "score": round(hit["score"], 2),
            "matchedField": hit["matchedField"],
            "snippet": hit["snippet"],
        }
        for hit in hits
    ]
    return pd.DataFrame(rows, columns=["id", "kind", "name", "nameKo", "score", "matchedField", "snippet"])


def neighborhood(ids: list[str], depth: int = 1, limit: int = 300, filter: dict | None = None) -> dict:
    """The GraphQL `neighborhood` subgraph: {nodes, relationships, truncated, totalNodes}."""
    variables = {"ids": ids, "depth": depth, "limit": limit, "filter": filter}
    return run("neighborhood", variables)["neighborhood"]


def nodes_frame(subgraph: dict) -> pd.DataFrame:
    """One row per entity."""
    nodes = pd.DataFrame(
        subgraph["nodes"],
        columns=["id", "kind", "name", "nameKo", "aliases", "description", "occurredAt"],
    )
    nodes["aliases"] = nodes["aliases"].map(lambda a: "; ".join(a) if isinstance(a, list) else a)
    return nodes


def relationships_frame(subgraph: dict) -> pd.DataFrame:
    """One row per relationship, with the names of both ends and how much evidence it has."""
    names = {n["id"]: n["name"] for n in subgraph["nodes"]}
    rows = [
        {
            "id": r["id"],
            "from": names.get(r["fromId"], r["fromId"]),
            "type": r["type"],
            "to": names.get(r["toId"], r["toId"]),
            "certainty": r["certainty"],
            "occurredAt": r["occurredAt"],
            "evidence": len(r["evidence"]),
            "fromId": r["fromId"],
            "toId": r["toId"],
        }
        for r in subgraph["relationships"]
    ]
    columns = ["id", "from", "type", "to", "certainty", "occurredAt", "evidence", "fromId", "toId"]
    return pd.DataFrame(rows, columns=columns)


def evidence_frame(subgraph: dict) -> pd.DataFrame:
    """One row per piece of evidence: the claim, its quote, translation, attribution and source."""
    names = {n["id"]: n["name"] for n in subgraph["nodes"]}
    rows = []
    for r in subgraph["relationships"]:
        claim = f'{names.get(r["fromId"], r["fromId"])} → {r["type"]} → {names.get(r["toId"], r["toId"])}'
        for e in r["evidence"]:
            rows.append(
                {
                    "claim": claim,
                    "certainty": e["certainty"],
                    "quote": e["quote"],
                    "translation": e["translation"],
                    "attributedTo": e["attributedTo"],
                    "source": e["source"]["publisher"] or e["source"]["title"],
                    "publishedAt": e["source"]["publishedAt"],
                    "relationshipId": r["id"],
                }
            )
    columns = [
        "claim",
        "certainty",
        "quote",
        "translation",
        "attributedTo",
        "source",
        "publishedAt",
        "relationshipId",
    ]
    return pd.DataFrame(rows, columns=columns)


def all_entity_ids(page_size: int = 500) -> list[str]:
    """Every live entity id, page by page."""
    ids: list[str] = []
    after = None
    while True:
        page = run("entity-ids", {"first": page_size, "after": after})["entities"]
        ids.extend(edge["node"]["id"] for edge in page["edges"])
        if not page["pageInfo"]["hasNextPage"]:
            return ids
        after = page["pageInfo"]["endCursor"]


def whole_graph(chunk: int = 100) -> dict:
    """Every live entity and relationship, as one subgraph (the neighbourhoods of all ids, merged).

    For large graphs the export endpoints are faster: see export_url().
    """
    nodes: dict[str, dict] = {}
    relationships: dict[str, dict] = {}
    ids = all_entity_ids()
    for start in range(0, len(ids), chunk):
        part = neighborhood(ids[start : start + chunk], depth=1, limit=2000)
        if part["truncated"]:
            raise LinkageError("a neighbourhood was capped at 2000 entities; use the export endpoints instead")
        nodes.update((n["id"], n) for n in part["nodes"])
        relationships.update((r["id"], r) for r in part["relationships"])
    return {"nodes": list(nodes.values()), "relationships": list(relationships.values())}


def stats(top: int = 10) -> dict:
    """Counts over the whole live graph."""
    return run("stats", {"top": top})["stats"]


def export_url(fmt: str, **params) -> str:
    """The URL of an export, e.g. export_url("nodes.csv") or export_url("graphml", ids="meta", depth=2).

    Lists may be given as Python lists: kinds=["Person", "Organization"].
    """
    if fmt not in EXPORT_FORMATS:
        raise LinkageError(f'unknown export format "{fmt}"; use one of {", ".join(EXPORT_FORMATS)}')
    query = {k: ",".join(v) if isinstance(v, (list, tuple)) else v for k, v in params.items() if v is not None}
    return f"{LINKAGE_URL}/export/{fmt}" + (f"?{urlencode(query)}" if query else "")


def download(fmt: str, path: Path | str | None = None, **params) -> Path:
    """Saves an export to a file (for Gephi, Cytoscape or later) and returns its path."""
    url = export_url(fmt, **params)
    target = Path(path) if path else OUTPUT_DIR / f"linkage-graph.{fmt}"
    target.parent.mkdir(parents=True, exist_ok=True)
    with requests.get(url, headers=_headers(), stream=True, timeout=TIMEOUT_SECONDS) as response:
        if response.status_code != 200:
            try:
                error = response.json()["error"]
                raise LinkageError(error["message"], error["code"])
            except (ValueError, KeyError):
                raise LinkageError(f"HTTP {response.status_code} from {url}") from None
        with open(target, "wb") as file:
            for block in response.iter_content(chunk_size=1 << 16):
                file.write(block)
    return target


def use_korean_font() -> str:
    """Makes matplotlib draw Korean: finds a CJK font (Debian: fonts-noto-cjk) and returns its name."""
    from matplotlib import font_manager, rcParams

    # matplotlib reads the first face of a .ttc collection, which for Debian's Noto CJK is the JP one;
    # every Noto CJK face carries the full Hangul set, so any of them draws Korean.
    preferred = (
        "Noto Sans CJK KR",
        "Noto Sans KR",
        "Noto Sans CJK JP",
        "Noto Sans CJK SC",
        "NanumGothic",
        "Noto Serif CJK KR",
        "Noto Serif CJK JP",
    )
    available = {f.name for f in font_manager.fontManager.ttflist}
    for name in preferred:
        if name in available:
            break
    else:
        candidates = sorted(
            (f for f in font_manager.findSystemFonts() if "CJK" in f or "Nanum" in f),
            key=lambda f: ("Sans" not in f and "Gothic" not in f, f),
        )
        if not candidates:
            raise LinkageError(
                "no Korean font found; install one: apt-get install -y fonts-noto-cjk (then restart the kernel)"
            )
        font_manager.fontManager.addfont(candidates[0])
        name = font_manager.FontProperties(fname=candidates[0]).get_name()
    rcParams["font.family"] = "sans-serif"
    rcParams["font.sans-serif"] = [name, *rcParams["font.sans-serif"]]
    rcParams["axes.unicode_minus"] = False
    return name
