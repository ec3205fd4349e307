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

/** The selection below `set` as dotted leaf paths ('id', 'source.reliability'), through fragments too. */
function leaves(set: SelectionSetNode, info: GraphQLResolveInfo, prefix: string, out: Set<string>) {
  for (const selection of set.selections) {
    if (selection.kind === 'InlineFragment') leaves(selection.selectionSet, info, prefix, out);
    else if (selection.kind === 'FragmentSpread') {
      const fragment = info.fragments[selection.name.value];
      if (fragment) leaves(fragment.selectionSet, info, prefix, out);
    } else if (selection.selectionSet)
      leaves(selection.selectionSet, info, `${prefix}${selection.name.value}.`, out);
    else out.add(`${prefix}${selection.name.value}`);
  }
}

/**
 * True when every leaf the field being resolved selects below `path` (as a dotted path, e.g.
 * 'source.reliability') is `allowed` (`__typename` always is), e.g. whether a neighbourhood reads of its
 * evidence only the facts the lists beside the evidence text hold. False without resolve info (a direct
 * call: assume everything is selected).
 */
export function selectsOnly(
  info: GraphQLResolveInfo | undefined,
  path: string[],
  allowed: (leaf: string) => boolean,
): boolean {
  if (!info) return false;
  const out = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, rest: string[]) => {
    if (!set) return;
    const [head, ...tail] = rest;
    for (const selection of set.selections) {
      if (selection.kind === 'InlineFragment') walk(selection.selectionSet, rest);
      else if (selection.kind === 'FragmentSpread')
        walk(info.fragments[selection.name.value]?.selectionSet, rest);
      else if (selection.name.value === head) {
        if (tail.length > 0) walk(selection.selectionSet, tail);
        else if (selection.selectionSet) leaves(selection.selectionSet, info, '', out);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet, path);
  return [...out].every((leaf) => allowed(leaf) || leaf === '__typename' || leaf.endsWith('.__typename'));
}
