// Whether a GraphQL request selects a field below the one being resolved (through fragments too), so a
// root resolver can leave out of its one statement what nobody asked for: evidence is most of a
// neighbourhood's bytes, and the canvas can fetch it when an edge is opened (Query.evidence).
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function selects(set: SelectionSetNode | undefined, path: string[], info: GraphQLResolveInfo): boolean {
  if (!set) return false;
  const [head, ...rest] = path;
  for (const selection of set.selections) {
    if (selection.kind === 'InlineFragment') {
      if (selects(selection.selectionSet, path, info)) return true;
    } else if (selection.kind === 'FragmentSpread') {
      const fragment = info.fragments[selection.name.value];
      if (fragment && selects(fragment.selectionSet, path, info)) return true;
    } else if (selection.name.value === head) {
      if (rest.length === 0 || selects(selection.selectionSet, rest, info)) return true;
    }
  }
  return false;
}

/** True when the field being resolved selects `path` (e.g. ['relationships', 'evidence']). */
export function selectsPath(info: GraphQLResolveInfo | undefined, path: string[]): boolean {
  // Without resolve info (a direct call) nothing is known: answer as if everything were selected.
  if (!info) return true;
  return info.fieldNodes.some((node: FieldNode) => selects(node.selectionSet, path, info));
}
