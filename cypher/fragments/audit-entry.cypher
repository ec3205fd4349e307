// audit-entry (clause): the audit trail's entry for this write, bound as `audit`, for writes whose
// snapshots are their own (merges, proposals, notes); writes of one node or relationship use audit-change.
// Expects: action, targetId, relatedIds; the parameters $auditId, $now, $actor.
CREATE (audit:AuditEntry {id: $auditId, at: $now, actor: $actor, action: action, targetId: targetId,
  relatedIds: relatedIds})
