// find-neighborhood: entities within $depth (1-3) hops of the start ids and the relationships among them
// ($depth 0: the start entities alone and the relationships among them, as an export of a view asks).
// Each hop keeps the most relevant neighbours first (strongest certainty, then most recent event time) and
// is capped at $limit, so a hub cannot blow up the result; `total` counts everything that matched out to
// `countedDepth`. A hop is only explored while the nearer ones leave room under the cap: once they fill it,
// nothing farther could be shown, and expanding 300 neighbours of a hub would cost more than the rest.
// Farther hops do not go through hubs (more than $hubDegree relationships, stored or deleted): a hub's
// thousands of neighbours say nothing about the start, and reading them would dominate every 2-hop
// question near a big name. The start entities are always expanded; skipped hubs are returned.
// A relationship passes when at least one of its evidence passes the filter; it comes back with only that
// evidence and the fields derived from it (fragments/relationship-view).
// Evidence is most of an answer's bytes: with $evidence 'NONE' (the request does not select it) the
// relationships come without it and no sources are read; their derived fields are computed all the same.
// With 'FACTS' (the request selects only what the lists beside the evidence hold: id, certainty, stance,
// event date, source) each relationship carries those lists (relationship-facts-view) and its stored JSON
// is neither read nor decoded; with 'TEXT' it carries the JSON (relationship-view).
// params: $ids, $depth, $limit, $hubDegree, $hubLists (boolean), $evidence ('NONE' | 'FACTS' | 'TEXT') and the filter parameters
//         (server/graph/inputs.ts FilterParams)
// The answer streams as many small records (part, item), never one big one: the JavaScript driver decodes
// a megabyte record far slower than the same bytes in small ones (strings spanning chunks), and only the
// projected fields leave the database.
// returns: part 'answer' (item: found = ids that exist, total, countedDepth = hops counted in total,
//          hubsNotExpanded = ids), one 'node' per entity (capped), one 'relationship' per relationship
//          (relationship-view), one 'source' per source cited by their evidence
MATCH (s:Entity) WHERE s.id IN $ids AND s.deleted = false
WITH collect(s) AS seeds
// A hub asked for alone and unfiltered has its first hop ranked already (fragments/hub-refresh keeps the
// list true on every write): its first $limit neighbours are read by id instead of ranking all of them.
// The list answers only when it holds $limit entries or every neighbour; $hubLists false forces the scan
// (the tests compare the two).
OPTIONAL MATCH (list:HubNeighbours {id: seeds[0].id})
  WHERE $hubLists AND $depth >= 1 AND size(seeds) = 1 AND $kinds IS NULL AND $types IS NULL AND NOT $evidenceFiltered
WITH seeds, CASE WHEN size(list.ids) >= $limit OR size(list.ids) = list.count THEN list END AS list
CALL (seeds, list) {
  WITH seeds WHERE $depth >= 1 AND list IS NULL
  UNWIND seeds AS a
  MATCH (a)-[r]-(b:Entity)
  WHERE b.deleted = false AND ($kinds IS NULL OR b.kind IN $kinds) AND
  // @include relationship-passes
  WITH b, max(r.certaintyRank) AS rank, max(coalesce(r.occurredTo, '')) AS recent
  WHERE NOT b IN seeds
  ORDER BY rank DESC, recent DESC, b.id
  RETURN collect(b)[..$limit] AS scanned, count(b) AS scannedCount
}
CALL (list) {
  WITH list WHERE list IS NOT NULL
  UNWIND range(0, size(list.ids[..$limit]) - 1) AS i
  MATCH (b:Entity {id: list.ids[i]})
  WITH b, i ORDER BY i
  RETURN collect(b) AS listed
}
WITH seeds, CASE WHEN list IS NULL THEN scanned ELSE listed END AS hop1,
  CASE WHEN list IS NULL THEN scannedCount ELSE list.count END AS hop1Count
WITH seeds, hop1, hop1Count,
  CASE WHEN $depth >= 2 AND size(seeds) + size(hop1) < $limit
    THEN [a IN hop1 WHERE COUNT { (a)--() } > $hubDegree] ELSE [] END AS hubs1
