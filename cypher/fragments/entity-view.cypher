// entity-view (map projection): the entity fields the API reads (server/graph/mapping.ts toEntity), put
// after a node variable: `n` + this. Projected, so search-only and filter-only properties (aliasText,
// occurredFrom/To) stay in the database.
{.id, .kind, .name, .nameKo, .aliases, .description, .occurredAt, .properties, .version, .deleted,
  .mergedInto, .notes, .createdAt, .updatedAt}
