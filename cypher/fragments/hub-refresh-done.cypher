// hub-refresh-done (clause): clears the `fresh` marks hub-rank left on the lists ranked in this statement.
// Expects: touched (hub-refresh).
CALL (touched) {
  UNWIND touched AS t
  WITH DISTINCT t.hub AS h WHERE h IS NOT NULL
  MATCH (list:HubNeighbours {id: h.id}) WHERE list.fresh IS NOT NULL
  REMOVE list.fresh
}
