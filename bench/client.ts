// S8/S9: the built client in headless Chromium (CPU only, the flags of scripts/chromium.ts), driven the way
// an analyst uses it, through its own UI.
//
// S8 (search → painted 500-node neighbourhood): the clock starts when the bench types a hub's name into
// the search box; it opens the hit, opens the expansion dialog, sets the cap to 500 and confirms. One
// warm-up run first (cold server caches are not the client's time), then the median of three runs.
//   s8Ms         until the animation frame in which the last node of the neighbourhood appeared on the
//                canvas (checked every frame: the number of drawn nodes then stays the same for 20 frames).
//                For a batch this big the nodes are drawn at once in rings around the hub (placement.ts).
//   s8SettledMs  until the force-directed refinement (fcose in the layout worker) has been applied, i.e.
//                the positions are final: the first frame after the canvas reports data-layout="idle"
//                with the node count unchanged. Equal to s8Ms when nothing is refined.
// S9 (fps while panning and zooming): a synthetic Linkage JSON file of exactly 2k nodes / 10k edges and
// one of 5k / 20k (deterministic, written to a temp dir, with saved positions like a real export) is
// opened through the toolbar's file input (playwright setInputFiles). Then, for a few seconds each, the
// mouse drags the background (pan) and turns the wheel over the canvas (zoom) while the page counts
// requestAnimationFrame callbacks: fps = frames / seconds, pan and zoom apart.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../scripts/chromium.ts';
import { REPO_ROOT } from '../server/config.ts';

export interface ClientResult {
  measured: boolean;
  reason?: string;
  s8Ms?: number;
  s8Nodes?: number;
  s8SettledMs?: number;
  /** How long fcose ran in the layout worker for S8's neighbourhood (part of s8SettledMs). */
  s8RefineMs?: number;
  /** pan2k, zoom2k, pan5k, zoom5k (fps); open2kMs, open5kMs (file chosen → painted); heap2kMb, heap5kMb. */
  s9?: Record<string, number>;
  browserHeapMb?: number;
}

export const S8_CAP = 500;
export const S9_SIZES = [
  { key: '2k', nodes: 2000, edges: 10_000 },
  { key: '5k', nodes: 5000, edges: 20_000 },
] as const;
const GESTURE_SECONDS = 4;
const S8_RUNS = 3;

interface Rendered {
  nodes: string[];
  edges: string[];
}

interface Watch {
  count: number;
  frames: number;
  changedAt: number;
  settledAt: number;
}

/** Waits until more than `min` nodes are drawn, unchanged for 20 frames, and no layout is running. */
async function waitPainted(
  page: Page,
  min: number,
): Promise<{ paintedAt: number; settledAt: number; nodes: number }> {
  await page.evaluate(() => {
    (window as unknown as { benchSeen?: unknown }).benchSeen = undefined;
  });
  await page.waitForFunction(
    (minimum) => {
      const w = window as unknown as { linkage?: { renderedIds(): Rendered }; benchSeen?: Watch };
      const now = performance.timeOrigin + performance.now();
      const count = w.linkage?.renderedIds().nodes.length ?? 0;
      const busy = document.getElementById('canvas')?.dataset.layout === 'running';
      const seen = w.benchSeen ?? { count: -1, frames: 0, changedAt: 0, settledAt: 0 };
      if (count !== seen.count) w.benchSeen = { count, frames: 0, changedAt: now, settledAt: busy ? 0 : now };
      else
        w.benchSeen = {
          ...seen,
          frames: seen.frames + 1,
          settledAt: seen.settledAt || (busy ? 0 : now),
        };
      return count > minimum && w.benchSeen.frames >= 20 && !busy;
    },
    min,
    { timeout: 180_000, polling: 'raf' },
  );
  const seen = await page.evaluate(() => (window as unknown as { benchSeen: Watch }).benchSeen);
  return {
    paintedAt: seen.changedAt,
    settledAt: Math.max(seen.changedAt, seen.settledAt),
    nodes: seen.count,
  };
}

const heapMb = async (page: Page): Promise<number> =>
  (await page.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
  )) /
  2 ** 20;

interface S8Run {
  s8Ms: number;
  s8SettledMs: number;
  s8Nodes: number;
  s8RefineMs?: number;
  /** Where the time went: search answered, expansion dialog ready, expansion confirmed (ms from start). */
  steps: { search: number; dialog: number; confirmed: number };
}

