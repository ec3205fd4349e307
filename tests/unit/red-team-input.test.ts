// Issue 12: input the red team got past validation. Item 9: an imported version of 3,000,000,000 broke
// every query touching the entity (GraphQL Int is 32-bit). Item 16: `javascript:` and `data:` source URLs
// were accepted (zod's z.url() allows any scheme).
import { describe, expect, it } from 'vitest';
import { ImportError, parseJsonDocument } from '../../server/graph/import/parse.ts';
import { check, SourceInputSchema } from '../../server/graph/inputs.ts';

const doc = (patch: { entity?: object; relationship?: object; source?: object }) =>
  JSON.stringify({
    format: 'linkage/v1',
    source: { id: 's', title: 'S', ...patch.source },
    entities: [
      { id: 'a', kind: 'Organization', name: 'A', ...patch.entity },
      { id: 'b', kind: 'Organization', name: 'B' },
    ],
    relationships: [
      {
        type: 'KNOWS',
        from: 'a',
        to: 'b',
        evidence: [{ quote: 'q', certainty: 'REPORTED' }],
        ...patch.relationship,
      },
    ],
  });

const problems = (text: string) => {
  try {
    parseJsonDocument(text, 'x.json');
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).problems.map((p) => p.message);
  }
};

describe('item 9: integers on import are bounded', () => {
  it('refuses an entity or relationship version beyond what GraphQL can answer', () => {
    expect(problems(doc({ entity: { version: 3_000_000_000 } })).join()).toMatch(/version must be at most/);
    expect(problems(doc({ relationship: { version: 3_000_000_000 } })).join()).toMatch(
      /version must be at most/,
    );
    expect(problems(doc({ entity: { version: 7 } }))).toEqual([]);
  });
});

describe('item 16: source URLs are http(s) only', () => {
  it.each([
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:x',
  ])('refuses %s on import and through the API', (url) => {
    expect(problems(doc({ source: { url } })).join()).toMatch(/http\(s\) URL/);
    expect(() => check(SourceInputSchema, { id: 's', title: 'S', url })).toThrow(/http\(s\) URL/);
  });

  it('accepts http and https URLs', () => {
    for (const url of ['https://www.example.com/a?b=c', 'http://example.org/'])
      expect(problems(doc({ source: { url } }))).toEqual([]);
  });
});
