// The GraphQL endpoint: schema from schema.graphql, GraphQL Armor limits, masked errors, offline GraphiQL.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { Kind, type DocumentNode } from 'graphql';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import type { AuthResult } from '../auth/tokens.ts';
import type { GraphRepository } from '../graph/repository.ts';
import type { Logger } from '../logger.ts';
import type { GraphQLContext } from './context.ts';
import { createMaskError, logLevelOf } from './mask-error.ts';
import { DEFAULT_QUERY_BUDGET, useQueryBudget, type QueryBudgetOptions } from './query-budget.ts';
import { resolvers } from './resolvers.ts';

export const SCHEMA_FILE = path.resolve(import.meta.dirname, 'schema.graphql');
export const typeDefs = fs.readFileSync(SCHEMA_FILE, 'utf8');
export const schema = createSchema<GraphQLContext & ServerContext>({ typeDefs, resolvers });

export interface YogaDeps {
  graph: GraphRepository;
  logger: Logger;
  readsRequireToken: boolean;
  authOf: (request: Request) => AuthResult;
  onWrite: () => void;
  /** False while the schema and seed graph are being prepared (mutations wait until then). */
  prepared?: () => boolean;
  /** Why writes are refused now (disk-watch.ts), or undefined. */
  writesRefused?: () => string | undefined;
  plugins?: Plugin[];
  /** Cost limits and the shared capacity for heavy queries (query-budget.ts). */
  queryBudget?: QueryBudgetOptions;
}

/** express hands yoga its request and response; nothing else from the server context is used. */
export type ServerContext = { req: IncomingMessage; res: ServerResponse };

export const ARMOR_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  costLimit: 20000,
} as const;

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export function buildYoga(deps: YogaDeps) {
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    batching: false,
    // CORS is app.ts's decision (off unless LINKAGE_CORS_ORIGINS); yoga's default would allow any origin.
    cors: false,
    graphiql: {
      title: 'Linkage GraphQL',
      defaultQuery:
        '{\n  search(text: "저커버그") {\n    entity { id kind name nameKo }\n    score\n  }\n}\n',
    },
    renderGraphiQL,
    maskedErrors: { maskError: createMaskError(deps.logger) },
    logging: {
      debug: (...args) => deps.logger.debug({ yoga: args.map(String) }),
      info: (...args) => deps.logger.info({ yoga: args.map(String) }),
      warn: (...args) => deps.logger.warn({ yoga: args.map(String) }),
      // yoga reports every error it masks, client errors included; each is logged at what it deserves.
      error: (...args) => {
        const level =
          args.map(logLevelOf).sort((a, b) => LEVELS.indexOf(b) - LEVELS.indexOf(a))[0] ?? 'error';
        deps.logger[level]({ yoga: args.map(String) });
      },
    },
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: ARMOR_LIMITS.maxDepth },
        maxAliases: { n: ARMOR_LIMITS.maxAliases },
        maxDirectives: { n: ARMOR_LIMITS.maxDirectives },
        maxTokens: { n: ARMOR_LIMITS.maxTokens },
        costLimit: { maxCost: ARMOR_LIMITS.costLimit },
        blockFieldSuggestion: { enabled: true },
      }),
      // A neighbourhood answer is ~1,000 objects; graphql-jit compiles each document once into plain code
      // instead of walking the schema per field (the largest server-side cost in the S1/S2 profiles). Its
      // cache is keyed by document only, so documents holding several operations keep the standard executor.
      useGraphQlJit({}, { enableIf: ({ document }) => operationCount(document) === 1 }),
      // A hit never gets here: the response cache answers it while reading the request (onParams). The
      // budget comes before the cache's execute wrapper, so a refusal ends the chain before the cache has
      // wrapped anything (after it, every refusal printed the cache's plugin-order warning).
      useQueryBudget(deps.queryBudget ?? DEFAULT_QUERY_BUDGET),
      ...(deps.plugins ?? []),
    ],
    context: ({ request }) => ({
      graph: deps.graph,
      auth: deps.authOf(request),
      readsRequireToken: deps.readsRequireToken,
      onWrite: deps.onWrite,
      prepared: deps.prepared ?? (() => true),
      writesRefused: deps.writesRefused,
    }),
  });
}

function operationCount(document: DocumentNode): number {
  return document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
}
