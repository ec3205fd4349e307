// update-proposal: the analyst's edit of one pending proposal: a claim (type, ends, certainty, translation,
// date), an entity link (another existing entity, or a new entity with its name and kind), or rejection.
// Checked and written in one statement; nothing changes when a check fails.
// params: $id, $claimId (or null), $claimPatch (map or null), $evidencePatch (encoded evidence values by
//         key, server/graph/records.ts evidencePartsPatch; may be empty), $fromKey, $toKey (new ends or null),
//         $entityKey (or null), $entityPatch (map or null), $linkTo (an entity id to link to, or null),
//         $reject (boolean), $now, $actor
// returns: found, statusBefore, claimFound, entityFound, unknownKeys, sameEnds, linkFound, proposal,
//          source, entities, claims, linked
OPTIONAL MATCH (p:Proposal {id: $id})
WITH p, [p] AS toLock
// @include write-lock
WITH p
OPTIONAL MATCH (p)-[:CLAIMS]->(c:ProposedClaim {id: $claimId})
OPTIONAL MATCH (p)-[:PROPOSES]->(e:ProposedEntity {key: $entityKey})
WITH p, c, e, p.status AS statusBefore,
  [k IN [$fromKey, $toKey] WHERE k IS NOT NULL AND NOT EXISTS { MATCH (p)-[:PROPOSES]->(:ProposedEntity {key: k}) }] AS unknownKeys,
  c IS NOT NULL AND coalesce($fromKey, c.fromKey) = coalesce($toKey, c.toKey) AS sameEnds,
  $linkTo IS NULL OR EXISTS { MATCH (n:Entity {id: $linkTo}) WHERE n.deleted = false } AS linkFound
WITH p, c, e, statusBefore, unknownKeys, sameEnds, linkFound,
  p IS NOT NULL AND statusBefore = 'PENDING' AND size(unknownKeys) = 0 AND NOT sameEnds AND linkFound
  AND ($claimId IS NULL OR c IS NOT NULL) AND ($entityKey IS NULL OR e IS NOT NULL) AS ok
FOREACH (x IN CASE WHEN ok AND c IS NOT NULL THEN [c] ELSE [] END |
  SET x += $claimPatch,
    x.evidenceValues = [i IN range(0, size(coalesce(x.evidenceKeys, [])) - 1) |
      coalesce($evidencePatch[x.evidenceKeys[i]], x.evidenceValues[i])])
FOREACH (x IN CASE WHEN ok AND e IS NOT NULL THEN [e] ELSE [] END | SET x += $entityPatch)
FOREACH (x IN CASE WHEN ok THEN [p] ELSE [] END |
  SET x.version = x.version + 1, x.updatedAt = $now,
    x.status = CASE WHEN $reject THEN 'REJECTED' ELSE x.status END,
    x.rejectedBy = CASE WHEN $reject THEN $actor ELSE x.rejectedBy END)
FOREACH (x IN CASE WHEN ok AND $reject THEN COLLECT { MATCH (p)-[:CLAIMS]->(y:ProposedClaim) RETURN y } ELSE [] END |
  SET x.status = 'REJECTED')
RETURN p IS NOT NULL AS found, statusBefore, c IS NOT NULL AS claimFound, e IS NOT NULL AS entityFound,
  unknownKeys, sameEnds, linkFound,
  p AS proposal,
  head(COLLECT { MATCH (p)-[:CITES]->(s:ProposalSource) RETURN s }) AS source,
  COLLECT { MATCH (p)-[:PROPOSES]->(x:ProposedEntity) RETURN x ORDER BY x.firstStart, x.key } AS entities,
  COLLECT { MATCH (p)-[:CLAIMS]->(x:ProposedClaim) RETURN x ORDER BY x.spanStart, x.id } AS claims,
  COLLECT { MATCH (p)-[:PROPOSES]->(x:ProposedEntity) MATCH (n:Entity {id: coalesce(x.entityId, x.acceptedId)}) RETURN DISTINCT n } AS linked
