// Thin resolvers: parse input, one repository call, return model objects. No resolver runs a query per
// node: every field below the root is read from what the root's single statement returned.
import { GraphQLError, GraphQLScalarType, Kind, type GraphQLResolveInfo } from 'graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import {
  AuditArgs,
  check,
  CreateEntityInput,
  CreateRelationshipInput,
  EntitiesArgs,
  EntityIdArg,
  EntityPatchInput,
  EvidenceArgs,
  EvidenceInputSchema,
  ExpansionPreviewArgs,
  NeighborhoodArgs,
  NoteArgs,
  parseCursor,
  parseFilter,
  PathsArgs,
  RateSourceArgs,
  RelationshipPatchInput,
  SavedViewNameArg,
  SaveViewArgs,
  SearchArgs,
  SearchClaimsArgs,
  slugify,
  TimelineArgs,
  toCursor,
  VersionArg,
} from '../graph/inputs.ts';
import { parseOccurredAt } from '../../shared/dates.ts';
import { PROPOSAL_STATUSES } from '../graph/ingest/store.ts';
import { z } from 'zod';
import { requireReader, requireRole, type GraphQLContext } from './context.ts';
import { selectsOnly, selectsPath } from './selection.ts';
import { isEvidenceFact, type EvidenceDepth } from '../graph/repository.ts';
import { AppError } from '../errors.ts';
import type { Resolvers } from '../generated/resolver-types.ts';

type Info = GraphQLResolveInfo;

/**
 * A query resolver. Its argument and result types come from the field it is assigned to in `Resolvers`
 * (generated from the SDL), so a resolver that returns the wrong shape does not compile.
 */
const read =
  <TArgs, TResult>(run: (args: TArgs, ctx: GraphQLContext, info: Info) => TResult) =>
  (_parent: unknown, args: TArgs, ctx: GraphQLContext, info: Info): TResult => {
    requireReader(ctx);
    return run(args, ctx, info);
  };

const write =
  <TArgs, TResult>(
    run: (args: TArgs, ctx: GraphQLContext, actor: { name: string }) => Promise<TResult>,
    options: { graphUnchanged?: boolean } = {},
  ) =>
  async (_parent: unknown, args: TArgs, ctx: GraphQLContext): Promise<TResult> => {
    const viewer = requireRole(ctx, 'editor');
    // A write before the seed graph has landed would make the seed loader (which seeds only an empty
    // database) skip it for good (issue 12, item 24).
    if (!ctx.prepared())
      throw new AppError(
        'DATABASE_UNAVAILABLE',
        'Linkage is still preparing the database (schema and seed graph); retry in a few seconds.',
      );
    const refused = ctx.writesRefused?.();
    if (refused) throw new AppError('DATABASE_UNAVAILABLE', refused, { reason: 'DISK_LOW' });
    const result = await run(args, ctx, { name: viewer.name });
    ctx.onWrite();
    // Names may have changed: the next proposal links against the graph as it is now.
    if (!options.graphUnchanged) ctx.graph.invalidateGazetteer();
    return result;
  };

/** Proposals (and saved views) are stored apart from the graph: writing one leaves the gazetteer valid. */
const PROPOSAL_ONLY = { graphUnchanged: true };

/** Calendar dates as YYYY-MM-DD strings; anything else is BAD_USER_INPUT saying so. */
const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => String(value),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});

function parseDate(value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && parseOccurredAt(value)) return value;
  throw new GraphQLError(
    `${JSON.stringify(value)} is not a date; write it as YYYY-MM-DD, e.g. "2024-02-29"`,
    {
      extensions: { code: 'BAD_USER_INPUT' },
    },
  );
}

/**
 * How much of its relationships' evidence a neighbourhood or paths request needs read: none when it does
 * not select evidence, the facts when it selects nothing else of it (the canvas), else the stored JSON.
 */
const evidenceDepth = (info: Info): EvidenceDepth => {
  if (!selectsPath(info, ['relationships', 'evidence'])) return 'none';
  return selectsOnly(info, ['relationships', 'evidence'], isEvidenceFact) ? 'facts' : 'text';
};

