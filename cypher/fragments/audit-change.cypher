// audit-change (clause): the audit entry of a write that changed one node or relationship, with its
// snapshot before the change (none for a creation) and after it; binds `audit` and `after`.
// Expects: changed (the node or relationship as written), before (its AuditSnapshot taken before the change,
// or null), action, relatedIds; the parameters $auditId, $now, $actor.
WITH *, changed.id AS targetId
// @include audit-entry
FOREACH (snapshot IN CASE WHEN before IS NULL THEN [] ELSE [before] END | CREATE (audit)-[:BEFORE]->(snapshot))
CREATE (audit)-[:AFTER]->(after:AuditSnapshot)
SET after = properties(changed)
