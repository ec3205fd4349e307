// accept-proposal: writes the accepted claims of a pending proposal into the graph in one statement, with
// one audit entry: the source, the new entities the claims need, a relationship per claim (or the existing
// one of that type between the two entities), and each claim's quote as evidence. Evidence is deduplicated
// by id (a hash of source, quote and attribution), so a second source corroborates a known relationship and
// the same article accepted twice adds nothing. Nothing is written when a check fails.
// The evidence record is joined here from the keys and encoded values server/graph/records.ts
// evidenceParts stored with each claim (fragment evidence-json), so no read is needed before the write.
// params: $id, $claimIds (list or null = all), $now, $actor, $addedParts (encoded addedAt/addedBy), $auditId
// returns: found, statusBefore, unknownClaims, missingEntities, unreadableClaims, claimCount, createdEntities,
//          createdRelationships, addedEvidence, relationshipIds, proposal, source, entities, claims, linked
OPTIONAL MATCH (p:Proposal {id: $id})
WITH p, [p] AS toLock
// @include write-lock
WITH p, p.status AS statusBefore,
  COLLECT { MATCH (p)-[:CLAIMS]->(c:ProposedClaim) WHERE $claimIds IS NULL OR c.id IN $claimIds RETURN c ORDER BY c.spanStart, c.id } AS claims
WITH p, statusBefore, claims,
  [cid IN coalesce($claimIds, []) WHERE NOT cid IN [c IN claims | c.id]] AS unknownClaims,
  reduce(keys = [], c IN claims | keys + [k IN [c.fromKey, c.toKey] WHERE NOT k IN keys]) AS keys
WITH p, statusBefore, claims, unknownClaims,
  COLLECT { MATCH (p)-[:PROPOSES]->(pe:ProposedEntity) WHERE pe.key IN keys RETURN pe } AS ends
WITH p, statusBefore, claims, unknownClaims, ends,
  [pe IN ends WHERE pe.entityId IS NOT NULL AND NOT EXISTS { MATCH (n:Entity {id: pe.entityId}) WHERE n.deleted = false } | pe.entityId] AS missingEntities
WITH p, statusBefore, claims, unknownClaims, ends, missingEntities,
  // Claims proposed before their evidence was stored as parts cannot be written: propose the article again.
  [c IN claims WHERE c.evidenceKeys IS NULL | c.id] AS unreadableClaims
WITH p, statusBefore, claims, unknownClaims, ends, missingEntities, unreadableClaims,
  p IS NOT NULL AND statusBefore = 'PENDING' AND size(unknownClaims) = 0 AND size(missingEntities) = 0
  AND size(unreadableClaims) = 0 AND size(claims) > 0 AS ok
// Whether each claim's two known entities were linked before the write (a new entity was linked to nothing),
// for the hubs' ranked neighbour lists (hub-refresh below).
WITH *, CASE WHEN ok THEN [c IN claims | {fromKey: c.fromKey, toKey: c.toKey, was: EXISTS {
  MATCH (x:Entity {id: [pe IN ends WHERE pe.key = c.fromKey | pe.entityId][0]})-[y]-(z:Entity {id: [pe IN ends WHERE pe.key = c.toKey | pe.entityId][0]})
  WHERE y.deleted = false }}] ELSE [] END AS claimPairs
