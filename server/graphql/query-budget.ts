// What one client may ask of the database (issue 12, item 3: one client looping depth-3 neighbourhoods
// starved everyone, and 15 aliased ones per request exhausted the connection pool).
//
// 1. Every operation has a cost computed from what the database will have to do: each root field (every
//    alias counts) with its real argument values, literal or variable, defaults included: `limit`, `depth`
//    and the number of start ids for neighbourhoods, `first` (and `maxLength`) for lists, timelines and
//    paths. An operation above `maxCost` is refused with BAD_USER_INPUT saying what to lower.
// 2. Operations of at least `heavyCost` share a bounded capacity (in cost units): one that does not fit
//    waits up to `queueMs` for room, then answers OVERLOADED (503); a client whose heavy operations already
//    hold `perClientCost` gets RATE_LIMITED (429) at once (a client's first heavy operation always runs). Light operations (an entity by id, a search) are
//    never held back, so they are answered while heavy ones queue.
import type { Plugin } from 'graphql-yoga';
import { createGraphQLError } from 'graphql-yoga';
import type { AuthResult } from '../auth/tokens.ts';

export interface QueryBudgetOptions {
  /** Above this an operation is refused outright. */
  maxCost: number;
  /** From this cost on an operation needs room in the shared capacity. */
  heavyCost: number;
  /** Cost units of heavy operations running at once, server-wide. */
  capacity: number;
  /** Cost units of heavy operations one client may have running at once. */
  perClientCost: number;
  /** How long a heavy operation waits for room before OVERLOADED. */
  queueMs: number;
}

export const DEFAULT_QUERY_BUDGET: QueryBudgetOptions = {
  maxCost: 4000,
  heavyCost: 100,
  capacity: 6000,
  perClientCost: 2000,
  queueMs: 3000,
};

// Minimal AST shapes (recognised by `kind`, never by instanceof: see mask-error.ts on graphql copies).
interface ValueNode {
  kind: string;
  value?: string;
  values?: readonly ValueNode[];
  name?: { value: string };
}
interface ArgumentNode {
  name: { value: string };
  value: ValueNode;
}
interface SelectionNode {
  kind: string;
  name?: { value: string };
  arguments?: readonly ArgumentNode[];
  selectionSet?: { selections: readonly SelectionNode[] };
  typeCondition?: unknown;
}
interface DefinitionNode {
  kind: string;
  operation?: string;
  name?: { value: string };
  selectionSet?: { selections: readonly SelectionNode[] };
}

type Args = (name: string, fallback: number) => number;
const DEPTH_WEIGHT: Record<number, number> = { 1: 1, 2: 3, 3: 10 };

/** Cost of one root Query field (an entity by id = 1). */
const FIELD_COST: Record<
  string,
  (arg: Args, listLength: (name: string, fallback: number) => number) => number
> = {
  neighborhood: (arg, len) =>
    Math.ceil((len('ids', 1) * arg('limit', 300) * (DEPTH_WEIGHT[arg('depth', 1)] ?? 10)) / 10),
  paths: (arg) => Math.ceil((arg('first', 3) * 2 ** Math.max(0, arg('maxLength', 4) - 1)) / 2),
  timeline: (arg) => 5 + Math.ceil(arg('first', 200) / 5),
  search: (arg) => 1 + Math.ceil(arg('first', 20) / 10),
  evidence: (_arg, len) => 1 + Math.ceil(len('relationshipIds', 1) / 10),
  entities: (arg) => 1 + Math.ceil(arg('first', 50) / 10),
  auditTrail: (arg) => 1 + Math.ceil(arg('first', 50) / 10),
  expansionPreview: (_arg, len) => 10 + len('excludeIds', 0),
  stats: () => 20,
  sources: () => 5,
  viewer: () => 0,
  __typename: () => 0,
};

