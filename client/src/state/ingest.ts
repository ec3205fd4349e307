// Article review: the proposal being reviewed, which claims are selected, and the requests that change
// it. After an accept, the accepted claims' entities and relationships are put on the canvas.
import { ApiError } from '../api/errors.ts';
import {
  ingestApi,
  type ArticleSourceInput,
  type ClaimPatch,
  type EntityPatch,
  type IngestApi,
  type Proposal,
} from '../api/ingest-api.ts';
import { linkageApi, type LinkageApi } from '../api/linkage-api.ts';

export type { ProposedClaim, ProposedEntity, Proposal } from '../api/ingest-api.ts';
import type { AppState } from './app-state.ts';
import type { Commands } from './commands.ts';
import { createStore, type Store } from './store.ts';

export interface IngestState {
  proposal: Proposal | null;
  /** Claims the analyst keeps for acceptance (all proposed claims at first). */
  selected: ReadonlySet<string>;
  busy: string | null;
  error: string | null;
  /** What the last accept wrote, for the analyst to read. */
  result: string | null;
}

const INITIAL: IngestState = { proposal: null, selected: new Set(), busy: null, error: null, result: null };

/** The ids of the claims at or above a confidence, for "accept all above x". */
export const claimsAbove = (proposal: Proposal, threshold: number) =>
  proposal.claims.filter((c) => c.confidence >= threshold).map((c) => c.id);

export function createIngest(
  app: Store<AppState>,
  commands: Commands,
  api: IngestApi = ingestApi,
  graphApi: LinkageApi = linkageApi,
) {
  const store = createStore<IngestState>(INITIAL);
  const set = (patch: Partial<IngestState>) => store.setState((s) => ({ ...s, ...patch }));
  const options = () => ({ token: app.getState().ui.token });

  async function run(label: string, work: () => Promise<void>): Promise<void> {
    set({ busy: label, error: null });
    try {
      await work();
      set({ busy: null });
    } catch (error) {
      set({ busy: null, error: error instanceof ApiError ? error.message : String(error) });
    }
  }

  const replace = (proposal: Proposal) => {
    const ids = new Set(proposal.claims.map((c) => c.id));
    set({ proposal, selected: new Set([...store.getState().selected].filter((id) => ids.has(id))) });
  };

  return {
    store,
    propose: (text: string, source: ArticleSourceInput) =>
      run('Reading the article…', async () => {
        const proposal = await api.propose(text, source, options());
        set({ proposal, selected: new Set(proposal.claims.map((c) => c.id)), result: null });
      }),
    toggle(claimId: string, on: boolean): void {
      const selected = new Set(store.getState().selected);
      if (on) selected.add(claimId);
      else selected.delete(claimId);
      set({ selected });
    },
    updateClaim: (claimId: string, patch: ClaimPatch) =>
      run('Saving the edit…', async () => {
        replace(await api.updateClaim(store.getState().proposal!.id, claimId, patch, options()));
      }),
    updateEntity: (key: string, patch: EntityPatch) =>
      run('Saving the link…', async () => {
        replace(await api.updateEntity(store.getState().proposal!.id, key, patch, options()));
      }),
    accept: (claimIds: string[]) =>
      run('Writing to the graph…', async () => {
        const proposal = store.getState().proposal!;
        const result = await api.accept(proposal.id, claimIds, options());
        set({
          proposal: result.proposal,
          result: `Accepted ${claimIds.length} claims: ${result.createdEntities} new entities, ${result.createdRelationships} new relationships, ${result.addedEvidence} evidence added.`,
        });
        const keys = new Set(
          result.proposal.claims
            .filter((c) => c.status === 'ACCEPTED')
            .flatMap((c) => [c.from.key, c.to.key]),
        );
        const ids = result.proposal.entities
          .filter((e) => keys.has(e.key) && e.entity)
          .map((e) => e.entity!.id);
        if (ids.length === 0) return;
        const piece = await graphApi.neighborhood({ ids, depth: 1, limit: 300 }, options());
        const shown = new Set(ids);
        commands.dispatch('mergeSubgraph', {
          nodes: piece.nodes.filter((n) => shown.has(n.id)),
          relationships: piece.relationships.filter((r) => shown.has(r.fromId) && shown.has(r.toId)),
        });
      }),
    reject: () =>
      run('Rejecting…', async () => {
        set({
          proposal: await api.reject(store.getState().proposal!.id, options()),
          result: 'Rejected: nothing was written.',
        });
      }),
    reset: () => set(INITIAL),
  };
}

export type Ingest = ReturnType<typeof createIngest>;
