// write-audit-entries: appends audit entries (imports, restores); MERGE on id so a restore is idempotent.
// params: $rows (list of {id, at, actor, action, targetId, before, after, relatedIds (optional)})
// returns: written
UNWIND $rows AS row
MERGE (a:AuditEntry {id: row.id})
ON CREATE SET a += row
RETURN count(a) AS written