/** The cost of the operation that will run (the named one, or the only one). */
export function operationCost(
  document: { readonly definitions: readonly unknown[] },
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): number {
  const definitions = document.definitions as readonly DefinitionNode[];
  const operations = definitions.filter((d) => d.kind === 'OperationDefinition');
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation || operation.operation !== 'query') return 1;
  const fragments = new Map(
    definitions
      .filter((d) => d.kind === 'FragmentDefinition')
      .map((d) => [d.name!.value, d as unknown as SelectionNode]),
  );
  const vars = variables ?? {};
  const resolve = (node: ValueNode): unknown => {
    switch (node.kind) {
      case 'Variable':
        return vars[node.name!.value];
      case 'IntValue':
      case 'FloatValue':
        return Number(node.value);
      case 'ListValue':
        return node.values!.map(resolve);
      default:
        return node.value;
    }
  };
  let total = 0;
  const visit = (selections: readonly SelectionNode[], seen: Set<string>) => {
    for (const selection of selections) {
      if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet?.selections ?? [], seen);
      } else if (selection.kind === 'FragmentSpread') {
        const name = selection.name!.value;
        const fragment = fragments.get(name);
        if (fragment && !seen.has(name))
          visit(fragment.selectionSet?.selections ?? [], new Set([...seen, name]));
      } else if (selection.kind === 'Field') {
        const name = selection.name!.value;
        const values = new Map((selection.arguments ?? []).map((a) => [a.name.value, resolve(a.value)]));
        const arg: Args = (key, fallback) => {
          const value = values.get(key);
          return typeof value === 'number' && Number.isFinite(value)
            ? Math.max(1, Math.trunc(value))
            : fallback;
        };
        const len = (key: string, fallback: number) => {
          const value = values.get(key);
          return Array.isArray(value) ? Math.max(1, value.length) : fallback;
        };
        const cost = FIELD_COST[name];
        total += cost ? cost(arg, len) : name.startsWith('__') ? 1 : 1;
      }
    }
  };
  visit(operation.selectionSet?.selections ?? [], new Set());
  return total;
}

/** A counting semaphore in cost units, with a bounded wait. */
class Capacity {
  private used = 0;
  private readonly waiting: { cost: number; grant: () => void }[] = [];
  constructor(private readonly size: number) {}

  acquire(cost: number, waitMs: number): Promise<boolean> {
    const need = Math.min(cost, this.size);
    if (this.waiting.length === 0 && this.used + need <= this.size) {
      this.used += need;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const entry = {
        cost: need,
        grant: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        resolve(false);
        this.drain();
      }, waitMs);
      this.waiting.push(entry);
    });
  }

  release(cost: number) {
    this.used -= Math.min(cost, this.size);
    this.drain();
  }

  private drain() {
    while (this.waiting.length > 0 && this.used + this.waiting[0]!.cost <= this.size) {
      const next = this.waiting.shift()!;
      this.used += next.cost;
      next.grant();
    }
  }
}

const refusal = (
  code: 'BAD_USER_INPUT' | 'RATE_LIMITED' | 'OVERLOADED',
  message: string,
  status: number,
) => ({
  errors: [
    createGraphQLError(message, {
      extensions: {
        code,
        ...(status !== 200 ? { http: { status, headers: { 'Retry-After': '2' } } } : {}),
      },
    }),
  ],
});

interface BudgetContext {
  auth?: AuthResult;
  req?: { ip?: string; socket?: { remoteAddress?: string } };
}

/** Who a client is, for the per-client share: its token's name, or its address. */
function clientOf(context: BudgetContext): string {
  const auth = context.auth;
  if (auth?.ok && auth.viewer.role !== 'anonymous') return `token:${auth.viewer.name}`;
  return `ip:${context.req?.ip ?? context.req?.socket?.remoteAddress ?? 'unknown'}`;
}

export function useQueryBudget(options: QueryBudgetOptions = DEFAULT_QUERY_BUDGET): Plugin {
  const capacity = new Capacity(options.capacity);
  const perClient = new Map<string, number>();
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(
        args.document,
        args.operationName,
        args.variableValues as Record<string, unknown>,
      );
      if (cost > options.maxCost) {
        setResultAndStopExecution(
          refusal(
            'BAD_USER_INPUT',
            `This query costs ${cost}, more than the ${options.maxCost} one request may: lower limit, depth or first, use fewer aliases, or split it`,
            200,
          ),
        );
        return;
      }
      if (cost < options.heavyCost) return;
      const client = clientOf(args.contextValue as BudgetContext);
      const held = perClient.get(client) ?? 0;
      if (held > 0 && held + cost > options.perClientCost) {
        setResultAndStopExecution(
          refusal(
            'RATE_LIMITED',
            'You already have heavy queries running; wait for their answers before sending more',
            429,
          ),
        );
        return;
      }
      perClient.set(client, held + cost);
      const unhold = () => {
        const left = (perClient.get(client) ?? cost) - cost;
        if (left > 0) perClient.set(client, left);
        else perClient.delete(client);
      };
      if (!(await capacity.acquire(cost, options.queueMs))) {
        unhold();
        setResultAndStopExecution(
          refusal('OVERLOADED', 'The server is busy with other large queries; retry in a few seconds', 503),
        );
        return;
      }
      let released = false;
      return {
        onExecuteDone() {
          if (released) return;
          released = true;
          capacity.release(cost);
          unhold();
        },
      };
    },
  };
}
