// passing-evidence (list expression): the indexes of relationship r's evidence that pass the request's
// filter (all of them when the request sets no evidence filter). Expects: r and the filter parameters.
[i IN range(0, size(r.evidenceIds) - 1) WHERE NOT $evidenceFiltered OR
  // @include evidence-passes
  ]
