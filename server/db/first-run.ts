// One first run of each statement at a time.
//
// Neo4j plans a statement the first time it sees it, and planning the big ones costs far more than running
// them: find-neighborhood takes 2–3 s of database CPU to plan on a warm JVM and 6–15 s on a cold one, then
// 30–80 ms a run. When sixteen readers reached a fresh server together, each of them planned the same
// statement at once; on two cores every planning then outlasted the query timeout and was stopped before
// its plan reached the cache, so the next wave planned again (soak: 28 of 29 neighbourhoods and 5 of 6
// merges QUERY_TIMEOUT for the whole run). Here the first run of a statement goes alone, with a longer
// timeout; the callers who arrive meanwhile wait for it and then find the plan cached.
import { isInt } from 'neo4j-driver';

/**
 * What Neo4j caches a plan under: the statement and its parameters' types (a filter given as null and the
 * same filter given as a list are planned separately), so a first run is one per statement and type set.
 */
export function planKey(name: string, params: Record<string, unknown>): string {
  const typeOf = (value: unknown): string => {
    if (value === null || value === undefined) return 'null';
    if (Array.isArray(value)) return 'list';
    if (isInt(value)) return 'int';
    return typeof value === 'object' ? 'map' : typeof value;
  };
  const types = Object.keys(params)
    .sort()
    .map((key) => `${key}:${typeOf(params[key])}`);
  return `${name}(${types.join(',')})`;
}

export interface FirstRunGate {
  /** Runs `work` now if `name` has run before, else after the first run in flight settles. */
  run<T>(name: string, work: (first: boolean) => Promise<T>): Promise<T>;
  /** Whether `name` has completed a run (its plan is in the database's cache). */
  hasRun(name: string): boolean;
  /** Forgets every completed run (the database restarted with an empty plan cache). */
  forget(): void;
}

/**
 * `plannedDespite(error)` says whether a failed run still got its statement planned (a refusal that came
 * back from the database did; a run stopped by the timeout or a lost connection may not have). Waiting has
 * no bound of its own: the first run is bounded by its timeout, and planning the same statement beside it
 * would only take CPU from it (a capped wait brought the stampede back under load).
 */
export function createFirstRunGate(plannedDespite: (error: unknown) => boolean): FirstRunGate {
  const done = new Set<string>();
  const inFlight = new Map<string, Promise<unknown>>();

  async function run<T>(name: string, work: (first: boolean) => Promise<T>): Promise<T> {
    if (done.has(name)) return work(false);
    const running = inFlight.get(name);
    if (running) {
      // Its failure is its caller's; a failed first run leaves the next caller to be the first.
      await running.catch(() => undefined);
      return run(name, work);
    }
    const first = work(true);
    inFlight.set(name, first);
    try {
      const result = await first;
      done.add(name);
      return result;
    } catch (error) {
      if (plannedDespite(error)) done.add(name);
      throw error;
    } finally {
      inFlight.delete(name);
    }
  }

  return { run, hasRun: (name) => done.has(name), forget: () => done.clear() };
}
