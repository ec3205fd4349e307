// Server changes that are also undo steps. Undoing one calls its inverse on the server (a merge is undone
// with unmergeEntities and the merge record's id, a delete with restoreEntity); redoing calls it again.
export type ServerEffect =
  | {
      kind: 'merge';
      keepId: string;
      /** The entity merged into keepId (soft-deleted on the server). */
      mergedId: string;
      /** The merge record's id (MergeResult.mergeId): what unmergeEntities needs. */
      mergeRecordId: string;
      label: string;
    }
  | { kind: 'deleteEntity'; id: string; version: number; label: string };
