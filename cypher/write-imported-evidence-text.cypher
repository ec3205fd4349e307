// write-imported-evidence-text: makes the evidence an import wrote searchable (EvidenceText nodes for the
// claim search), in its own transaction after the import's: the import itself stays within one
// transaction's memory. Idempotent: it indexes every listed evidence the relationship holds, so importing
// the same file again heals an indexing step that was interrupted.
// params: $rows (list of {from, type, to, evidence: list of {id, quote, translation}})
// returns: indexed
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r]->(:Entity {id: row.to}) WHERE type(r) = row.type
WITH r, [e IN row.evidence WHERE e.id IN r.evidenceIds] AS fresh
// @include evidence-text
RETURN count(*) AS indexed
