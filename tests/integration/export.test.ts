// Export endpoints against the real server and database: every format is read back with a real reader
// (networkx in the notebooks' venv for GraphML and GEXF, csv-parse, JSON), counts equal the API's stats,
// Korean and XML-special text round-trip, subgraph selections equal `neighborhood`, bad params → 400.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensurePythonEnv } from '../../scripts/python-env.ts';
import { gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

let product: TestProduct;
let python: string;
let tmp: string;
let stats: { entities: number; relationships: number };

const SOURCE_ID = 'apple-economy-2024-02-29-zuckerberg-seoul';
// Characters XML must escape, an entity-looking literal, and Korean, all in one name.
const TRICKY_NAME = 'R&D <Lab> "Q" &amp; 연구소';
const TRICKY_KO = '한국어 & 연구소 <시험>';
const FORMULA_DESCRIPTION = '=HYPERLINK("http://example.invalid","click")';

async function get(pathAndQuery: string) {
  const response = await fetch(`${product.url}${pathAndQuery}`);
  return { response, text: await response.text() };
}

/** Reads a GraphML or GEXF file with networkx and reports what it found. */
function readWithNetworkx(format: 'graphml' | 'gexf', file: string) {
  const script = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1]) if sys.argv[2] == 'graphml' else nx.read_gexf(sys.argv[1])
