// timeline: events and dated relationships overlapping a window, in time order. With $clock = 'PUBLISHED'
// the relationships are placed at the publication dates of the sources that report them.
// params: $from, $to (YYYY-MM-DD or null), $clock ('OCCURRED' | 'PUBLISHED'), $first
// returns: from, to, entity (node or null), relationship (map or null), sources
CALL () {
  MATCH (n:Entity)
  WHERE $clock = 'OCCURRED' AND n.occurredFrom IS NOT NULL AND n.deleted = false
    AND ($from IS NULL OR n.occurredTo >= $from) AND ($to IS NULL OR n.occurredFrom <= $to)
  RETURN n.occurredFrom AS from, n.occurredTo AS to, n AS entity, null AS relationship
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE $clock = 'OCCURRED' AND r.occurredFrom IS NOT NULL AND r.deleted = false
    AND a.deleted = false AND b.deleted = false
    AND ($from IS NULL OR r.occurredTo >= $from) AND ($to IS NULL OR r.occurredFrom <= $to)
  RETURN r.occurredFrom AS from, r.occurredTo AS to, null AS entity,
    r {.*, type: type(r), fromId: a.id, toId: b.id} AS relationship
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE $clock = 'PUBLISHED' AND r.deleted = false AND a.deleted = false AND b.deleted = false
  UNWIND r.publishedDates AS published
  WITH a, r, b, published
  WHERE ($from IS NULL OR published >= $from) AND ($to IS NULL OR published <= $to)
  RETURN published AS from, published AS to, null AS entity,
    r {.*, type: type(r), fromId: a.id, toId: b.id} AS relationship
}
WITH from, to, entity, relationship
ORDER BY from, to, coalesce(entity.id, relationship.id)
LIMIT $first
WITH collect({from: from, to: to, entity: entity, relationship: relationship}) AS items
CALL (items) {
  UNWIND items AS item
  UNWIND coalesce(item.relationship.sourceIds, []) AS sourceId
  WITH DISTINCT sourceId
  MATCH (s:Source {id: sourceId})
  RETURN collect(s) AS sources
}
RETURN items, sources