const StatusArg = z.enum(PROPOSAL_STATUSES).nullish();

/** A soft-deleted entity or relationship is answered as absent to anonymous callers (issue 12, item 19). */
function hideDeletedFromAnonymous<T>(ctx: GraphQLContext, found: T): T | null {
  const deleted = (found as { deleted?: boolean } | null)?.deleted === true;
  if (deleted && ctx.auth.ok && ctx.auth.viewer.role === 'anonymous') return null;
  return found;
}

const TopArgs = z.object({
  first: z.number().int().min(1, 'first must be 1–100').max(100, 'first must be 1–100').default(10),
});

export const resolvers: Resolvers = {
  JSONObject: JSONObjectResolver,
  Date: DateScalar,
  Query: {
    search: read((args, ctx) => ctx.graph.search(check(SearchArgs, args))),
    searchClaims: read((args, ctx) => ctx.graph.searchClaims(check(SearchClaimsArgs, args))),
    entity: read(async (args, ctx) =>
      hideDeletedFromAnonymous(ctx, await ctx.graph.entity(check(EntityIdArg, args.id))),
    ),
    entities: read(async (args, ctx) => {
      const a = check(EntitiesArgs, args);
      // Soft-deleted entities are curation state: a token is needed to list them.
      if (a.includeDeleted) requireRole(ctx, 'reader');
      const page = await ctx.graph.entities({
        kinds: a.kinds,
        includeDeleted: a.includeDeleted,
        first: a.first,
        after: parseCursor(a.after),
      });
      const edges = page.entities.map((node) => ({ cursor: toCursor(node.id), node }));
      return {
        edges,
        totalCount: page.totalCount,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      };
    }),
    relationship: read(async (args, ctx) =>
      hideDeletedFromAnonymous(ctx, await ctx.graph.relationship(String(args.id))),
    ),
    neighborhood: read((args, ctx, info) => {
      const a = check(NeighborhoodArgs, args);
      return ctx.graph.neighborhood({
        ids: a.ids,
        depth: a.depth,
        limit: a.limit,
        filter: parseFilter(a.filter),
        evidence: evidenceDepth(info),
      });
    }),
    evidence: read(async (args, ctx) => {
      const a = check(EvidenceArgs, args);
      const relationships = await ctx.graph.evidence({
        relationshipIds: a.relationshipIds,
        filter: parseFilter(a.filter),
      });
      return relationships.map((r) => ({ relationshipId: r.id, evidence: r.evidence }));
    }),
    expansionPreview: read((args, ctx) => {
      const a = check(ExpansionPreviewArgs, args);
      return ctx.graph.expansionPreview({
        id: a.id,
        excludeIds: a.excludeIds ?? [],
        filter: parseFilter(a.filter),
      });
    }),
    paths: read((args, ctx, info) => {
      const a = check(PathsArgs, args);
      return ctx.graph.paths({
        fromId: a.fromId,
        toId: a.toId,
        maxLength: a.maxLength,
        first: a.first,
        filter: parseFilter(a.filter),
        evidence: evidenceDepth(info),
      });
    }),
    timeline: read((args, ctx) => {
      const a = check(TimelineArgs, args);
      return ctx.graph.timeline({
        from: a.from,
        to: a.to,
        clock: a.clock,
        first: a.first,
        filter: parseFilter(a.filter),
      });
    }),
    sources: read((_args, ctx) => ctx.graph.sources()),
    // topEntities' argument is read here so the whole Stats object comes from one statement.
    stats: read((_args, ctx) => ctx.graph.stats(100)),
    // Token names and before/after snapshots (deleted content too): readers and up only, in every mode.
    auditTrail: read((args, ctx) => {
      requireRole(ctx, 'reader');
      const a = check(AuditArgs, args);
      return ctx.graph.auditTrail({ targetId: a.targetId ?? null, first: a.first });
    }),
    viewer: (_parent, _args, ctx) => requireRole(ctx, 'anonymous'),
    proposal: read((args, ctx) => ctx.graph.proposal(String(args.id))),
    proposals: read((args, ctx) => ctx.graph.proposals(check(StatusArg, args.status) ?? null, args.first)),
    savedViews: read((_args, ctx) => ctx.graph.savedViews()),
  },
  Stats: {
    topEntities: (parent, args) => parent.topEntities.slice(0, check(TopArgs, args).first),
  },
  Mutation: {
    createEntity: write((args, ctx, actor) => {
      const input = check(CreateEntityInput, args.input);
      return ctx.graph.createEntity({ ...input, id: input.id ?? slugify(input.name) }, actor);
    }),
    updateEntity: write((args, ctx, actor) =>
      ctx.graph.updateEntity(
        check(EntityIdArg, args.id),
        check(VersionArg, args.version),
        check(EntityPatchInput, args.patch),
        actor,
      ),
    ),
    deleteEntity: write((args, ctx, actor) =>
      ctx.graph.setEntityDeleted(check(EntityIdArg, args.id), check(VersionArg, args.version), true, actor),
    ),
    restoreEntity: write((args, ctx, actor) =>
      ctx.graph.setEntityDeleted(check(EntityIdArg, args.id), null, false, actor),
    ),
    createRelationship: write((args, ctx, actor) =>
      ctx.graph.createRelationship(check(CreateRelationshipInput, args.input), actor),
    ),
    updateRelationship: write((args, ctx, actor) =>
      ctx.graph.updateRelationship(
        String(args.id),
        check(VersionArg, args.version),
        check(RelationshipPatchInput, args.patch),
        actor,
      ),
    ),
    deleteRelationship: write((args, ctx, actor) =>
      ctx.graph.setRelationshipDeleted(String(args.id), check(VersionArg, args.version), true, actor),
    ),
    restoreRelationship: write((args, ctx, actor) =>
      ctx.graph.setRelationshipDeleted(String(args.id), null, false, actor),
    ),
    addEvidence: write((args, ctx, actor) =>
      ctx.graph.addEvidence(String(args.relationshipId), check(EvidenceInputSchema, args.evidence), actor),
    ),
    rateSource: write((args, ctx, actor) => {
      const a = check(RateSourceArgs, args);
      return ctx.graph.rateSource(a.id, a.reliability, a.reason, actor);
    }),
    mergeEntities: write((args, ctx, actor) =>
      ctx.graph.mergeEntities(check(EntityIdArg, args.keepId), check(EntityIdArg, args.mergeId), actor),
    ),
    unmergeEntities: write((args, ctx, actor) => ctx.graph.unmergeEntities(String(args.mergeId), actor)),
    addNote: write((args, ctx, actor) => {
      const a = check(NoteArgs, args);
      return ctx.graph.addNote(a.targetId, a.text, actor);
    }),
    proposeClaims: write((args, ctx, actor) => ctx.graph.proposeClaims(args.input, actor), PROPOSAL_ONLY),
    updateProposalClaim: write(
      (args, ctx, actor) =>
        ctx.graph.updateProposalClaim(String(args.id), String(args.claimId), args.patch, actor),
      PROPOSAL_ONLY,
    ),
    updateProposalEntity: write(
      (args, ctx, actor) =>
        ctx.graph.updateProposalEntity(String(args.id), String(args.key), args.patch, actor),
      PROPOSAL_ONLY,
    ),
    acceptProposal: write((args, ctx, actor) =>
      ctx.graph.acceptProposal(
        String(args.id),
        Array.isArray(args.claimIds) ? args.claimIds.map(String) : null,
        actor,
      ),
    ),
    rejectProposal: write(
      (args, ctx, actor) => ctx.graph.rejectProposal(String(args.id), actor),
      PROPOSAL_ONLY,
    ),
    // Views are stored apart from the graph, like proposals.
    saveView: write((args, ctx, actor) => {
      const a = check(SaveViewArgs, args);
      return ctx.graph.saveView(a.name, a.hash, actor);
    }, PROPOSAL_ONLY),
    deleteSavedView: write(
      (args, ctx) => ctx.graph.deleteSavedView(check(SavedViewNameArg, args.name)),
      PROPOSAL_ONLY,
    ),
  },
};
