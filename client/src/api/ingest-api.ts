// Typed wrappers for article ingest: propose, edit, accept, reject (one request each).
import { postGraphQL, type RequestOptions } from './graphql-client.ts';
import * as ops from './operations.ts';
import type { Certainty } from './shapes.ts';

type Options = Pick<RequestOptions, 'signal' | 'token'>;

export interface TextSpan {
  start: number;
  end: number;
}

export interface ProposedEntity {
  key: string;
  name: string;
  nameKo: string | null;
  kind: string;
  confidence: number;
  mentions: TextSpan[];
  entity: { id: string; name: string; nameKo: string | null } | null;
}

export interface ProposedClaim {
  id: string;
  type: string;
  quote: string;
  span: TextSpan;
  translation: string | null;
  attributedTo: string;
  certainty: Certainty;
  cue: string | null;
  occurredAt: string | null;
  confidence: number;
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED';
  from: { key: string };
  to: { key: string };
}

export interface Proposal {
  id: string;
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED';
  text: string;
  language: string;
  source: { id: string; title: string; publisher: string | null; publishedAt: string | null };
  entities: ProposedEntity[];
  claims: ProposedClaim[];
}

export interface ArticleSourceInput {
  title: string;
  publisher: string;
  author?: string | null;
  publishedAt: string;
  language?: string | null;
  url?: string | null;
}

export interface ClaimPatch {
  type?: string;
  fromKey?: string;
  toKey?: string;
  certainty?: Certainty;
  translation?: string | null;
  occurredAt?: string | null;
}

export interface EntityPatch {
  entityId?: string | null;
  name?: string;
  nameKo?: string | null;
  kind?: string;
}

export interface AcceptResult {
  createdEntities: number;
  createdRelationships: number;
  addedEvidence: number;
  proposal: Proposal;
}

export interface IngestApi {
  propose(text: string, source: ArticleSourceInput, options?: Options): Promise<Proposal>;
  updateClaim(id: string, claimId: string, patch: ClaimPatch, options?: Options): Promise<Proposal>;
  updateEntity(id: string, key: string, patch: EntityPatch, options?: Options): Promise<Proposal>;
  accept(id: string, claimIds: string[] | null, options?: Options): Promise<AcceptResult>;
  reject(id: string, options?: Options): Promise<Proposal>;
}

export const ingestApi: IngestApi = {
  async propose(text, source, options) {
    const data = await postGraphQL<{ proposeClaims: Proposal }>(
      ops.PROPOSE_CLAIMS,
      { input: { text, source } },
      options,
    );
    return data.proposeClaims;
  },
  async updateClaim(id, claimId, patch, options) {
    const data = await postGraphQL<{ updateProposalClaim: Proposal }>(
      ops.UPDATE_PROPOSAL_CLAIM,
      { id, claimId, patch },
      options,
    );
    return data.updateProposalClaim;
  },
  async updateEntity(id, key, patch, options) {
    const data = await postGraphQL<{ updateProposalEntity: Proposal }>(
      ops.UPDATE_PROPOSAL_ENTITY,
      { id, key, patch },
      options,
    );
    return data.updateProposalEntity;
  },
  async accept(id, claimIds, options) {
    const data = await postGraphQL<{ acceptProposal: AcceptResult }>(
      ops.ACCEPT_PROPOSAL,
      { id, claimIds },
      options,
    );
    return data.acceptProposal;
  },
  async reject(id, options) {
    const data = await postGraphQL<{ rejectProposal: Proposal }>(ops.REJECT_PROPOSAL, { id }, options);
    return data.rejectProposal;
  },
};
