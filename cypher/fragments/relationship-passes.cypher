// relationship-passes (boolean expression): the GraphFilter on a relationship r: live, of a wanted type,
// and at least one of its evidence passes (evidence-passes). $evidenceFiltered is false when the request
// sets no evidence filter, so the common unfiltered expansion reads no evidence lists at all.
(r.deleted = false AND ($types IS NULL OR type(r) IN $types)
  AND (NOT $evidenceFiltered OR any(i IN range(0, size(r.evidenceIds) - 1) WHERE
  // @include evidence-passes
  )))
