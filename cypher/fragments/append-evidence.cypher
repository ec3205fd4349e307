// append-evidence (clauses): appends the evidence records in `fresh` (server/graph/records.ts
// evidenceRecord rows not yet on r) to relationship r, keeping the per-evidence lists that filters read
// index-aligned with r.evidence (evOccurredAt: the event date as the evidence words it, '' when undated,
// so answers that need only the facts never decode the JSON), then refreshes r's stored summary (refresh-relationship-summary).
// Every writer of evidence goes through here. The EvidenceText nodes the claim search reads are written
// next to it by each interactive writer (// @include evidence-text) and after the transaction by imports,
// whose tens of thousands of them would not fit one transaction's memory. Expects: r, fresh.
SET r.evidence = r.evidence + [e IN fresh | e.json],
  r.evidenceIds = r.evidenceIds + [e IN fresh | e.id],
  r.evRank = r.evRank + [e IN fresh | e.rank],
  r.evStance = r.evStance + [e IN fresh | e.stance],
  r.evOccurredFrom = r.evOccurredFrom + [e IN fresh | coalesce(e.occurredFrom, '')],
  r.evOccurredTo = r.evOccurredTo + [e IN fresh | coalesce(e.occurredTo, '')],
  r.evOccurredAt = r.evOccurredAt + [e IN fresh | coalesce(e.occurredAt, '')],
  r.evSourceIds = r.evSourceIds + [e IN fresh | e.sourceId],
  r.evPublishedAt = r.evPublishedAt + [e IN fresh | coalesce(COLLECT { MATCH (s:Source {id: e.sourceId}) RETURN s.publishedAt }[0], '')]
// @include refresh-relationship-summary
