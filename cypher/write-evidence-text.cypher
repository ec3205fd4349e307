// write-evidence-text: indexes the evidence of older relationships for the claim search.
// params: $rows (list of {elementId, evidence: list of {id, quote, translation}})
// returns: indexed
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.elementId
WITH r, row.evidence AS fresh
// @include evidence-text
RETURN count(*) AS indexed
