// find-proposals: one proposal by id, or the newest proposals (optionally of one status).
// params: $id (or null), $status (or null), $first
// returns: one row per proposal: proposal, source, entities, claims, linked (entity nodes it links to)
MATCH (p:Proposal)
WHERE ($id IS NULL OR p.id = $id) AND ($status IS NULL OR p.status = $status)
WITH p
ORDER BY p.createdAt DESC, p.id DESC
LIMIT $first
RETURN p AS proposal,
  head(COLLECT { MATCH (p)-[:CITES]->(s:ProposalSource) RETURN s }) AS source,
  COLLECT { MATCH (p)-[:PROPOSES]->(e:ProposedEntity) RETURN e ORDER BY e.firstStart, e.key } AS entities,
  COLLECT { MATCH (p)-[:CLAIMS]->(c:ProposedClaim) RETURN c ORDER BY c.spanStart, c.id } AS claims,
  COLLECT { MATCH (p)-[:PROPOSES]->(e:ProposedEntity) MATCH (n:Entity {id: coalesce(e.entityId, e.acceptedId)}) RETURN DISTINCT n } AS linked
