// Typed wrappers for article ingest: propose, edit, accept, reject (one request each).
import { postGraphQL, type RequestOptions } from './graphql-client.ts';
import * as ops from './operations.ts';
import type {
  AcceptProposalMutation,
  ArticleSourceInput,
  ProposalFieldsFragment,
  ProposeClaimsMutation,
  ProposedClaimPatch,
  ProposedEntityPatch,
  RejectProposalMutation,
  UpdateProposalClaimMutation,
  UpdateProposalEntityMutation,
} from './generated/operations.ts';

type Options = Pick<RequestOptions, 'signal' | 'token'>;

/** The shapes come from the generated operation types, so they are what the operations select. */
export type Proposal = ProposalFieldsFragment;
export type ProposedEntity = Proposal['entities'][number];
export type ProposedClaim = Proposal['claims'][number];
export type ClaimPatch = ProposedClaimPatch;
export type EntityPatch = ProposedEntityPatch;
export type AcceptResult = AcceptProposalMutation['acceptProposal'];
export type { ArticleSourceInput };

export interface IngestApi {
  propose(text: string, source: ArticleSourceInput, options?: Options): Promise<Proposal>;
  updateClaim(id: string, claimId: string, patch: ClaimPatch, options?: Options): Promise<Proposal>;
  updateEntity(id: string, key: string, patch: EntityPatch, options?: Options): Promise<Proposal>;
  accept(id: string, claimIds: string[] | null, options?: Options): Promise<AcceptResult>;
  reject(id: string, options?: Options): Promise<Proposal>;
}

export const ingestApi: IngestApi = {
  async propose(text, source, options) {
    const data = await postGraphQL<ProposeClaimsMutation>(
      ops.PROPOSE_CLAIMS,
      { input: { text, source } },
      options,
    );
    return data.proposeClaims;
  },
  async updateClaim(id, claimId, patch, options) {
    const data = await postGraphQL<UpdateProposalClaimMutation>(
      ops.UPDATE_PROPOSAL_CLAIM,
      { id, claimId, patch },
      options,
    );
    return data.updateProposalClaim;
  },
  async updateEntity(id, key, patch, options) {
    const data = await postGraphQL<UpdateProposalEntityMutation>(
      ops.UPDATE_PROPOSAL_ENTITY,
      { id, key, patch },
      options,
    );
    return data.updateProposalEntity;
  },
  async accept(id, claimIds, options) {
    const data = await postGraphQL<AcceptProposalMutation>(ops.ACCEPT_PROPOSAL, { id, claimIds }, options);
    return data.acceptProposal;
  },
  async reject(id, options) {
    const data = await postGraphQL<RejectProposalMutation>(ops.REJECT_PROPOSAL, { id }, options);
    return data.rejectProposal;
  },
};
