// add-note: appends a note (JSON text) to an entity ($entityId) or a relationship ($fromId, $type, $toId).
// params: $entityId (or null), $fromId, $type, $toId (or nulls), $note (JSON text), $now, $actor, $auditId
// returns: found
OPTIONAL MATCH (n:Entity {id: $entityId}) WHERE n.deleted = false
OPTIONAL MATCH (:Entity {id: $fromId})-[r]->(:Entity {id: $toId}) WHERE type(r) = $type AND r.deleted = false
// Lock before reading the notes list, so two concurrent notes are both kept.
WITH n, r, [n, r] AS toLock
// @include write-lock
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
  WITH 'addNote' AS action, coalesce($entityId, $fromId + ':' + $type + ':' + $toId) AS targetId,
    [x IN [$entityId, $fromId, $toId] WHERE x IS NOT NULL] AS relatedIds
  // @include audit-entry
  SET audit.after = $note
}
RETURN found
