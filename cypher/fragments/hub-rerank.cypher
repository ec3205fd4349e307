// hub-rerank (clauses): ranks afresh (hub-rank) each entity of `hubs` that has a list or has more than 300
// relationships (hub-refresh says why), for writes that change too many pairs at once to move entries one by
// one (merge, unmerge) and for imports, which rank once per transaction. Expects: hubs (list of entity nodes).
CALL (hubs) {
  UNWIND hubs AS h
  WITH DISTINCT h
  WITH h WHERE h IS NOT NULL AND (EXISTS { MATCH (:HubNeighbours {id: h.id}) } OR COUNT { (h)--() } > 300)
  // @include hub-rank
  WITH h
  MATCH (list:HubNeighbours {id: h.id})
  REMOVE list.fresh
}
