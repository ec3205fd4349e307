// add-note: appends a note (JSON text) to an entity ($entityId) or a relationship ($fromId, $type, $toId).
// params: $entityId (or null), $fromId, $type, $toId (or nulls), $note (JSON text), $now, $actor, $auditId
// returns: found
OPTIONAL MATCH (n:Entity {id: $entityId}) WHERE n.deleted = false
OPTIONAL MATCH (:Entity {id: $fromId})-[r]->(:Entity {id: $toId}) WHERE type(r) = $type AND r.deleted = false
// Lock before reading the notes list, so two concurrent notes are both kept.
FOREACH (locked IN [x IN [n] WHERE x IS NOT NULL] | SET locked.writeLock = true REMOVE locked.writeLock)
FOREACH (locked IN [x IN [r] WHERE x IS NOT NULL] | SET locked.writeLock = true REMOVE locked.writeLock)
WITH n, r
CALL (n) {
  WITH n WHERE n IS NOT NULL
  SET n.notes = n.notes + $note, n.updatedAt = $now
}
CALL (r) {
  WITH r WHERE r IS NOT NULL
  SET r.notes = r.notes + $note, r.updatedAt = $now
}
WITH n IS NOT NULL OR r IS NOT NULL AS found
CALL (found) {
  WITH found WHERE found
  CREATE (:AuditEntry {id: $auditId, at: $now, actor: $actor, action: 'addNote',
    targetId: coalesce($entityId, $fromId + ':' + $type + ':' + $toId),
    relatedIds: [x IN [$entityId, $fromId, $toId] WHERE x IS NOT NULL], after: $note})
}
RETURN found
