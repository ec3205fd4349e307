// import-entities: MERGE entities by id. New ones are created whole; existing ones keep their curated
// values and gain only what they lacked (new aliases, missing Korean name, description, date, properties).
// params: $rows (list of {id, kind, name, nameKo, aliases, description, occurredAt, occurredFrom, occurredTo,
//         properties (JSON text), version, deleted, mergedInto, notes (list of JSON texts)}), $importId, $now
// returns: created, updated, unchanged
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET
  n:$(row.kind),
  n.createdIn = $importId,
  n.kind = row.kind,
  n.name = row.name,
  n.nameKo = row.nameKo,
  n.aliases = [],
  n.description = row.description,
  n.occurredAt = row.occurredAt,
  n.occurredFrom = row.occurredFrom,
  n.occurredTo = row.occurredTo,
  n.properties = row.properties,
  n.version = coalesce(row.version, 1),
  n.deleted = coalesce(row.deleted, false),
  n.mergedInto = row.mergedInto,
  n.notes = coalesce(row.notes, []),
  n.createdAt = $now,
  n.updatedAt = $now
WITH n, row, n.createdIn = $importId AS created
WITH n, row, created,
  // A new entity takes the file's aliases as written (a backup may hold an alias equal to the name, as the
  // API allows); a known one gains only aliases that say something new.
  reduce(kept = [], a IN row.aliases |
    CASE WHEN a IN kept OR a IN n.aliases OR (NOT created AND (a = n.name OR a = coalesce(n.nameKo, '')))
      THEN kept ELSE kept + a END) AS newAliases,
  (NOT created AND (
    (n.nameKo IS NULL AND row.nameKo IS NOT NULL) OR
    (n.description IS NULL AND row.description IS NOT NULL) OR
    (n.occurredAt IS NULL AND row.occurredAt IS NOT NULL) OR
    (n.properties = '{}' AND row.properties <> '{}'))) AS fills
WITH *, n AS aliased, newAliases AS gainedAliases
// @include gain-aliases
SET
  n.nameKo = coalesce(n.nameKo, row.nameKo),
  n.description = coalesce(n.description, row.description),
  n.occurredFrom = CASE WHEN n.occurredAt IS NULL THEN row.occurredFrom ELSE n.occurredFrom END,
  n.occurredTo = CASE WHEN n.occurredAt IS NULL THEN row.occurredTo ELSE n.occurredTo END,
  n.occurredAt = coalesce(n.occurredAt, row.occurredAt),
  n.properties = CASE WHEN n.properties = '{}' THEN row.properties ELSE n.properties END,
  n.version = CASE WHEN NOT created AND (fills OR size(newAliases) > 0) THEN n.version + 1 ELSE n.version END,
  n.updatedAt = CASE WHEN NOT created AND (fills OR size(newAliases) > 0) THEN $now ELSE n.updatedAt END
RETURN
  sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN NOT created AND (fills OR size(newAliases) > 0) THEN 1 ELSE 0 END) AS updated,
  sum(CASE WHEN NOT created AND NOT fills AND size(newAliases) = 0 THEN 1 ELSE 0 END) AS unchanged
