// hub-rank (clause): ranks every neighbour of entity h afresh, as find-neighborhood's first hop ranks them
// unfiltered (live relationship, live neighbour other than h; strongest certaintyRank, then most recent
// occurredTo, then id), and stores the first 2000 (the largest $limit the API allows) with the count of all
// of them on h's HubNeighbours node. `fresh` marks a list ranked in this statement, so hub-refresh applies
// no change to it twice; hub-refresh-done clears it. Reads every relationship of h: incremental writes
// (hub-refresh) call it only when a listed entry falls out of a full list. Expects: h.
CALL (h) {
  OPTIONAL MATCH (h)-[r]-(b:Entity) WHERE r.deleted = false AND b.deleted = false AND b <> h
  WITH h, b, max(r.certaintyRank) AS rank, max(coalesce(r.occurredTo, '')) AS recent
  ORDER BY rank DESC, recent DESC, b.id
  WITH h, collect(CASE WHEN b IS NOT NULL THEN {id: b.id, rank: rank, recent: recent} END) AS ranked
  WITH h, ranked, ranked[..2000] AS top
  MERGE (list:HubNeighbours {id: h.id})
  SET list.count = size(ranked), list.ids = [e IN top | e.id], list.ranks = [e IN top | e.rank],
    list.recents = [e IN top | e.recent], list.fresh = true
}