edges = {d.get('id', k): d for _, _, k, d in g.edges(keys=True, data=True)}
supply = [d for d in edges.values() if d.get('relationshipType') == 'MAY_SUPPLY']
print(json.dumps({
  'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),
  'samsungKo': g.nodes['samsung-electronics'].get('nameKo') if 'samsung-electronics' in g else None,
  'tricky': g.nodes['tricky-lab'] if 'tricky-lab' in g else None,
  'deletedPresent': 'deleted-lab' in g,
  'supply': supply[0] if supply else None,
}, ensure_ascii=False))
`;
  const result = spawnSync(python, ['-c', script, file, format], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`networkx could not read the ${format}: ${result.stderr}`);
  return JSON.parse(result.stdout) as {
    nodes: number;
    edges: number;
    samsungKo: string;
    tricky: Record<string, string> | null;
    deletedPresent: boolean;
    supply: Record<string, string> | null;
  };
}

async function download(format: string, query = '') {
  const { response, text } = await get(`/export/${format}${query}`);
  expect(response.status, text.slice(0, 300)).toBe(200);
  const file = path.join(tmp, `export.${format}`);
  fs.writeFileSync(file, text, 'utf8');
  return { response, text, file };
}

const csvRows = (text: string) =>
  parseCsv(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

beforeAll(async () => {
  python = ensurePythonEnv();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-export-test-'));
  product = await startProductForTests(inject('neo4jUri'));
  const token = product.editorToken;
  const created = await gql(
    product.url,
    `mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id } }`,
    {
      input: {
        id: 'tricky-lab',
        kind: 'Organization',
        name: TRICKY_NAME,
        nameKo: TRICKY_KO,
        description: FORMULA_DESCRIPTION,
        // A control character XML cannot carry: it must not break the document.
        aliases: ['bell\u0007ringer'],
      },
    },
    token,
  );
  expect(created.errors).toBeUndefined();
  const linked = await gql(
    product.url,
    `mutation ($input: CreateRelationshipInput!) { createRelationship(input: $input) { id } }`,
    {
      input: {
        type: 'STUDIES',
        fromId: 'tricky-lab',
        toId: 'samsung-electronics',
        evidence: [
          {
            quote: '+1 추정된다',
            translation: '-2 presumably',
            attributedTo: '@analyst',
            certainty: 'SPECULATIVE',
            sourceId: SOURCE_ID,
          },
        ],
      },
    },
    token,
  );
  expect(linked.errors).toBeUndefined();
  // A deleted entity (and so its relationship) must not be exported.
  await gql(
    product.url,
    `mutation { createEntity(input: {id: "deleted-lab", kind: "Organization", name: "Deleted Lab"}) { id } }`,
    {},
    token,
  );
  await gql(
    product.url,
    `mutation { createRelationship(input: {type: "STUDIES", fromId: "deleted-lab", toId: "meta",
      evidence: [{quote: "삭제", certainty: "CONFIRMED", sourceId: "${SOURCE_ID}"}]}) { id } }`,
    {},
    token,
  );
  const deleted = await gql(
    product.url,
    `mutation { deleteEntity(id: "deleted-lab", version: 1) { deleted } }`,
    {},
    token,
  );
  expect(deleted.data?.deleteEntity?.deleted).toBe(true);
  const response = await gql(product.url, '{ stats { entities relationships } }');
  stats = response.data!.stats;
});

afterAll(async () => {
  await product?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('whole-graph exports read back with real readers', () => {
  it('GraphML: networkx reads it; counts equal stats; Korean and XML-special text round-trip', async () => {
    const { response, file } = await download('graphml');
    expect(response.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="linkage-graph.graphml"');
    // Written as it is read: chunked, no length known up front.
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const graph = readWithNetworkx('graphml', file);
    expect(stats.entities).toBeGreaterThan(60);
    expect({ nodes: graph.nodes, edges: graph.edges }).toEqual({
      nodes: stats.entities,
      edges: stats.relationships,
    });
    expect(graph.samsungKo).toBe('삼성전자');
    expect(graph.tricky).toMatchObject({
      name: TRICKY_NAME,
      nameKo: TRICKY_KO,
      kind: 'Organization',
      aliases: 'bell\uFFFDringer',
    });
    expect(graph.deletedPresent).toBe(false);
    expect(graph.supply).toMatchObject({ certainty: 'SPECULATIVE', publishedAt: '2024-02-29' });
    expect(graph.supply!.quotes).toContain('짐작된다');
    const evidence = JSON.parse(graph.supply!.evidence!) as { quote: string; attributedTo: string }[];
    expect(evidence.map((e) => e.quote)).toContain('것으로 짐작된다');
    expect(evidence[0]!.attributedTo).toBe('Apple Economy');
    expect(graph.supply!.evidenceText).toContain('it is presumed');
  });

  it('GEXF: networkx reads it; counts equal stats; Korean and XML-special text round-trip', async () => {
    const { response, file } = await download('gexf');
    expect(response.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
    const graph = readWithNetworkx('gexf', file);
    expect({ nodes: graph.nodes, edges: graph.edges }).toEqual({
      nodes: stats.entities,
      edges: stats.relationships,
    });
    expect(graph.samsungKo).toBe('삼성전자');
    expect(graph.tricky).toMatchObject({ name: TRICKY_NAME, nameKo: TRICKY_KO });
    expect(graph.supply).toMatchObject({ certainty: 'SPECULATIVE', label: 'MAY_SUPPLY' });
    expect(graph.supply!.quotes).toContain('짐작된다');
  });

  it('CSV: nodes and edges parse with csv-parse, count like stats, keep Korean, defuse formulas', async () => {
    const nodes = await download('nodes.csv');
    expect(nodes.response.headers.get('content-type')).toContain('text/csv; charset=utf-8');
    expect(nodes.response.headers.get('content-disposition')).toBe(
      'attachment; filename="linkage-graph.nodes.csv"',
    );
    const nodeRows = csvRows(nodes.text);
    expect(nodeRows).toHaveLength(stats.entities);
    expect(nodeRows.find((r) => r.id === 'samsung-electronics')?.nameKo).toBe('삼성전자');
    const tricky = nodeRows.find((r) => r.id === 'tricky-lab')!;
    expect(tricky.name).toBe(TRICKY_NAME);
    expect(tricky.description).toBe(`'${FORMULA_DESCRIPTION}`);
    expect(nodeRows.some((r) => r.id === 'deleted-lab')).toBe(false);

    const edges = await download('edges.csv');
    const edgeRows = csvRows(edges.text);
    expect(edgeRows).toHaveLength(stats.relationships);
    const studies = edgeRows.find((r) => r.id === 'tricky-lab:STUDIES:samsung-electronics')!;
    expect(studies.quotes).toBe("'+1 추정된다");
    expect(studies.translations).toBe("'-2 presumably");
    expect(studies.attributedTo).toBe("'@analyst");
    const supply = edgeRows.find((r) => r.relationshipType === 'MAY_SUPPLY')!;
    expect(supply).toMatchObject({ source: 'samsung-electronics', target: 'meta', certainty: 'SPECULATIVE' });
    expect(supply.quotes).toContain('것으로 짐작된다');
    expect(supply.publishedAt).toBe('2024-02-29');
  });

  it('Cytoscape JSON has the {elements: {nodes: [{data}], edges: [{data}]}} shape and all of the graph', async () => {
    const { response, text } = await download('cytoscape.json');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const doc = JSON.parse(text) as {
      elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] };
    };
    expect(doc.elements.nodes).toHaveLength(stats.entities);
    expect(doc.elements.edges).toHaveLength(stats.relationships);
    const ids = new Set(doc.elements.nodes.map((n) => n.data.id));
    for (const edge of doc.elements.edges) {
      expect(ids.has(edge.data.source)).toBe(true);
      expect(ids.has(edge.data.target)).toBe(true);
    }
    const samsung = doc.elements.nodes.find((n) => n.data.id === 'samsung-electronics')!;
    expect(samsung.data).toMatchObject({ nameKo: '삼성전자', kind: 'Organization' });
    const supply = doc.elements.edges.find((e) => e.data.type === 'MAY_SUPPLY')!;
    expect(supply.data.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ quote: '것으로 짐작된다', certainty: 'SPECULATIVE' }),
      ]),
    );
  });

  it('JSON Lines: one parseable entity or relationship per line', async () => {
    const { response, text } = await download('jsonl');
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = text.split('\n').filter(Boolean);
    const records = lines.map((line) => JSON.parse(line) as { element: string; [key: string]: unknown });
    expect(records.filter((r) => r.element === 'entity')).toHaveLength(stats.entities);
    expect(records.filter((r) => r.element === 'relationship')).toHaveLength(stats.relationships);
    expect(records.find((r) => r.id === 'tricky-lab')).toMatchObject({
      name: TRICKY_NAME,
      nameKo: TRICKY_KO,
    });
  });

  it('filters apply to the whole graph too', async () => {
    const people = csvRows((await download('nodes.csv', '?kinds=Person')).text);
    expect(people.length).toBeGreaterThan(3);
    expect(new Set(people.map((r) => r.kind))).toEqual(new Set(['Person']));
    const supply = csvRows((await download('edges.csv', '?types=MAY_SUPPLY,STUDIES')).text);
    expect(new Set(supply.map((r) => r.relationshipType))).toEqual(new Set(['MAY_SUPPLY', 'STUDIES']));
    const speculative = csvRows((await download('edges.csv', '?minCertainty=CONFIRMED')).text);
    expect(speculative.length).toBeGreaterThan(0);
    expect(speculative.every((r) => r.certainty === 'CONFIRMED')).toBe(true);
  });
});

