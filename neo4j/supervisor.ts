/**
 * Keeps the local Neo4j running: when the JVM dies without being asked to (kill -9, an OutOfMemoryError
 * exit, a crash), it is started again on the same data directory and Bolt port, with back-off, so the
 * server's driver reconnects on its own and no restart of Node is needed.
 *
 * While it is down, downReason() says why (the server's /ready answers 503 with it); every exit, attempt
 * and recovery is reported through onEvent (the caller logs them).
 *
 * Back-off: the first restart waits initialDelayMs, each failed start doubles the wait up to maxDelayMs; a
 * run that stayed up stableAfterMs resets it, so a crash a day restarts quickly and a crash loop does not
 * spin. It never gives up: a store that cannot start is retried every maxDelayMs, with the reason in
 * /ready and the log, until an operator fixes it.
 *
 * The JVM can also outlive its database: after a panic (a transaction-log write that failed on a full
 * disk, "Error reading transaction logs") every transaction fails while the process runs on. The launcher
 * reports its databases' health (LocalNeo4j.java, every second); a database that panicked or went offline
 * is unhealthyReason() (the server's /health and /ready answer 503 with it, requests DATABASE_UNAVAILABLE)
 * and the process is stopped and started again on the same back-off, which runs Neo4j's recovery. A
 * restart, not START DATABASE: Community Neo4j refuses STOP/START DATABASE ("Unsupported administration
 * command"), and a panicked database cannot be revived inside the process that saw it panic.
 *
 * Only `node:` builtins are imported (besides local-neo4j.ts).
 */
import {
  startLocalNeo4j,
  type LocalNeo4j,
  type LocalNeo4jCommand,
  type LocalNeo4jHealth,
  type Neo4jCredentials,
  type StartLocalNeo4jOptions,
} from './local-neo4j.ts';

export interface SupervisionEvent {
  event: 'exited' | 'restarting' | 'restarted' | 'restart-failed' | 'unhealthy';
  /** The message for the log. */
  message: string;
  pid?: number;
  exitCode?: number | null;
  attempt?: number;
  delayMs?: number;
}

export interface SupervisionOptions {
  initialDelayMs?: number;
  maxDelayMs?: number;
  stableAfterMs?: number;
  onEvent?: (event: SupervisionEvent) => void;
}

export interface SupervisedNeo4j {
  uri: string;
  auth: Neo4jCredentials;
  /** The running JVM's pid (-1 while none runs). */
  readonly pid: number;
  /** How many times the JVM was started again after dying. */
  readonly restarts: number;
  /** Undefined while Neo4j runs; otherwise why it is not running and what is being done about it. */
  downReason(): string | undefined;
  /**
   * Why the database is not usable though the process may still run (it panicked or went offline), until
   * the restarted process is up again; undefined while it is healthy.
   */
  unhealthyReason(): string | undefined;
  /** Sends the running launcher a command (fault tests inject a panic with it). */
  send(command: LocalNeo4jCommand): void;
  /** Stops Neo4j and the supervision (no restart after this). Safe to call more than once. */
  stop(): Promise<void>;
}

const INITIAL_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
const STABLE_AFTER_MS = 60_000;

/** Starts the local Neo4j (rejects as startLocalNeo4j does when the first start fails) and supervises it. */
export async function superviseLocalNeo4j(
  start: StartLocalNeo4jOptions,
  options: SupervisionOptions = {},
): Promise<SupervisedNeo4j> {
  const initialDelayMs = options.initialDelayMs ?? INITIAL_DELAY_MS;
  const maxDelayMs = options.maxDelayMs ?? MAX_DELAY_MS;
  const stableAfterMs = options.stableAfterMs ?? STABLE_AFTER_MS;
  const report = options.onEvent ?? (() => {});

  // Each start's health reports count only while that start is the current one.
  let launches = 0;
  let unhealthy: string | undefined;
  const launch = () => {
    const launch = (launches += 1);
    return startLocalNeo4j({
      ...start,
      onHealth: (health) => {
        if (launch === launches) onHealth(health);
      },
    });
  };
  const onHealth = (health: LocalNeo4jHealth) => {
    if (stopping || health.state === 'ok' || !current || unhealthy) return;
    const instance = current;
    unhealthy =
      `The local Neo4j's database ${health.state === 'panicked' ? 'panicked' : 'went offline'} ` +
      `(${health.reason}); Linkage is restarting Neo4j (pid ${instance.pid}), which recovers the store`;
    report({ event: 'unhealthy', message: unhealthy, pid: instance.pid });
    // watch() sees the exit and starts it again with back-off, as after a crash.
    void instance.stop();
  };

  let current: LocalNeo4j | undefined = await launch();
  let startedAt = Date.now();
  let stopping = false;
  let restarts = 0;
  // Crashes and failed starts since the last run that stayed up stableAfterMs: the exponent of the back-off.
  let unstable = 0;
  let down: string | undefined;
  let wake: (() => void) | undefined;
  let starting: Promise<LocalNeo4j> | undefined;

  const watch = async (instance: LocalNeo4j): Promise<void> => {
    const exitCode = await instance.exited;
    if (stopping) return;
    current = undefined;
    const how = unhealthy
      ? 'stopped: its database was unhealthy'
      : exitCode === null
        ? 'killed by a signal'
        : `exit code ${exitCode}`;
    down = `The local Neo4j (pid ${instance.pid}) exited (${how}); Linkage is restarting it`;
    report({ event: 'exited', message: down, pid: instance.pid, exitCode });
    unstable = Date.now() - startedAt >= stableAfterMs ? 0 : unstable + 1;
    for (let attempt = 1; !stopping; attempt += 1) {
      const delayMs = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.min(unstable, 16));
      report({
        event: 'restarting',
        message: `restarting the local Neo4j in ${delayMs} ms (attempt ${attempt})`,
        attempt,
        delayMs,
      });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (stopping) return;
      try {
        starting = launch();
        const next = await starting;
        if (stopping) {
          await next.stop();
          return;
        }
        current = next;
        startedAt = Date.now();
        restarts += 1;
        down = undefined;
        unhealthy = undefined;
        report({
          event: 'restarted',
          message: `the local Neo4j is running again (pid ${next.pid}, attempt ${attempt})`,
          pid: next.pid,
          attempt,
        });
        void watch(next);
        return;
      } catch (error) {
        unstable += 1;
        const why = error instanceof Error ? error.message : String(error);
        down = `The local Neo4j is down and did not start again (attempt ${attempt}): ${why}; Linkage keeps retrying`;
        report({ event: 'restart-failed', message: down, attempt });
      }
    }
  };
  void watch(current);

  return {
    uri: current.uri,
    auth: current.auth,
    get pid() {
      return current?.pid ?? -1;
    },
    get restarts() {
      return restarts;
    },
    downReason: () => down,
    unhealthyReason: () => unhealthy,
    send: (command) => current?.send(command),
    async stop() {
      stopping = true;
      wake?.();
      await current?.stop();
      // A start under way when stop() came: let it finish, then stop it (watch() does, seeing stopping).
      await starting?.then(
        (instance) => instance.stop(),
        () => {},
      );
    },
  };
}
