// search-claims: relationships whose evidence (quote or English translation) matches, best first; each
// relationship once, with the evidence that matched best. Evidence text lives in EvidenceText nodes
// (written by fragments/append-evidence); one of a relationship since merged away or deleted finds nothing.
// params: $lucene (built by server/graph/search.ts buildClaimQuery from user text; no raw input), $first,
//         $candidates, the unfiltered filter parameters
// returns: relationship (map), evidenceId, score, from (node), to (node), sources
CALL db.index.fulltext.queryNodes('evidence_search', $lucene, {limit: $candidates}) YIELD node AS text, score
MATCH (a:Entity {id: text.fromId}) WHERE a.deleted = false
MATCH (b:Entity {id: text.toId}) WHERE b.deleted = false
// With both ends bound, the relationship is found from the end with fewer relationships (Expand(Into)).
// Matched as one pattern, the planner may walk every relationship of `a` per candidate: a hub's thousands.
CALL (a, b, text) {
  MATCH (a)-[r]->(b)
  WHERE type(r) = text.type AND r.deleted = false AND text.evidenceId IN r.evidenceIds
  RETURN r
}
WITH a, r, b, text, score
ORDER BY score DESC
WITH a, r, b, collect(text.evidenceId)[0] AS evidenceId, max(score) AS score
ORDER BY score DESC, r.id
LIMIT $first
RETURN
  // @include relationship-view
  AS relationship,
  evidenceId, score, a AS from, b AS to,
  COLLECT { UNWIND r.sourceIds AS sourceId MATCH (s:Source {id: sourceId}) RETURN s } AS sources
