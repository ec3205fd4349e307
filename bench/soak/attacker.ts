// The soak's attacker: one client that tries, in turn, what the red-team review used to take the server
// down or starve everyone else (issue 12, items 2, 3, 12, 14): large neighbourhoods with fresh variables
// each time (so the response cache cannot share them), depth-3 floods at the cost limit, aliased
// neighbourhoods over it, bodies far above LINKAGE_MAX_BODY_BYTES, and bad tokens. Its answers are
// recorded apart from the normal clients' (ops named attack-…): refusals (400, 401, 413, 429, 503
// OVERLOADED) are the expected outcome; what is judged is what the normal clients meet meanwhile.

export interface AttackSample {
  op: string;
  ms: number;
  code: string;
}

const REQUEST_TIMEOUT_MS = 30_000;
/** Hubs of the seed graph: the largest neighbourhoods there are. */
const HUBS = ['meta', 'mark-zuckerberg', 'lg-electronics', 'samsung-electronics'];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

async function send(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; code: string }> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const json = (await response.json().catch(() => ({}))) as {
      errors?: { extensions?: { code?: string } }[];
    };
    const code = json.errors?.[0]?.extensions?.code ?? (json.errors ? 'UNCODED_ERROR' : 'OK');
    return {
      status: response.status,
      code: response.status >= 500 ? `HTTP_${response.status}:${code}` : code,
    };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    return { status: 0, code: name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'NETWORK_ERROR' };
  }
}

const query = (text: string, variables: Record<string, unknown>) =>
  JSON.stringify({ query: text, variables });

const ATTACKS: { op: string; body: () => { body: string; headers?: Record<string, string> } }[] = [
  {
    // Cache-busting: a different limit (and pair of hubs) every time.
    op: 'attack-busting-neighborhood',
    body: () => ({
      body: query(
        `query($ids: [ID!]!, $n: Int!) { neighborhood(ids: $ids, depth: 2, limit: $n) { totalNodes nodes { id name description } relationships { id evidence { quote } } } }`,
        {
          ids: [pick(HUBS), pick(HUBS)],
          n: 1500 + Math.floor(Math.random() * 500),
        },
      ),
    }),
  },
  {
    op: 'attack-depth3',
    body: () => ({
      body: query(
        `query($id: ID!) { neighborhood(ids: [$id], depth: 3, limit: 2000) { totalNodes nodes { id } relationships { id } } }`,
        { id: pick(HUBS) },
      ),
    }),
  },
  {
    op: 'attack-aliased-depth3',
    body: () => ({
      body: query(
        `{ ${Array.from({ length: 15 }, (_, i) => `n${i}: neighborhood(ids: ["${pick(HUBS)}"], depth: 3, limit: 2000) { totalNodes }`).join(' ')} }`,
        {},
      ),
    }),
  },
  {
    op: 'attack-oversized-body',
    body: () => ({ body: query('{ stats { entities } }', { padding: 'x'.repeat(5_000_000) }) }),
  },
  {
    op: 'attack-bad-token',
    body: () => ({
      body: query(
        `mutation { createEntity(input: {id: "attacker", kind: "Person", name: "Attacker"}) { id } }`,
        {},
      ),
      headers: { authorization: `Bearer lk_${Math.random().toString(36).slice(2)}${'0'.repeat(30)}` },
    }),
  },
];

/**
 * One attacker: every attack in its own loop at once (a flood does not wait for the oversized bodies) until
 * the deadline (performance.now() time), recording every answer.
 */
export async function attacker(
  url: string,
  deadline: number,
  record: (sample: AttackSample) => void,
): Promise<void> {
  await Promise.all(
    ATTACKS.map(async (attack) => {
      while (performance.now() < deadline) {
        const { body, headers } = attack.body();
        const started = performance.now();
        const { code } = await send(url, body, headers);
        record({ op: attack.op, ms: performance.now() - started, code });
      }
    }),
  );
}
