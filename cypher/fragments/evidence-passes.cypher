// evidence-passes (boolean expression): whether evidence number i of relationship r passes the request's
// GraphFilter. Filters act on each piece of evidence, never on a whole relationship: the event window on
// the evidence's own event date (undated evidence passes only with $includeUndated), the report window on
// its source's publication date (kept per evidence as evPublishedAt; sources never change their date),
// $minRank on its certainty, $sourceIds on its source, $minReliability on its source's current grade (read
// from the Source, so a new rating applies at once). Expects: r, i, and the filter parameters of server/graph/inputs.ts parseFilter.
(r.evRank[i] >= $minRank
  AND ($occurredFrom IS NULL OR CASE WHEN r.evOccurredTo[i] = '' THEN $includeUndated ELSE r.evOccurredTo[i] >= $occurredFrom END)
  AND ($occurredTo IS NULL OR CASE WHEN r.evOccurredFrom[i] = '' THEN $includeUndated ELSE r.evOccurredFrom[i] <= $occurredTo END)
  AND ($publishedFrom IS NULL OR (r.evPublishedAt[i] <> '' AND r.evPublishedAt[i] >= $publishedFrom))
  AND ($publishedTo IS NULL OR (r.evPublishedAt[i] <> '' AND r.evPublishedAt[i] <= $publishedTo))
  AND ($sourceIds IS NULL OR r.evSourceIds[i] IN $sourceIds)
  AND ($minReliability <= 1 OR EXISTS { MATCH (source:Source {id: r.evSourceIds[i]}) WHERE coalesce(source.reliabilityRank, 1) >= $minReliability }))
