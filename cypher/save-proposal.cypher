// save-proposal: stores a proposal (its source, proposed entities and claims) as Proposal nodes; the graph
// itself (entities, relationships, sources) is not touched until the proposal is accepted.
// params: $proposal (map: id, status, text, format, language, sourceId, createdAt, createdBy, updatedAt,
//         version), $source (map of Source properties), $entities (list of maps), $claims (list of maps)
// returns: proposal, source, entities, claims, linked (entity nodes the proposal links to)
CREATE (p:Proposal)
SET p = $proposal
CREATE (p)-[:CITES]->(s:ProposalSource)
SET s = $source
FOREACH (e IN $entities | CREATE (p)-[:PROPOSES]->(x:ProposedEntity) SET x = e)
FOREACH (c IN $claims | CREATE (p)-[:CLAIMS]->(x:ProposedClaim) SET x = c)
WITH p
RETURN p AS proposal,
  head(COLLECT { MATCH (p)-[:CITES]->(s:ProposalSource) RETURN s }) AS source,
  COLLECT { MATCH (p)-[:PROPOSES]->(e:ProposedEntity) RETURN e ORDER BY e.firstStart, e.key } AS entities,
  COLLECT { MATCH (p)-[:CLAIMS]->(c:ProposedClaim) RETURN c ORDER BY c.spanStart, c.id } AS claims,
  COLLECT { MATCH (p)-[:PROPOSES]->(e:ProposedEntity) MATCH (n:Entity {id: coalesce(e.entityId, e.acceptedId)}) RETURN DISTINCT n } AS linked
