// refresh-relationship-summary (clause): stores r's summary over all of its evidence (evidence-summary),
// so unfiltered reads, ranking and stats need not recompute it. Expects: r.
WITH *
CALL (r) {
  WITH r, range(0, size(r.evidenceIds) - 1) AS pass
  SET r += 
  // @include evidence-summary
}
