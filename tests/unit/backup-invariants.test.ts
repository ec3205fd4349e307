// Issue 12, item 5b: the content rules a restore checks before writing (server/graph/backup/invariants.ts),
// each broken once on an otherwise valid backup document.
import { describe, expect, it } from 'vitest';
import { backupInvariantProblems } from '../../server/graph/backup/invariants.ts';
import type { ImportDocument } from '../../server/graph/import/format.ts';
import { validateDocument } from '../../server/graph/import/parse.ts';

type Raw = {
  entities: Record<string, unknown>[];
  relationships: { evidence: Record<string, unknown>[]; [key: string]: unknown }[];
  [key: string]: unknown;
};

const valid = (): Raw => ({
  format: 'linkage/v1',
  sources: [{ id: 'wire', title: 'Wire' }],
  entities: [
    { id: 'a', kind: 'Organization', name: 'A' },
    { id: 'b', kind: 'Organization', name: 'B', deleted: true, mergedInto: 'a' },
    { id: 'c', kind: 'Organization', name: 'C' },
  ],
  relationships: [
    {
      type: 'SUPPLIES',
      from: 'a',
      to: 'c',
      evidence: [{ quote: 'a supplies c', certainty: 'REPORTED', source: 'wire', addedBy: 'alice' }],
    },
  ],
  audit: [{ id: 'audit-1', at: '2024-03-01T00:00:00Z', actor: 'alice', action: 'createRelationship' }],
});

const problems = (edit: (doc: Raw) => void = () => {}) => {
  const raw = valid();
  edit(raw);
  return backupInvariantProblems(validateDocument(raw, 'backup.json') as ImportDocument);
};

describe('backup invariants', () => {
  it('a graph Linkage could have written passes', () => {
    expect(problems()).toEqual([]);
  });

  it('a merge cycle is named with its members', () => {
    const found = problems((doc) => {
      Object.assign(doc.entities[0]!, { deleted: true, mergedInto: 'c' });
      Object.assign(doc.entities[2]!, { deleted: true, mergedInto: 'a' });
    });
    expect(found.filter((p) => p.startsWith('merge cycle'))).toHaveLength(1);
    expect(found.join('\n')).toMatch(/merge cycle: "(a|c)" → "(a|c)" → "(a|c)"/);
  });

  it('a merge into itself, into a missing entity, or without deletion is refused', () => {
    expect(problems((doc) => Object.assign(doc.entities[2]!, { deleted: true, mergedInto: 'c' }))).toEqual([
      'entity "c" is merged into itself',
    ]);
    expect(problems((doc) => Object.assign(doc.entities[1]!, { mergedInto: 'zz' }))).toEqual([
      'entity "b" is merged into "zz", which is not in the backup',
    ]);
    expect(problems((doc) => Object.assign(doc.entities[1]!, { deleted: false }))).toEqual([
      'entity "b" is merged into "a" but not deleted',
    ]);
  });

  it('an addedBy the audit trail never saw act is a forged author; "restore" is the restore itself', () => {
    expect(problems((doc) => (doc.relationships[0]!.evidence[0]!.addedBy = 'mallory'))).toEqual([
      'relationship a:SUPPLIES:c (relationships[0]), evidence[0]: addedBy "mallory" never acted in the backup\'s audit trail (forged author)',
    ]);
    expect(problems((doc) => (doc.relationships[0]!.evidence[0]!.addedBy = 'restore'))).toEqual([]);
  });

  it('relationships may join only entities of the backup (an import may refer to stored ones)', () => {
    expect(problems((doc) => (doc.relationships[0]!.to = 'nowhere'))).toEqual([
      'relationship a:SUPPLIES:nowhere (relationships[0]): entity "nowhere" is not in the backup',
    ]);
  });
});
