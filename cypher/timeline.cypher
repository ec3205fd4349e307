// timeline: events and dated relationships overlapping a window, in time order. A relationship is placed
// by the evidence that passes the filter: with $clock = 'OCCURRED' at the span of that evidence's event
// dates, with $clock = 'PUBLISHED' at each publication date of the sources of that evidence.
// params: $from, $to (YYYY-MM-DD or null), $clock ('OCCURRED' | 'PUBLISHED'), $first, and the filter
//         parameters (server/graph/inputs.ts FilterParams; $kinds narrows the events listed)
// returns: items (list of {from, to, entity (node or null), relationship (map or null)}), sources
CALL () {
  MATCH (n:Entity)
  WHERE $clock = 'OCCURRED' AND n.occurredFrom IS NOT NULL AND n.deleted = false
    AND ($kinds IS NULL OR n.kind IN $kinds)
    AND ($from IS NULL OR n.occurredTo >= $from) AND ($to IS NULL OR n.occurredFrom <= $to)
  RETURN n.occurredFrom AS from, n.occurredTo AS to, n AS entity, null AS relationship
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE $clock = 'OCCURRED' AND r.occurredFrom IS NOT NULL AND a.deleted = false AND b.deleted = false AND
  // @include relationship-passes
  WITH
  // @include relationship-view
  AS relationship
  WHERE relationship.summary.occurredFrom IS NOT NULL
    AND ($from IS NULL OR relationship.summary.occurredTo >= $from)
    AND ($to IS NULL OR relationship.summary.occurredFrom <= $to)
  RETURN relationship.summary.occurredFrom AS from, relationship.summary.occurredTo AS to, null AS entity,
    relationship
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE $clock = 'PUBLISHED' AND a.deleted = false AND b.deleted = false AND
  // @include relationship-passes
  WITH
  // @include relationship-view
  AS relationship
  UNWIND relationship.summary.publishedDates AS published
  WITH relationship, published
  WHERE ($from IS NULL OR published >= $from) AND ($to IS NULL OR published <= $to)
  RETURN published AS from, published AS to, null AS entity, relationship
}
WITH from, to, entity, relationship
ORDER BY from, to, coalesce(entity.id, relationship.id)
LIMIT $first
WITH collect({from: from, to: to, entity: entity, relationship: relationship}) AS items
CALL (items) {
  UNWIND items AS item
  UNWIND coalesce(item.relationship.summary.sourceIds, []) AS sourceId
  WITH DISTINCT sourceId
  MATCH (s:Source {id: sourceId})
  RETURN collect(s) AS sources
}
RETURN items, sources
