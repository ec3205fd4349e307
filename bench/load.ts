// Load generation with autocannon: every request body comes from a deterministic generator, every response
// time is kept so p50/p95/p99 are exact, and GraphQL errors inside 200 responses count as errors.
import autocannon from 'autocannon';

export interface LoadRequest {
  path: string;
  body: unknown;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Requests per second across all connections (open loop); undefined = as fast as answered. */
  rate?: number;
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

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      duration: options.durationSeconds,
      ...(options.rate ? { overallRate: options.rate } : {}),
      timeout: 30,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const next = options.next();
            return {
              ...request,
              path: next.path,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(next.body),
            };
          },
          onResponse: (status, body) => {
            if (status !== 200 || body.startsWith('{"errors"') || body.includes('"errors":[')) {
              errors += 1;
              firstError ??= `${status} ${body.slice(0, 300)}`;
            }
          },
        },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const result = await done;
  errors += result.errors + result.timeouts;
  if (firstError && process.env.BENCH_DEBUG) console.error(`  first error: ${firstError}`);
  const seconds = Math.max(options.durationSeconds, (performance.now() - started) / 1000);
  return summarise(latencies, errors, seconds);
}
