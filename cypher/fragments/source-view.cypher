// source-view (map projection): the source fields the API reads (server/graph/mapping.ts toSource), put
// after a node variable: `s` + this.
{.id, .title, .titleEn, .publisher, .author, .publishedAt, .language, .url, .reliability, .reliabilityReason}
