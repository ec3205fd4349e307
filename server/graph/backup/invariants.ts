// What must hold in any graph Linkage itself wrote, checked on a backup before a restore writes anything.
// The signed digest (digest.ts) proves the file is the one the backup made; these rules catch a graph that
// no sequence of API calls could have produced (a file from elsewhere, or a digest made from such a file):
//   - every `mergedInto` names an entity of the backup, not itself, and following `mergedInto` never loops;
//     a merged entity is deleted (mergeEntities soft-deletes what it merges);
//   - every relationship joins two entities of the backup, and its evidence cites a source of the backup;
//   - every `addedBy` of evidence names an actor of the backup's audit trail: every write that adds
//     evidence (mutations, imports, the seed, accepted proposals) records its actor there, so an author the
//     trail never saw act is forged. (Token names are not in a backup; the audit trail is what is.) The one
//     other author is RESTORE_ACTOR, which a restore gives evidence that came without one.
//   - versions are within 1…MAX_VERSION (the import format's own bound, format.ts).
import type { ImportDocument } from '../import/format.ts';
import { MAX_VERSION } from '../import/format.ts';

/** The author a restore gives evidence whose backup names none (restore.ts). */
export const RESTORE_ACTOR = 'restore';

/** Problems found, each saying where and what; empty when the backup may be restored. */
export function backupInvariantProblems(doc: ImportDocument): string[] {
  const problems: string[] = [];
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const sources = new Set([...(doc.sources ?? []), ...(doc.source ? [doc.source] : [])].map((s) => s.id));
  const actors = new Set([RESTORE_ACTOR, ...(doc.audit ?? []).map((a) => a.actor)]);

  for (const e of doc.entities) {
    if (e.version !== undefined && (e.version < 1 || e.version > MAX_VERSION))
      problems.push(`entity "${e.id}": version ${e.version} is outside 1…${MAX_VERSION}`);
    if (!e.mergedInto) continue;
    if (e.mergedInto === e.id) problems.push(`entity "${e.id}" is merged into itself`);
    else if (!entities.has(e.mergedInto))
      problems.push(`entity "${e.id}" is merged into "${e.mergedInto}", which is not in the backup`);
    if (e.deleted !== true)
      problems.push(`entity "${e.id}" is merged into "${e.mergedInto}" but not deleted`);
  }

  // Merge chains: a walk that comes back to an entity already on the walk is a cycle.
  const settled = new Set<string>();
  for (const start of doc.entities) {
    const onWalk: string[] = [];
    let id: string | null | undefined = start.id;
    while (id && !settled.has(id) && entities.has(id)) {
      const at = onWalk.indexOf(id);
      if (at >= 0) {
        if (onWalk.length - at > 1)
          problems.push(`merge cycle: ${[...onWalk.slice(at), id].map((x) => `"${x}"`).join(' → ')}`);
        break;
      }
      onWalk.push(id);
      id = entities.get(id)!.mergedInto;
    }
    for (const seen of onWalk) settled.add(seen);
  }

  doc.relationships.forEach((r, i) => {
    const where = `relationship ${r.from}:${r.type}:${r.to} (relationships[${i}])`;
    for (const end of [r.from, r.to])
      if (!entities.has(end)) problems.push(`${where}: entity "${end}" is not in the backup`);
    if (r.version !== undefined && (r.version < 1 || r.version > MAX_VERSION))
      problems.push(`${where}: version ${r.version} is outside 1…${MAX_VERSION}`);
    r.evidence.forEach((ev, k) => {
      if (ev.source !== undefined && !sources.has(ev.source))
        problems.push(`${where}, evidence[${k}]: source "${ev.source}" is not in the backup`);
      if (ev.addedBy && !actors.has(ev.addedBy))
        problems.push(
          `${where}, evidence[${k}]: addedBy "${ev.addedBy}" never acted in the backup's audit trail (forged author)`,
        );
    });
  });
  return problems;
}
