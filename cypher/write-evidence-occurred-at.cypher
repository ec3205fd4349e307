// write-evidence-occurred-at: stores each listed relationship's or snapshot's evidence event dates as
// worded ('' when undated), index-aligned with its evidence (find-evidence-without-occurred-at).
// params: $rows (list of {elementId, snapshot, occurredAt: list of strings})
// returns: written
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE NOT row.snapshot
  MATCH ()-[r]->() WHERE elementId(r) = row.elementId
  SET r.evOccurredAt = row.occurredAt
  RETURN 1 AS one
  UNION ALL
  WITH row WHERE row.snapshot
  MATCH (s:RelSnapshot) WHERE elementId(s) = row.elementId
  SET s.evOccurredAt = row.occurredAt
  RETURN 1 AS one
}
RETURN count(*) AS written