async function runS8(page: Page, url: string): Promise<S8Run> {
  await page.goto(`${url}/`);
  await page.locator('#search-input').waitFor({ timeout: 30_000 });
  // Wall-clock (epoch ms) on both sides: the page's performance.now() origin is not the bench's.
  const started = Date.now();
  await page.fill('#search-input', 'Samsung Electronics');
  await page.locator('.search-hit[data-id="samsung-electronics"]').first().waitFor({ timeout: 30_000 });
  const search = Date.now() - started;
  await page.keyboard.press('Enter');
  await page.locator('#details button:has-text("Expand")').click({ timeout: 30_000 });
  await page.locator('#expand-cap').fill(String(S8_CAP), { timeout: 30_000 });
  const dialog = Date.now() - started;
  await page.click('#expand-confirm');
  const confirmed = Date.now() - started;
  const painted = await waitPainted(page, 1);
  const refine = await page.locator('#canvas').getAttribute('data-layout-ms');
  return {
    s8Ms: painted.paintedAt - started,
    s8SettledMs: painted.settledAt - started,
    s8Nodes: painted.nodes,
    ...(refine ? { s8RefineMs: Number(refine) } : {}),
    steps: { search, dialog, confirmed },
  };
}

/** One warm-up run (cold server caches and query plans are not the client's time), then the median of 3. */
async function measureS8(page: Page, url: string): Promise<S8Run> {
  await runS8(page, url);
  const runs: S8Run[] = [];
  for (let i = 0; i < S8_RUNS; i += 1) runs.push(await runS8(page, url));
  runs.sort((a, b) => a.s8Ms - b.s8Ms);
  return runs[Math.floor(runs.length / 2)]!;
}

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['Organization', 'Person', 'Product', 'Technology', 'Event', 'Place', 'Concept'];
const TYPES = [
  'DEVELOPS',
  'PARTNERS_WITH',
  'COMPETES_WITH',
  'SUPPLIES',
  'MET_WITH',
  'INVESTS_IN',
  'MENTIONS',
];
const CERTAINTIES = ['CONFIRMED', 'REPORTED', 'SPECULATIVE'] as const;

/**
 * A Linkage JSON file (client/src/state/graph-file.ts) of exactly `nodes` entities and `edges`
 * relationships, as an export of a laid-out canvas looks: clusters of related entities, most
 * relationships inside a cluster, some across, saved positions for every entity.
 */
export function syntheticGraphFile(nodes: number, edges: number, seed = 42): string {
  const rnd = random(seed + nodes);
  const clusterSize = 40;
  const clusters = Math.ceil(nodes / clusterSize);
  const columns = Math.ceil(Math.sqrt(clusters));
  const source = {
    id: 'src-synthetic',
    title: '합성 기사',
    titleEn: 'Synthetic article',
    publisher: 'Bench',
    author: null,
    publishedAt: '2024-02-29',
    language: 'ko',
    url: null,
  };
  const entities = [];
  const positions: Record<string, { x: number; y: number }> = {};
  for (let i = 0; i < nodes; i += 1) {
    const id = `bench-entity-${i}`;
    const cluster = Math.floor(i / clusterSize);
    const angle = rnd() * 2 * Math.PI;
    const radius = 60 + rnd() * 320;
    positions[id] = {
      x: (cluster % columns) * 900 + Math.cos(angle) * radius,
      y: Math.floor(cluster / columns) * 900 + Math.sin(angle) * radius,
    };
    entities.push({
      id,
      kind: KINDS[i % KINDS.length],
      name: `Entity ${i}`,
      nameKo: `개체 ${i}`,
      aliases: [],
      description: null,
      occurredAt: i % KINDS.length === 4 ? `202${i % 5}-0${1 + (i % 9)}-1${i % 10}` : null,
      properties: {},
      version: 1,
    });
  }
  const seen = new Set<string>();
  const relationships = [];
  while (relationships.length < edges) {
    const from = Math.floor(rnd() * nodes);
    const cluster = Math.floor(from / clusterSize);
    const local = rnd() < 0.85;
    const to = local
      ? Math.min(nodes - 1, cluster * clusterSize + Math.floor(rnd() * clusterSize))
      : Math.floor(rnd() * nodes);
    const type = TYPES[Math.floor(rnd() * TYPES.length)] as string;
    const id = `bench-entity-${from}:${type}:bench-entity-${to}`;
    if (from === to || seen.has(id)) continue;
    seen.add(id);
    const certainty = CERTAINTIES[Math.floor(rnd() * 3)] as string;
    relationships.push({
      id,
      type,
      fromId: `bench-entity-${from}`,
      toId: `bench-entity-${to}`,
      certainty,
      occurredAt: null,
      properties: {},
      evidence: [
        {
          id: `ev-${relationships.length}`,
          quote: '합성 인용문',
          translation: 'a synthetic quote',
          attributedTo: null,
          certainty,
          source,
        },
      ],
      version: 1,
    });
  }
  return JSON.stringify({
    format: 'linkage-view/v1',
    exportedAt: '2026-01-01T00:00:00.000Z',
    labelMode: 'both',
    layout: 'fcose',
    entities,
    relationships,
    positions,
  });
}

