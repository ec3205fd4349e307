// search-claims: relationships whose evidence (quote or English translation) matches, best first; each
// relationship once, with the evidence that matched best. Evidence text lives in EvidenceText nodes
// (written by fragments/append-evidence); one of a relationship since merged away or deleted finds nothing.
// params: $lucene (built by server/graph/search.ts buildClaimQuery from user text; no raw input), $first,
//         $candidates, the unfiltered filter parameters
// returns: relationship (map), evidenceId, score, from (node), to (node), sources
CALL db.index.fulltext.queryNodes('evidence_search', $lucene, {limit: $candidates}) YIELD node AS text, score
MATCH (a:Entity {id: text.fromId})-[r]->(b:Entity {id: text.toId})
WHERE type(r) = text.type AND r.deleted = false AND a.deleted = false AND b.deleted = false
  AND text.evidenceId IN r.evidenceIds
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
