// The analyst notebooks, executed top to bottom with nbclient against the real product: a failing cell
// fails the run, and the outputs say what an analyst would see (Zuckerberg at the centre, the Samsung
// GPU-supply speculation in the audit, exports that round-trip). Executed copies go to a temp directory;
// the notebooks in the repository are never written.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensurePythonEnv, NOTEBOOKS_DIR } from '../../scripts/python-env.ts';
import { startProductForTests, type TestProduct } from '../helpers/product.ts';

const NOTEBOOKS = ['01-quickstart.ipynb', '02-evidence-audit.ipynb', '03-export-roundtrip.ipynb'];
const RUNNER = path.join(NOTEBOOKS_DIR, 'run_notebooks.py');

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
}
interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
  execution_count?: number | null;
}

let product: TestProduct;
let python: string;
let outDir: string;

const joined = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join('') : (value ?? '');

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, cwd: NOTEBOOKS_DIR });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const readCells = (file: string) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { cells: Cell[] }).cells;

/** Everything a reader sees printed: streams and the plain-text form of displayed values. */
function textOf(cells: Cell[]) {
  return cells
    .flatMap((c) => c.outputs ?? [])
    .map((o) => joined(o.text) + joined(o.data?.['text/plain']))
    .join('\n');
}

beforeAll(async () => {
  python = ensurePythonEnv();
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-notebooks-'));
  product = await startProductForTests(inject('neo4jUri'));
});

afterAll(async () => {
  await product?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('analyst notebooks', () => {
  it('every notebook runs top to bottom and shows what analysts need', async () => {
    const before = NOTEBOOKS.map((n) => fs.readFileSync(path.join(NOTEBOOKS_DIR, n), 'utf8'));
    const result = await run(python, [RUNNER, outDir, ...NOTEBOOKS, '--timeout', '240'], {
      LINKAGE_URL: product.url,
      LINKAGE_OUTPUT_DIR: outDir,
    });
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    const reports = result.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { notebook: string; ok: boolean; seconds: number });
    expect(reports.map((r) => [r.notebook, r.ok])).toEqual(NOTEBOOKS.map((n) => [n, true]));
    console.info(`notebook execution: ${reports.map((r) => `${r.notebook} ${r.seconds}s`).join(', ')}`);

    // The repository's notebooks stay as they were: executed copies live in the temp directory only.
    expect(NOTEBOOKS.map((n) => fs.readFileSync(path.join(NOTEBOOKS_DIR, n), 'utf8'))).toEqual(before);

    const quickstart = readCells(path.join(outDir, NOTEBOOKS[0]!));
    const quickText = textOf(quickstart);
    expect(quickstart.flatMap((c) => c.outputs ?? []).some((o) => o.output_type === 'error')).toBe(false);
    expect(quickText).toContain('마크 저커버그'); // the Korean search found him
    expect(quickText).toContain('Samsung Electronics'); // the English search
    expect(quickText).toContain('queries/neighborhood.graphql'); // the GraphQL sent is shown
    expect(quickText).toContain('neighborhood(ids: $ids');
    // The centrality table: Mark Zuckerberg among the top three rows.
    const table = quickText.slice(quickText.indexOf('degreeCentrality'));
    const topRows = table.split('\n').slice(1, 4).join('\n');
    expect(topRows).toContain('Mark Zuckerberg');
    // Korean labels drew with a real font: matplotlib warns "Glyph … missing from font" otherwise.
    expect(quickText).not.toMatch(/missing from (current )?font/i);
    expect(quickText).toMatch(/font: Noto Sans CJK/);
    expect(quickstart.flatMap((c) => c.outputs ?? []).some((o) => o.data?.['image/png'])).toBe(true);
    expect(fs.statSync(path.join(outDir, 'quickstart-neighborhood.png')).size).toBeGreaterThan(20_000);

    const audit = textOf(readCells(path.join(outDir, NOTEBOOKS[1]!)));
    const supplyRows = audit.split('\n').filter((l) => l.includes('Samsung Electronics → MAY_SUPPLY → Meta'));
    expect(supplyRows.some((l) => l.includes('짐작된다') && l.includes('SPECULATIVE'))).toBe(true);
    expect(audit).not.toMatch(/→ CEO_OF →.*CONFIRMED/); // only SPECULATIVE and REPORTED claims are listed
    expect(audit).not.toMatch(/missing from (current )?font/i);
    expect(fs.existsSync(path.join(outDir, 'evidence-by-source.png'))).toBe(true);

    const roundTrip = textOf(readCells(path.join(outDir, NOTEBOOKS[2]!)));
    expect(roundTrip).toContain('ROUND TRIP OK');
    expect(roundTrip).toContain('GraphML nameKo: 삼성전자 | GEXF nameKo: 삼성전자');
  }, 600_000);

  it('a failing cell fails the run and names the error', async () => {
    const broken = path.join(outDir, 'broken.ipynb');
    fs.writeFileSync(
      broken,
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
        cells: [
          { cell_type: 'code', id: 'ok', metadata: {}, source: 'x = 1', outputs: [], execution_count: null },
          {
            cell_type: 'code',
            id: 'boom',
            metadata: {},
            source: 'raise ValueError("boom in a cell")',
            outputs: [],
            execution_count: null,
          },
        ],
      }),
    );
    const result = await run(python, [RUNNER, path.join(outDir, 'broken-out'), broken], {
      LINKAGE_URL: product.url,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('boom in a cell');
  }, 300_000);

  it('the client raises a clear error when the API refuses a query', async () => {
    const script = [
      'import linkage_client as lc',
      'try:',
      '    lc.run("search", {"text": "   "})',
      'except lc.LinkageError as error:',
      '    print("REFUSED", error.code, error)',
    ].join('\n');
    const refused = await run(python, ['-c', script], { LINKAGE_URL: product.url });
    expect(refused.stdout).toMatch(/^REFUSED BAD_USER_INPUT .*search text is empty/m);

    const unreachable = await run(
      python,
      ['-c', 'import linkage_client as lc\ntry:\n    lc.stats()\nexcept lc.LinkageError as e:\n    print(e)'],
      { LINKAGE_URL: 'http://127.0.0.1:9' },
    );
    expect(unreachable.stdout).toContain('cannot reach Linkage at http://127.0.0.1:9');
  });
});