describe('subgraph exports equal the GraphQL neighborhood', () => {
  const NEIGHBORHOOD = `query ($ids: [ID!]!, $depth: Int, $limit: Int, $filter: GraphFilter) {
    neighborhood(ids: $ids, depth: $depth, limit: $limit, filter: $filter) {
      nodes { id } relationships { id }
    }
  }`;

  const cases: { query: string; variables: Record<string, unknown> }[] = [
    { query: 'ids=mark-zuckerberg', variables: { ids: ['mark-zuckerberg'] } },
    {
      query: 'ids=mark-zuckerberg,samsung-electronics&depth=2&limit=25',
      variables: { ids: ['mark-zuckerberg', 'samsung-electronics'], depth: 2, limit: 25 },
    },
    {
      query: 'ids=meta&depth=2&kinds=Person,Organization&minCertainty=REPORTED&occurredFrom=2024-01-01',
      variables: {
        ids: ['meta'],
        depth: 2,
        filter: { kinds: ['Person', 'Organization'], minCertainty: 'REPORTED', occurredFrom: '2024-01-01' },
      },
    },
    {
      query: 'ids=samsung-electronics&types=MAY_SUPPLY&types=PARTNERS_WITH&publishedFrom=2024-02-01',
      variables: {
        ids: ['samsung-electronics'],
        filter: { relationshipTypes: ['MAY_SUPPLY', 'PARTNERS_WITH'], publishedFrom: '2024-02-01' },
      },
    },
  ];

  it.each(cases)('$query', async ({ query, variables }) => {
    const api = await gql(product.url, NEIGHBORHOOD, variables);
    expect(api.errors).toBeUndefined();
    const wantNodes = (api.data!.neighborhood.nodes as { id: string }[]).map((n) => n.id).sort();
    const wantEdges = (api.data!.neighborhood.relationships as { id: string }[]).map((r) => r.id).sort();
    expect(wantNodes.length).toBeGreaterThan(0);

    const jsonl = await download('jsonl', `?${query}`);
    expect(jsonl.response.headers.get('content-disposition')).toBe(
      'attachment; filename="linkage-neighborhood.jsonl"',
    );
    const records = jsonl.text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { element: string; id: string });
    expect(
      records
        .filter((r) => r.element === 'entity')
        .map((r) => r.id)
        .sort(),
    ).toEqual(wantNodes);
    expect(
      records
        .filter((r) => r.element === 'relationship')
        .map((r) => r.id)
        .sort(),
    ).toEqual(wantEdges);

    const graphml = await download('graphml', `?${query}`);
    const graph = readWithNetworkx('graphml', graphml.file);
    expect({ nodes: graph.nodes, edges: graph.edges }).toEqual({
      nodes: wantNodes.length,
      edges: wantEdges.length,
    });
  });
});

