// relationship-fields (map projection items): what every view of relationship r carries besides its
// evidence, the derived fields computed from the evidence indexes in `pass`. Expects: r, pass.
.id, .properties, .version, .deleted, .notes, type: type(r), fromId: startNode(r).id, toId: endNode(r).id,
  summary:
  // @include evidence-summary
