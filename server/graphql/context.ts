import type { AuthResult, Role, Viewer } from '../auth/tokens.ts';
import { roleAtLeast } from '../auth/tokens.ts';
import { AppError } from '../errors.ts';
import type { GraphRepository } from '../graph/repository.ts';

export interface GraphQLContext {
  graph: GraphRepository;
  auth: AuthResult;
  readsRequireToken: boolean;
  /** Called after a successful mutation so cached reads are dropped. */
  onWrite: () => void;
  /** False until the schema and seed graph are in place; writes are refused until then. */
  prepared: () => boolean;
  /** Why writes are refused now (the database's disk is almost full), or undefined. */
  writesRefused?: () => string | undefined;
}

const AUTH_MESSAGES = {
  malformed: 'The Authorization header is malformed; send "Authorization: Bearer lk_…"',
  invalid: 'The token is not valid; check it or create a new one with "npm run token -- create"',
  expired: 'The token has expired; create a new one with "npm run token -- create"',
} as const;
const TOKENS_UNAVAILABLE =
  'Tokens cannot be checked while the graph database is unavailable; retry in a few seconds.';

/** The caller, or UNAUTHENTICATED / FORBIDDEN when the caller may not do this. */
export function requireRole(ctx: GraphQLContext, needed: Role | 'anonymous'): Viewer {
  if (!ctx.auth.ok) {
    const { reason } = ctx.auth;
    if (reason === 'unavailable') throw new AppError('DATABASE_UNAVAILABLE', TOKENS_UNAVAILABLE);
    throw new AppError('UNAUTHENTICATED', AUTH_MESSAGES[reason]);
  }
  const viewer = ctx.auth.viewer;
  if (needed === 'anonymous') return viewer;
  if (viewer.role === 'anonymous') {
    throw new AppError(
      'UNAUTHENTICATED',
      `This needs an ${needed} token: send "Authorization: Bearer <token>" (printed by the first npm start, or "npm run token -- create --role ${needed}")`,
    );
  }
  if (!roleAtLeast(viewer.role, needed))
    throw new AppError('FORBIDDEN', `Your token has the ${viewer.role} role; this needs ${needed}`);
  return viewer;
}

export const requireReader = (ctx: GraphQLContext) =>
  requireRole(ctx, ctx.readsRequireToken ? 'reader' : 'anonymous');
