// Issue 12: exports the red team broke. Item 21: CSV cells starting with a leading space, NBSP, zero-width
// space or a full-width ＝ passed unprefixed (formula injection in spreadsheets that trim or fold them).
// Item 22: JSON Lines carried a raw U+2028, which splits a record for line readers such as pandas.
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

const uri = inject('neo4jUri');
const HOSTILE = [
  ' =HYPERLINK("http://evil.example","x")',
  '\u00a0=1+1',
  '\u200b=cmd|" /C calc"!A0',
  '\uff1d1+1',
  '\uff0bSUM(A1)',
  '\uff20SUM(A1)',
  '\t\t@SUM(A1)',
];

let product: TestProduct;
beforeAll(async () => {
  product = await startProductForTests(uri, { env: { LINKAGE_RESPONSE_CACHE_TTL_MS: '0' } });
  for (const [i, description] of HOSTILE.entries()) {
    const created = await gql(
      product.url,
      'mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id } }',
      { input: { id: `hostile-${i}`, kind: 'Concept', name: `Hostile ${i}`, description } },
      product.editorToken,
    );
    expect(created.errors).toBeUndefined();
  }
  const separator = await gql(
    product.url,
    'mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id } }',
    {
      input: { id: 'line-separator', kind: 'Concept', name: 'Line\u2028separator', description: 'a\u2029b' },
    },
    product.editorToken,
  );
  expect(separator.errors).toBeUndefined();
});
afterAll(() => product?.close());

describe('item 21: CSV cells that a spreadsheet would run are defused', () => {
  it('prefixes every hostile description with an apostrophe', async () => {
    const text = await (await fetch(`${product.url}/export/nodes.csv`)).text();
    const rows = parseCsv(text, { columns: true }) as Record<string, string>[];
    for (const [i, description] of HOSTILE.entries()) {
      const row = rows.find((r) => r.id === `hostile-${i}`);
      expect(row?.description, JSON.stringify(description)).toBe(`'${description}`);
    }
  });
});

describe('item 22: JSON Lines survive line readers that split at U+2028/U+2029', () => {
  it('every line a Python-style splitlines() yields is one whole JSON record', async () => {
    const text = await (await fetch(`${product.url}/export/jsonl`)).text();
    expect(text).not.toMatch(/[\u2028\u2029]/);
    // str.splitlines() boundaries: \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029
    // eslint-disable-next-line no-control-regex
    const lines = text.split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/).filter((l) => l.length > 0);
    const records = lines.map(
      (line) => JSON.parse(line) as { id?: string; name?: string; description?: string },
    );
    const entity = records.find((r) => r.id === 'line-separator');
    expect(entity).toMatchObject({ name: 'Line\u2028separator', description: 'a\u2029b' });
  });
});