/** Counts animation frames while `gesture` runs; returns frames per second. */
async function fpsDuring(page: Page, gesture: () => Promise<void>): Promise<number> {
  // A string, not a function: tsx would wrap the named callback in a helper the page does not have.
  await page.evaluate(`(() => {
    const w = window;
    w.benchFrames = { n: 0, on: true, t0: performance.now() };
    const tick = () => {
      if (!w.benchFrames.on) return;
      w.benchFrames.n += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await gesture();
  return page.evaluate(() => {
    const w = window as unknown as { benchFrames: { n: number; on: boolean; t0: number } };
    w.benchFrames.on = false;
    return w.benchFrames.n / ((performance.now() - w.benchFrames.t0) / 1000);
  });
}

async function measureS9(page: Page, url: string, dir: string): Promise<Record<string, number>> {
  const s9: Record<string, number> = {};
  for (const size of S9_SIZES) {
    const file = path.join(dir, `linkage-bench-${size.key}.linkage.json`);
    fs.writeFileSync(file, syntheticGraphFile(size.nodes, size.edges));
    await page.goto(`${url}/`);
    await page.locator('#open-file-input').waitFor({ state: 'attached', timeout: 30_000 });
    const started = Date.now();
    await page.setInputFiles('#open-file-input', file);
    const painted = await waitPainted(page, size.nodes - 1);
    s9[`open${size.key}Ms`] = painted.paintedAt - started;
    const box = await page.locator('#canvas').boundingBox();
    if (!box) throw new Error('the canvas has no box');
    // Pan: drag the background from the top-left corner (fit leaves 40 px of margin there) in loops.
    s9[`pan${size.key}`] = await fpsDuring(page, async () => {
      await page.mouse.move(box.x + 12, box.y + 12);
      await page.mouse.down();
      const until = Date.now() + GESTURE_SECONDS * 1000;
      for (let i = 0; Date.now() < until; i += 1) {
        const t = (i % 40) / 40;
        await page.mouse.move(box.x + 12 + 300 * Math.sin(2 * Math.PI * t), box.y + 12 + 150 * t, {
          steps: 2,
        });
      }
      await page.mouse.up();
    });
    // Zoom: wheel in and out over the centre, like a trackpad/mouse wheel.
    s9[`zoom${size.key}`] = await fpsDuring(page, async () => {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const until = Date.now() + GESTURE_SECONDS * 1000;
      for (let i = 0; Date.now() < until; i += 1) {
        await page.mouse.wheel(0, i % 30 < 15 ? -60 : 60);
        await page.waitForTimeout(16);
      }
    });
    s9[`heap${size.key}Mb`] = await heapMb(page);
  }
  return s9;
}

export async function measureClient(url: string): Promise<ClientResult> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'client', 'dist', 'index.html')))
    return { measured: false, reason: 'client/dist is not built (npm run build:client)' };
  const executablePath = findChromium();
  if (!executablePath) return { measured: false, reason: 'no Chromium (set CHROMIUM_PATH)' };
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-bench-client-'));
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const { steps, ...s8 } = await measureS8(page, url);
    const browserHeapMb = await heapMb(page);
    const s9 = await measureS9(page, url, dir);
    return {
      measured: true,
      ...s8,
      s9,
      browserHeapMb,
      reason:
        `S8: search → open → expand (cap ${S8_CAP}) via the UI, median of ${S8_RUNS} after a warm-up; ` +
        `s8Ms = last node drawn, s8SettledMs = force-directed refinement applied (median run: search ` +
        `answered at ${steps.search} ms, dialog ready at ${steps.dialog} ms, confirmed at ${steps.confirmed} ms). ` +
        `S9: synthetic Linkage JSON files opened through the file input; ` +
        `fps = requestAnimationFrame callbacks per second during ${GESTURE_SECONDS} s of mouse-drag pan ` +
        `and of wheel zoom.`,
    };
  } catch (error) {
    return {
      measured: false,
      reason: `client run failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
