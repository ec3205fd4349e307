// create-entity: creates an entity and its audit entry in one statement (CONFLICT on a taken id comes from
// the uniqueness constraint).
// params: $entity (map of stored properties: id, kind, name, nameKo, aliases, aliasText, description,
//         occurredAt, occurredFrom, occurredTo, properties (JSON text)), $now, $actor, $auditId
// returns: entity (node)
CREATE (n:Entity)
SET n = $entity, n:$($entity.kind), n.version = 1, n.deleted = false, n.notes = [], n.createdAt = $now, n.updatedAt = $now
WITH n, n AS changed, null AS before, 'createEntity' AS action, [n.id] AS relatedIds
// @include audit-change
RETURN n AS entity
