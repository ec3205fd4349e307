// evidence-text (clause): makes the evidence in `fresh` (rows with id, quote, translation) searchable as
// relationship r's, in the EvidenceText nodes that cypher/search-claims.cypher reads. Expects: r, fresh.
FOREACH (e IN fresh |
  MERGE (text:EvidenceText {key: r.id + '|' + e.id})
  SET text.relationshipId = r.id, text.evidenceId = e.id, text.fromId = startNode(r).id, text.type = type(r),
    text.toId = endNode(r).id, text.quote = e.quote, text.translation = e.translation)