CALL (seeds, hop1, hubs1) {
  WITH seeds, hop1, hubs1 WHERE $depth >= 2 AND size(seeds) + size(hop1) < $limit
  UNWIND hop1 AS a
  WITH seeds, hop1, a WHERE NOT a IN hubs1
  MATCH (a)-[r]-(b:Entity)
  WHERE b.deleted = false AND ($kinds IS NULL OR b.kind IN $kinds) AND
  // @include relationship-passes
  WITH b, max(r.certaintyRank) AS rank, max(coalesce(r.occurredTo, '')) AS recent
  WHERE NOT b IN seeds AND NOT b IN hop1
  ORDER BY rank DESC, recent DESC, b.id
  RETURN collect(b)[..$limit] AS hop2, count(b) AS hop2Count
}
WITH seeds, hop1, hop1Count, hubs1, hop2, hop2Count,
  CASE WHEN $depth >= 3 AND size(seeds) + size(hop1) + size(hop2) < $limit
    THEN [a IN hop2 WHERE COUNT { (a)--() } > $hubDegree] ELSE [] END AS hubs2
CALL (seeds, hop1, hop2, hubs2) {
  WITH seeds, hop1, hop2, hubs2 WHERE $depth >= 3 AND size(seeds) + size(hop1) + size(hop2) < $limit
  UNWIND hop2 AS a
  WITH seeds, hop1, hop2, a WHERE NOT a IN hubs2
  MATCH (a)-[r]-(b:Entity)
  WHERE b.deleted = false AND ($kinds IS NULL OR b.kind IN $kinds) AND
  // @include relationship-passes
  WITH b, max(r.certaintyRank) AS rank, max(coalesce(r.occurredTo, '')) AS recent
  WHERE NOT b IN seeds AND NOT b IN hop1 AND NOT b IN hop2
  ORDER BY rank DESC, recent DESC, b.id
  RETURN collect(b)[..$limit] AS hop3, count(b) AS hop3Count
}
WITH seeds, (seeds + hop1 + hop2 + hop3)[..$limit] AS kept, [h IN hubs1 + hubs2 | h.id] AS hubsNotExpanded,
  size(seeds) + hop1Count + hop2Count + hop3Count AS total,
  CASE
    WHEN $depth >= 2 AND size(seeds) + size(hop1) >= $limit THEN 1
    WHEN $depth >= 3 AND size(seeds) + size(hop1) + size(hop2) >= $limit THEN 2
    ELSE $depth
  END AS countedDepth
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN kept AND
  // @include relationship-passes
  RETURN collect(CASE WHEN $evidence = 'TEXT' THEN
  // @include relationship-view
  ELSE
  // @include relationship-facts-view
  END) AS relationships
}
CALL (relationships) {
  WITH relationships WHERE $evidence <> 'NONE'
  UNWIND relationships AS r
  UNWIND r.summary.sourceIds AS sourceId
  WITH DISTINCT sourceId
  MATCH (s:Source {id: sourceId})
  RETURN collect(s
  // @include source-view
  ) AS sources
}
CALL (seeds, kept, relationships, sources, total, countedDepth, hubsNotExpanded) {
  RETURN 'answer' AS part,
    {found: [s IN seeds | s.id], total: total, countedDepth: countedDepth, hubsNotExpanded: hubsNotExpanded} AS item
  UNION ALL
  UNWIND kept AS n
  RETURN 'node' AS part, n
  // @include entity-view
  AS item
  UNION ALL
  UNWIND relationships AS r
  // Without evidence, a relationship keeps its passing evidence's event dates: its occurredAt is worded from them.
  RETURN 'relationship' AS part,
    CASE WHEN $evidence <> 'NONE' THEN r ELSE r {.*, facts: {occurredAt: r.facts.occurredAt}} END AS item
  UNION ALL
  UNWIND sources AS s
  RETURN 'source' AS part, s AS item
}
RETURN part, item
