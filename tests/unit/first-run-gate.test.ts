// The first run of a statement goes alone (server/db/first-run.ts): callers who arrive while it runs wait,
// then run together once its plan is cached. Under a stampede of cold requests that is what kept Neo4j from
// planning the same statement sixteen times at once.
import { describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { createFirstRunGate, planKey } from '../../server/db/first-run.ts';

/** A run that stays open until released, recording how many runs of it overlap. */
function recorder() {
  let running = 0;
  const seen = { maxRunning: 0, firsts: [] as boolean[] };
  const releases: (() => void)[] = [];
  const work =
    (outcome: 'ok' | Error = 'ok') =>
    async (first: boolean) => {
      seen.firsts.push(first);
      running += 1;
      seen.maxRunning = Math.max(seen.maxRunning, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running -= 1;
      if (outcome instanceof Error) throw outcome;
      return first;
    };
  const releaseAll = async () => {
    for (let round = 0; round < 20; round++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      while (releases.length > 0) releases.shift()!();
    }
  };
  return { seen, work, releaseAll, pending: () => releases.length };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('first-run gate', () => {
  it('runs the first call of a statement alone; the ones that came meanwhile run after it, together', async () => {
    const gate = createFirstRunGate(() => false);
    const r = recorder();
    const calls = Array.from({ length: 8 }, () => gate.run('find-neighborhood', r.work()));
    await tick();
    expect(r.pending()).toBe(1);
    await r.releaseAll();
    expect(await Promise.all(calls)).toEqual([true, false, false, false, false, false, false, false]);
    expect(gate.hasRun('find-neighborhood')).toBe(true);

    const later = recorder();
    const again = Array.from({ length: 4 }, () => gate.run('find-neighborhood', later.work()));
    await tick();
    expect(later.pending()).toBe(4);
    await later.releaseAll();
    await Promise.all(again);
    expect(later.seen.maxRunning).toBe(4);
  });

  it('holds back nothing of another statement', async () => {
    const gate = createFirstRunGate(() => false);
    const r = recorder();
    const calls = ['search', 'get-entity', 'find-paths'].map((name) => gate.run(name, r.work()));
    await tick();
    expect(r.pending()).toBe(3);
    await r.releaseAll();
    expect(await Promise.all(calls)).toEqual([true, true, true]);
  });

  it('after a first run that may not have been planned (a timeout), the next caller is the first, alone', async () => {
    const gate = createFirstRunGate(() => false);
    const r = recorder();
    const failing = gate.run('find-paths', r.work(new Error('QUERY_TIMEOUT'))).catch((error: Error) => error);
    const waiting = [gate.run('find-paths', r.work()), gate.run('find-paths', r.work())];
    await tick();
    expect(r.pending()).toBe(1);
    await r.releaseAll();
    expect(await failing).toMatchObject({ message: 'QUERY_TIMEOUT' });
    expect(await Promise.all(waiting)).toEqual([true, false]);
    expect(r.seen.firsts).toEqual([true, true, false]);
    expect(r.seen.maxRunning).toBe(1);
  });

  it('a refusal that ran in the database counts as planned', async () => {
    const gate = createFirstRunGate((error) => error instanceof Error && error.message === 'CONFLICT');
    const r = recorder();
    const refused = gate.run('update-entity', r.work(new Error('CONFLICT'))).catch((error: Error) => error);
    await tick();
    await r.releaseAll();
    expect(await refused).toMatchObject({ message: 'CONFLICT' });
    expect(gate.hasRun('update-entity')).toBe(true);
  });

  it('forgets every run when the database restarted (its plan cache is empty again)', async () => {
    const gate = createFirstRunGate(() => false);
    const r = recorder();
    const call = gate.run('search', r.work());
    await r.releaseAll();
    await call;
    gate.forget();
    expect(gate.hasRun('search')).toBe(false);
    const again = gate.run('search', r.work());
    await r.releaseAll();
    expect(await again).toBe(true);
  });
});

describe('planKey', () => {
  it('is one key per statement and parameter types, whatever the values or their order', () => {
    const key = planKey('find-neighborhood', { ids: ['meta'], depth: neo4j.int(1), kinds: null });
    expect(planKey('find-neighborhood', { kinds: null, depth: neo4j.int(2), ids: ['lg', 'samsung'] })).toBe(
      key,
    );
    expect(key).not.toBe(planKey('find-paths', { ids: ['meta'], depth: neo4j.int(1), kinds: null }));
  });

  it('tells apart the same statement asked with other parameter types (Neo4j plans each once)', () => {
    const key = planKey('find-neighborhood', { ids: ['meta'], kinds: null, depth: neo4j.int(1) });
    expect(planKey('find-neighborhood', { ids: ['meta'], kinds: ['Person'], depth: neo4j.int(1) })).not.toBe(
      key,
    );
    expect(planKey('find-neighborhood', { ids: ['meta'], kinds: null, depth: 1 })).not.toBe(key);
    expect(planKey('find-neighborhood', { ids: ['meta'], kinds: null })).not.toBe(key);
    expect(planKey('search', { text: 'x' })).not.toBe(planKey('search', { text: { a: 1 } }));
  });
});
