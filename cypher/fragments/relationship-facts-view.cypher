// relationship-facts-view (map expression): relationship-view without the evidence's stored JSON: each
// passing evidence's facts come from the lists beside it (id, certainty rank, stance, event date as
// worded, source), index-aligned in `facts`. The canvas and the filters read only these, and decoding the
// JSON (quotes, sentences, translations) was most of an answer's cost. Expects: r and the filter parameters.
[pass IN [
  // @include passing-evidence
  ] | r {
  // @include relationship-fields
  , facts: {ids: [i IN pass | r.evidenceIds[i]], rank: [i IN pass | r.evRank[i]],
    stance: [i IN pass | r.evStance[i]], occurredAt: [i IN pass | r.evOccurredAt[i]],
    sourceIds: [i IN pass | r.evSourceIds[i]]}}][0]
