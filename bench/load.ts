// Load generation over keep-alive HTTP connections. Open loop: every request gets its own arrival time
// (Poisson: exponential gaps drawn from a seeded PRNG), so a second's requests do not leave in one burst,
// and each latency runs from the request's scheduled arrival to its last response byte — time spent
// waiting for a free connection counts, as it would for a user (no coordinated omission). Closed loop:
// `connections` clients each send the next request when the last one answered (saturation). Every
// response time is kept so percentiles are exact, and GraphQL errors inside 200 responses count as errors.
import http from 'node:http';
import { mulberry32 } from './generator.ts';

export interface LoadRequest {
  path: string;
  body: unknown;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Mean arrivals per second (open loop, Poisson); undefined = closed loop, as fast as answered. */
  rate?: number;
  /** Seeds the arrival times, so a rerun offers the same schedule. */
  arrivalSeed?: number;
  next: () => LoadRequest;
}

export interface LoadResult {
  requests: number;
  errors: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  latencies: number[];
}

/** Percentiles below this many samples rest on a handful of slow requests; reports mark them. */
export const P99_MIN_SAMPLES = 1000;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarise(latencies: number[], errors: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors,
    throughput: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    latencies: sorted,
  };
}

/** Exponential gaps with mean 1/rate: the arrivals of independent users. */
export function poissonArrivals(rate: number, seconds: number, seed: number): number[] {
  const random = mulberry32(seed);
  const times: number[] = [];
  for (let t = -Math.log(1 - random()) / rate; t < seconds; t += -Math.log(1 - random()) / rate)
    times.push(t * 1000);
  return times;
}

const isError = (status: number, body: string) =>
  status !== 200 || body.startsWith('{"errors"') || body.includes('"errors":[');

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;

  const send = (request: LoadRequest, startedAt: number) =>
    new Promise<void>((resolve) => {
      const payload = JSON.stringify(request.body);
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: request.path,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
          timeout: 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            latencies.push(performance.now() - startedAt);
            // Only the head is needed to tell an error; decoding megabytes would load the generator.
            const head = Buffer.concat(chunks.slice(0, 1)).toString('utf8', 0, 64);
            const status = res.statusCode ?? 0;
            if (isError(status, head) || (status === 200 && chunks.length > 1 && tailHasErrors(chunks))) {
              errors += 1;
              firstError ??= `${status} ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`;
            }
            resolve();
          });
          res.on('error', () => {
            errors += 1;
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (error) => {
        errors += 1;
        firstError ??= error.message;
        resolve();
      });
      req.end(payload);
    });

  const started = performance.now();
  const durationMs = options.durationSeconds * 1000;
  const inFlight = new Set<Promise<void>>();
  if (options.rate) {
    const arrivals = poissonArrivals(options.rate, options.durationSeconds, options.arrivalSeed ?? 1);
    for (const at of arrivals) {
      const wait = started + at - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      // Latency counts from the scheduled arrival, even when the timer fired late.
      const request = send(options.next(), started + at);
      inFlight.add(request);
      void request.then(() => inFlight.delete(request));
    }
  } else {
    const client = async () => {
      while (performance.now() - started < durationMs) await send(options.next(), performance.now());
    };
    await Promise.all(Array.from({ length: options.connections }, client));
  }
  await Promise.all(inFlight);
  agent.destroy();
  if (firstError && process.env.BENCH_DEBUG) console.error(`  first error: ${firstError}`);
  const seconds = Math.max(options.durationSeconds, (performance.now() - started) / 1000);
  return summarise(latencies, errors, seconds);
}

/** GraphQL reports errors in the body of a 200; a partial answer puts them after `data`. */
function tailHasErrors(chunks: Buffer[]): boolean {
  const last = chunks[chunks.length - 1]!;
  return last.toString('utf8', Math.max(0, last.length - 4096)).includes('"errors":[');
}
