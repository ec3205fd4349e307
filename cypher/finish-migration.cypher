// finish-migration: records that a migration is complete, so start-up does not look for its work again.
// params: $id, $now
// returns: id
MERGE (m:Migration {id: $id})
ON CREATE SET m.at = $now
RETURN m.id AS id