OPTIONAL CALL (p, claims, ends, ok) {
  WITH p, claims, ends WHERE ok
  MATCH (p)-[:CITES]->(ps:ProposalSource)
  MERGE (s:Source {id: ps.id})
  ON CREATE SET s = properties(ps)
  WITH p, claims, ends, s
  CALL (ends) {
    UNWIND ends AS pe
    CALL (pe) {
      WITH pe WHERE pe.entityId IS NULL
      // A new entity whose slug is taken by another entity gets the proposal's suffix.
      WITH pe, CASE WHEN EXISTS { MATCH (:Entity {id: pe.newId}) } THEN pe.newId + '-' + pe.idSuffix ELSE pe.newId END AS newId
      CREATE (n:Entity)
      SET n.id = newId, n:$(pe.kind), n.kind = pe.kind, n.name = pe.name, n.nameKo = pe.nameKo,
        n.aliases = pe.aliases, n.aliasText = pe.aliasText, n.description = null, n.occurredAt = null,
        n.occurredFrom = null, n.occurredTo = null, n.properties = '{}', n.version = 1, n.deleted = false,
        n.notes = [], n.createdAt = $now, n.updatedAt = $now, n.createdIn = $auditId
      RETURN n, true AS created
      UNION
      WITH pe WHERE pe.entityId IS NOT NULL
      MATCH (n:Entity {id: pe.entityId})
      RETURN n, false AS created
    }
    SET pe.acceptedId = n.id
    RETURN collect({key: pe.key, id: n.id}) AS resolved, sum(CASE WHEN created THEN 1 ELSE 0 END) AS createdEntities,
      collect(n.id) AS entityIds
  }
  CALL (claims, s, resolved) {
    UNWIND claims AS c
    WITH c, s,
      [x IN resolved WHERE x.key = c.fromKey | x.id][0] AS fromId,
      [x IN resolved WHERE x.key = c.toKey | x.id][0] AS toId
    MATCH (a:Entity {id: fromId})
    MATCH (b:Entity {id: toId})
    // Lock the subject so two accepts of the same claim cannot both create its relationship.
    WITH a, b, c, s, [a] AS toLock
    // @include write-lock
    WITH a, b, c, s
    CALL (a, b, c) {
      OPTIONAL MATCH (a)-[existing]->(b) WHERE type(existing) = c.type
      WITH a, b, c, head(collect(existing)) AS existing
      CALL (a, b, c, existing) {
        WITH a, b, c, existing WHERE existing IS NULL
        CREATE (a)-[r:$(c.type)]->(b)
        SET r =
        // @include empty-evidence
        SET r.id = a.id + ':' + c.type + ':' + b.id, r.createdIn = $auditId, r.properties = '{}', r.version = 1,
          r.deleted = false, r.notes = [], r.createdAt = $now, r.updatedAt = $now
        RETURN r
        UNION
        WITH existing WHERE existing IS NOT NULL
        RETURN existing AS r
      }
      RETURN r
    }
    WITH r, c, s, c.evidenceId IN r.evidenceIds AS known
    // The row append-evidence expects (server/graph/records.ts evidenceRecord).
    WITH r, c, known, CASE WHEN known THEN [] ELSE [{
      id: c.evidenceId,
      json:
        // @include evidence-json
      ,
      rank: c.evidenceRank,
      stance: c.evidenceStance,
      occurredFrom: c.occurredFrom,
      occurredTo: c.occurredTo,
      // As evidenceRecord words it: the claim's date when it parses (it then has bounds), else undated.
      occurredAt: CASE WHEN c.occurredFrom IS NULL THEN null ELSE c.occurredAt END,
      sourceId: s.id,
      quote: c.quote,
      translation: c.translation
    }] END AS fresh
    SET r.version = CASE WHEN known OR r.createdIn = $auditId THEN r.version ELSE r.version + 1 END,
      r.updatedAt = CASE WHEN known THEN r.updatedAt ELSE $now END
    // @include evidence-text
    // @include append-evidence
    RETURN collect(DISTINCT CASE WHEN r.createdIn = $auditId THEN r.id END) AS createdIds,
      sum(CASE WHEN known THEN 0 ELSE 1 END) AS addedEvidence, collect(DISTINCT r.id) AS relationshipIds
  }
  SET p.status = 'ACCEPTED', p.version = p.version + 1, p.updatedAt = $now, p.acceptedBy = $actor,
    p.acceptedAt = $now
  FOREACH (x IN COLLECT { MATCH (p)-[:CLAIMS]->(y:ProposedClaim) RETURN y } |
    SET x.status = CASE WHEN x.id IN [c IN claims | c.id] THEN 'ACCEPTED' ELSE 'REJECTED' END)
  WITH *, 'acceptProposal' AS action, p.id AS targetId, [p.id, s.id] + entityIds + relationshipIds AS relatedIds
  // @include audit-entry
  CREATE (audit)-[:AFTER]->(after:AuditSnapshot)
  SET after.proposalId = p.id, after.sourceId = s.id, after.claimIds = [c IN claims | c.id],
    after.entityIds = entityIds, after.relationshipIds = relationshipIds, after.createdEntities = createdEntities,
    after.createdRelationships = size(createdIds), after.addedEvidence = addedEvidence
  RETURN createdEntities, size(createdIds) AS createdRelationships, addedEvidence, relationshipIds
}
CALL (p, claimPairs) {
  UNWIND claimPairs AS pair
  MATCH (p)-[:PROPOSES]->(from:ProposedEntity) WHERE from.key = pair.fromKey
  MATCH (p)-[:PROPOSES]->(to:ProposedEntity) WHERE to.key = pair.toKey
  MATCH (a:Entity {id: from.acceptedId})
  MATCH (b:Entity {id: to.acceptedId})
  UNWIND [{hub: a, other: b, was: pair.was}, {hub: b, other: a, was: pair.was}] AS item
  RETURN collect(DISTINCT item) AS touched
}
// @include hub-refresh
// @include hub-refresh-done
RETURN p IS NOT NULL AS found, statusBefore, unknownClaims, missingEntities, unreadableClaims, size(claims) AS claimCount,
  createdEntities, createdRelationships, addedEvidence, relationshipIds,
  p AS proposal,
  head(COLLECT { MATCH (p)-[:CITES]->(s:ProposalSource) RETURN s }) AS source,
  COLLECT { MATCH (p)-[:PROPOSES]->(x:ProposedEntity) RETURN x ORDER BY x.firstStart, x.key } AS entities,
  COLLECT { MATCH (p)-[:CLAIMS]->(x:ProposedClaim) RETURN x ORDER BY x.spanStart, x.id } AS claims,
  COLLECT { MATCH (p)-[:PROPOSES]->(x:ProposedEntity) MATCH (n:Entity {id: coalesce(x.entityId, x.acceptedId)}) RETURN DISTINCT n } AS linked
