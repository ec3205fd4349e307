// rate-source: sets a source's reliability grade (Admiralty A–F) and the analyst's reason, with its audit
// entry. Evidence filters read the grade from the Source, so the new grade applies to every quote at once.
// params: $id, $reliability, $reliabilityRank, $reason (or null), $now, $actor, $auditId
// returns: source (node, or no row when unknown)
MATCH (s:Source {id: $id})
SET s.writeLock = true
REMOVE s.writeLock
CREATE (before:AuditSnapshot)
SET before = properties(s)
SET s.reliability = $reliability, s.reliabilityRank = $reliabilityRank, s.reliabilityReason = $reason,
  s.updatedAt = $now
CREATE (audit:AuditEntry {id: $auditId, at: $now, actor: $actor, action: 'rateSource', targetId: s.id,
  relatedIds: [s.id]})
CREATE (audit)-[:BEFORE]->(before)
CREATE (audit)-[:AFTER]->(after:AuditSnapshot)
SET after = properties(s)
RETURN s AS source
