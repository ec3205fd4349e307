// rate-source: sets a source's reliability grade (Admiralty A–F) and the analyst's reason, with its audit
// entry. Evidence filters read the grade from the Source, so the new grade applies to every quote at once.
// params: $id, $reliability, $reliabilityRank, $reason (or null), $now, $actor, $auditId
// returns: source (node, or no row when unknown)
MATCH (s:Source {id: $id})
WITH s, [s] AS toLock
// @include write-lock
CREATE (before:AuditSnapshot)
SET before = properties(s)
SET s.reliability = $reliability, s.reliabilityRank = $reliabilityRank, s.reliabilityReason = $reason,
  s.updatedAt = $now
WITH s, s AS changed, before, 'rateSource' AS action, [s.id] AS relatedIds
// @include audit-change
RETURN s AS source