describe('view exports: what the explorer has on screen (POST ids, relationship ids and filter)', () => {
  const VIEW = ['mark-zuckerberg', 'meta', 'lee-jae-yong', 'samsung-electronics'];
  const post = (format: string, body: unknown, contentType = 'application/json') =>
    fetch(`${product.url}/export/${format}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const among = async (ids: string[]) => {
    const api = await gql(
      product.url,
      `query ($ids: [ID!]!) { neighborhood(ids: $ids, depth: 1, limit: 300) { relationships { id fromId toId } } }`,
      { ids },
    );
    expect(api.errors).toBeUndefined();
    return (api.data!.neighborhood.relationships as { id: string; fromId: string; toId: string }[])
      .filter((r) => ids.includes(r.fromId) && ids.includes(r.toId))
      .map((r) => r.id)
      .sort();
  };
  const saved = async (format: 'graphml' | 'gexf', body: unknown) => {
    const response = await post(format, body);
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBe(200);
    const file = path.join(tmp, `view.${format}`);
    fs.writeFileSync(file, text, 'utf8');
    return readWithNetworkx(format, file);
  };

  it('GraphML and GEXF hold exactly the entities given and the relationships among them', async () => {
    const relationships = await among(VIEW);
    expect(relationships.length).toBeGreaterThan(2);
    for (const format of ['graphml', 'gexf'] as const) {
      const whole = await saved(format, { ids: VIEW });
      expect({ nodes: whole.nodes, edges: whole.edges }).toEqual({
        nodes: VIEW.length,
        edges: relationships.length,
      });
    }
    // A relationship the view does not show is not in its file either.
    const shown = relationships.slice(1);
    const partial = await saved('graphml', { ids: VIEW, relationshipIds: shown });
    expect({ nodes: partial.nodes, edges: partial.edges }).toEqual({
      nodes: VIEW.length,
      edges: shown.length,
    });
  });

  it('evidence.csv has one row per quote, in names, every cell quoted, formulas defused', async () => {
    const response = await post('evidence.csv', { ids: ['tricky-lab', 'samsung-electronics'] });
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBe(200);
    const header = text.split(/\r?\n/)[0]!;
    expect(header.startsWith('"id","from","fromName","type","to","toName"')).toBe(true);
    expect(header).toContain('"quote","translation","attributedTo","evidenceCertainty"');
    const rows = csvRows(text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: 'tricky-lab:STUDIES:samsung-electronics',
      fromName: TRICKY_NAME,
      toName: 'Samsung Electronics',
      quote: "'+1 추정된다",
      translation: "'-2 presumably",
      attributedTo: "'@analyst",
      evidenceCertainty: 'SPECULATIVE',
      stance: 'SUPPORTS',
      sourceId: SOURCE_ID,
    });
  });

  it('the filter of the view applies to each piece of evidence, as on screen', async () => {
    const body = (filter: Record<string, unknown>) => ({
      ids: ['mark-zuckerberg', 'lee-jae-yong'],
      relationshipIds: ['mark-zuckerberg:MET_WITH:lee-jae-yong'],
      filter,
    });
    const all = csvRows(await (await post('evidence.csv', body({}))).text());
    expect(all.map((r) => r.quote).sort()).toEqual(
      ['이 부회장을 만나', '이재용 삼성전자 회장과 만나'].sort(),
    );
    const confirmed = csvRows(await (await post('evidence.csv', body({ minCertainty: 'CONFIRMED' }))).text());
    expect(confirmed.map((r) => [r.quote, r.certainty])).toEqual([['이 부회장을 만나', 'CONFIRMED']]);
  });

  it('refuses a bad view with a clear error', async () => {
    const refused = async (response: Response, status: number, mentions: string) => {
      const text = await response.text();
      expect(response.status, text).toBe(status);
      const body = JSON.parse(text) as { error: { code: string; message: string } };
      expect(body.error.message).toContain(mentions);
      return body.error.code;
    };
    expect(
      await refused(await post('graphml', 'ids=meta', 'application/x-www-form-urlencoded'), 415, 'JSON'),
    ).toBe('BAD_USER_INPUT');
    expect(await refused(await post('graphml', '{"ids": ["meta"]}', 'text/plain'), 415, 'JSON')).toBe(
      'BAD_USER_INPUT',
    );
    await refused(await post('graphml', '{"ids": [', 'application/json'), 400, 'not valid JSON');
    await refused(
      await post('graphml', { ids: ['meta'], pad: 'x'.repeat(1_100_000) }),
      413,
      'fewer entities',
    );
    await refused(await post('graphml', { ids: [] }), 400, 'ids');
    await refused(await post('graphml', { ids: ['Not An Id'] }), 400, 'ids');
    await refused(
      await post('graphml', { ids: ['meta'], filter: { minCertainty: 'MAYBE' } }),
      400,
      'minCertainty',
    );
    expect(
      await refused(await post('graphml', { ids: ['meta', 'nobody-at-all'] }), 404, 'nobody-at-all'),
    ).toBe('NOT_FOUND');
    await refused(await post('xlsx', { ids: ['meta'] }), 404, '/export/graphml');
  });
});

describe('bad requests', () => {
  const bad: [string, string][] = [
    ['?ids=mark-zuckerberg&depth=abc', 'depth'],
    ['?ids=mark-zuckerberg&depth=9', 'depth'],
    ['?ids=mark-zuckerberg&limit=0', 'limit'],
    ['?ids=Not%20An%20Id', 'ids'],
    ['?depth=2', 'depth'],
    ['?limit=5', 'limit'],
    ['?kinds=Alien', 'kinds'],
    ['?types=lower_case', 'types'],
    ['?minCertainty=MAYBE', 'minCertainty'],
    ['?occurredFrom=2024-13-01', 'occurredFrom'],
    ['?occurredFrom=2024-03-01&occurredTo=2024-02-01', 'occurredTo'],
    ['?publishedFrom=yesterday', 'publishedFrom'],
    ['?includeUndated=maybe', 'includeUndated'],
    ['?minCertainty=REPORTED&minCertainty=CONFIRMED', 'minCertainty'],
    ['?format=xml', 'format'],
    ['?sourceIds=Not%20An%20Id', 'sourceIds'],
  ];

  it.each(bad)('%s → 400 naming %s', async (query, parameter) => {
    for (const format of ['graphml', 'edges.csv']) {
      const { response, text } = await get(`/export/${format}${query}`);
      expect(response.status, text).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = JSON.parse(text) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('BAD_USER_INPUT');
      expect(body.error.message).toContain(parameter);
    }
  });

  it('an unknown format is 404 and lists the formats', async () => {
    const { response, text } = await get('/export/xlsx');
    expect(response.status).toBe(404);
    const body = JSON.parse(text) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toContain('/export/graphml');
  });

  it('unknown start ids are 404 naming them', async () => {
    const { response, text } = await get('/export/gexf?ids=mark-zuckerberg,nobody-at-all');
    expect(response.status).toBe(404);
    const body = JSON.parse(text) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toContain('nobody-at-all');
  });
});
