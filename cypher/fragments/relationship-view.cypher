// relationship-view (map expression): relationship r as one request sees it, with only the evidence that
// passes the request's filter and the derived fields computed from that evidence (server/graph/mapping.ts
// toRelationship reads it). Projected fields only: the per-evidence lists stay in the database.
// Expects: r and the filter parameters (writes pass the unfiltered ones).
[pass IN [[i IN range(0, size(r.evidenceIds) - 1) WHERE NOT $evidenceFiltered OR
  // @include evidence-passes
  ]] | r {.id, .properties, .version, .deleted, .notes, type: type(r), fromId: startNode(r).id,
    toId: endNode(r).id, evidence: [i IN pass | r.evidence[i]], summary:
  // @include evidence-summary
  }][0]
