// moved-evidence (clauses): appends to relationship r the evidence of relationship `moved` that r lacks,
// with its per-evidence fields (a merge joins the two relationships). Expects: moved, r.
WITH moved, r, [i IN range(0, size(moved.evidenceIds) - 1) WHERE NOT moved.evidenceIds[i] IN r.evidenceIds |
  {id: moved.evidenceIds[i], json: moved.evidence[i], rank: moved.evRank[i], stance: moved.evStance[i],
   occurredFrom: moved.evOccurredFrom[i], occurredTo: moved.evOccurredTo[i], occurredAt: moved.evOccurredAt[i],
   sourceId: moved.evSourceIds[i]}] AS fresh
// @include append-evidence
// The text of every moved evidence is searchable under r too (a relationship created by the merge copied
// the evidence lists of `moved`, so none of it was fresh).
WITH moved, r
CALL (moved, r) {
  WITH moved, r, COLLECT { UNWIND moved.evidenceIds AS evidenceId
    MATCH (old:EvidenceText {key: moved.id + '|' + evidenceId})
    RETURN {id: evidenceId, quote: old.quote, translation: old.translation} } AS fresh
  // @include evidence-text
}
