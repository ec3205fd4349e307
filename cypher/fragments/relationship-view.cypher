// relationship-view (map expression): relationship r as one request sees it, with only the evidence that
// passes the request's filter and the derived fields computed from that evidence (server/graph/mapping.ts
// toRelationship reads it). Projected fields only: the per-evidence lists stay in the database.
// Expects: r and the filter parameters (writes pass the unfiltered ones).
[pass IN [
  // @include passing-evidence
  ] | r {
  // @include relationship-fields
  , evidence: [i IN pass | r.evidence[i]]}][0]
