// Generated from server/graphql/schema.graphql by `npm run codegen`. Do not edit.
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Arbitrary JSON object of kind-specific properties (strings, numbers, booleans, lists of strings). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
};

/** How sure the source is of a claim, read from its wording. Ordered strongest first. */
export const Certainty = {
  /** Stated as fact ("밝혔다", "했다"). */
  Confirmed: 'CONFIRMED',
  /** Attributed or hearsay ("알려졌다", "전해졌다", "according to"). */
  Reported: 'REPORTED',
  /** Presumed, possible or expected ("짐작된다", "가능성", "예상", "may"). */
  Speculative: 'SPECULATIVE'
} as const;

export type Certainty = typeof Certainty[keyof typeof Certainty];
/**
 * Whether a piece of evidence supports its claim or denies it. A non-answer ("확인해 줄 수 없다", "declined to
 * comment") is neither and is not recorded as evidence.
 */
export const Stance = {
  /** The source makes or reports the claim (the default). */
  Supports: 'SUPPORTS',
  /** The source denies or disputes the claim ("…는 사실이 아니다", "denied", "disputed"). */
  Denies: 'DENIES'
} as const;

export type Stance = typeof Stance[keyof typeof Stance];
/**
 * How far the analyst trusts a source, on the Admiralty (NATO) scale. Independent of certainty, which is how
 * a source words one claim. Ordered most reliable first.
 */
export const SourceReliability = {
  /** Completely reliable. */
  A: 'A',
  /** Usually reliable. */
  B: 'B',
  /** Fairly reliable. */
  C: 'C',
  /** Not usually reliable. */
  D: 'D',
  /** Unreliable. */
  E: 'E',
  /** Reliability cannot be judged; every unrated source. */
  F: 'F'
} as const;

export type SourceReliability = typeof SourceReliability[keyof typeof SourceReliability];
/**
 * What an entity is. Inputs take kinds as strings checked against this list, so a wrong kind gets an error
 * that lists the valid ones.
 */
export const EntityKind = {
  /** A company, agency, publisher or research firm. */
  Organization: 'Organization',
  /** A named person. */
  Person: 'Person',
  /** A product or service (a headset, a model, a chip). */
  Product: 'Product',
  /** A technology or field (XR, HBM, on-device AI). */
  Technology: 'Technology',
  /** A country, city or site. */
  Place: 'Place',
  /** A meeting, visit, launch or other occasion. */
  Event: 'Event',
  /** An idea or market that is none of the above. */
  Concept: 'Concept'
} as const;

export type EntityKind = typeof EntityKind[keyof typeof EntityKind];
/**
 * The `extensions.code` of every error the API reports. Anything unexpected is masked as
 * INTERNAL_SERVER_ERROR (the server logs it with the request id).
 */
export const ErrorCode = {
  /** The input is invalid; the message says what to change. */
  BadUserInput: 'BAD_USER_INPUT',
  /** No such entity, relationship, source or proposal. */
  NotFound: 'NOT_FOUND',
  /** A token is needed or the token is unknown, expired or revoked. */
  Unauthenticated: 'UNAUTHENTICATED',
  /** The token's role may not do this. */
  Forbidden: 'FORBIDDEN',
  /** Someone else changed it first (version mismatch) or it already exists. */
  Conflict: 'CONFLICT',
  /** Neo4j cannot be reached or is still being prepared; retry. */
  DatabaseUnavailable: 'DATABASE_UNAVAILABLE',
  /** Too many failed authentications from this client; wait a minute. */
  RateLimited: 'RATE_LIMITED',
  /** The query ran longer than the server's timeout; narrow it. */
  QueryTimeout: 'QUERY_TIMEOUT',
  /** Too many heavy queries at once; retry shortly. */
  Overloaded: 'OVERLOADED',
  /** An unexpected failure, masked; report the request id. */
  InternalServerError: 'INTERNAL_SERVER_ERROR'
} as const;

export type ErrorCode = typeof ErrorCode[keyof typeof ErrorCode];
/** Which way a relationship points, seen from the entity being expanded. */
export const Direction = {
  /** From the entity to its neighbour. */
  Out: 'OUT',
  /** From the neighbour to the entity. */
  In: 'IN'
} as const;

export type Direction = typeof Direction[keyof typeof Direction];
/** Which of the two clocks a time window applies to. */
export const Clock = {
  /** When the thing happened (`occurredAt`). */
  Occurred: 'OCCURRED',
  /** When a source reported it (the source's `publishedAt`). */
  Published: 'PUBLISHED'
} as const;

export type Clock = typeof Clock[keyof typeof Clock];
/** An organization, person, product, technology, place, event or concept. */
export type Entity = {
  __typename?: 'Entity';
  /** Stable readable slug, e.g. "lg-electronics". Never changes. */
  id: Scalars['ID']['output'];
  /** Organization, Person, Product, Technology, Place, Event or Concept. */
  kind: EntityKind;
  /** English name. */
  name: Scalars['String']['output'];
  /** Korean name, when known. */
  nameKo: Maybe<Scalars['String']['output']>;
  /** Other names in both languages (e.g. "조 윌리엄", "William Cho"). */
  aliases: Array<Scalars['String']['output']>;
  /** A short English description. */
  description: Maybe<Scalars['String']['output']>;
  /** For events: when it happened (YYYY, YYYY-MM, YYYY-MM-DD or a range "from/to"). */
  occurredAt: Maybe<Scalars['String']['output']>;
  /** Kind-specific properties (titles, roles, figures). */
  properties: Scalars['JSONObject']['output'];
  /** Optimistic-concurrency version; pass it back to updateEntity. */
  version: Scalars['Int']['output'];
  /** True when soft-deleted (restorable with restoreEntity). */
  deleted: Scalars['Boolean']['output'];
  /** When merged into another entity, that entity's id. */
  mergedInto: Maybe<Scalars['ID']['output']>;
  /** Analyst notes on this entity. */
  notes: Array<Note>;
};

/**
 * A relationship between two entities, read from one or more sources. Its certainty, event time, source
 * count and dispute flag are derived from its evidence, and only from the evidence that passes the request's
 * filter: the same relationship can be CONFIRMED in one time window and REPORTED in another.
 */
export type Relationship = {
  __typename?: 'Relationship';
  /** The natural key "fromId:TYPE:toId": at most one relationship of a type between two entities. */
  id: Scalars['ID']['output'];
  /** UPPER_SNAKE verb read from the source, e.g. MET_WITH, DEVELOPS, COMPETES_WITH. */
  type: Scalars['String']['output'];
  /** Subject entity id. */
  fromId: Scalars['ID']['output'];
  /** Object entity id. */
  toId: Scalars['ID']['output'];
  /** The strongest certainty among its supporting evidence in view (among all of it when only denials are). */
  certainty: Certainty;
  /**
   * When the related thing happened, from its evidence in view: their one date when they agree, else the span
   * "from/to" of their dates (not the publication date). Null when none of it is dated.
   */
  occurredAt: Maybe<Scalars['String']['output']>;
  /** Distinct sources among the evidence in view. */
  sourceCount: Scalars['Int']['output'];
  /** True when some evidence in view denies the claim. */
  disputed: Scalars['Boolean']['output'];
  /** Figures and details of the claim (quantities, amounts, durations). */
  properties: Scalars['JSONObject']['output'];
  /** The evidence behind this relationship that passes the request's filter (all of it without a filter). */
  evidence: Array<Evidence>;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
  /** True when soft-deleted. */
  deleted: Scalars['Boolean']['output'];
  /** Analyst notes on this relationship. */
  notes: Array<Note>;
};

/** One supporting fragment of a source for a relationship. */
export type Evidence = {
  __typename?: 'Evidence';
  /** Stable id (a hash of source, quote and attribution). */
  id: Scalars['ID']['output'];
  /** The supporting fragment, verbatim, in the source's language. */
  quote: Scalars['String']['output'];
  /** English translation of the quote. */
  translation: Maybe<Scalars['String']['output']>;
  /** Who makes the claim: the article itself, Bloomberg, Counterpoint Research, LG, … */
  attributedTo: Maybe<Scalars['String']['output']>;
  /** The certainty of this claim as the source words it. */
  certainty: Certainty;
  /** Whether the source supports or denies the claim. */
  stance: Stance;
  /**
   * When the thing this quote is about happened (YYYY, YYYY-MM, YYYY-MM-DD or "from/to"); null when the
   * quote does not date it. Not the publication date, which is the source's.
   */
  occurredAt: Maybe<Scalars['String']['output']>;
  /** The source the quote comes from. */
  source: Source;
  /** When this evidence was added to Linkage. */
  addedAt: Maybe<Scalars['String']['output']>;
  /** Who added it. */
  addedBy: Maybe<Scalars['String']['output']>;
};

/** A source document, usually a news article. */
export type Source = {
  __typename?: 'Source';
  /** Stable slug. */
  id: Scalars['ID']['output'];
  /** Title in the original language. */
  title: Scalars['String']['output'];
  /** English title, when known. */
  titleEn: Maybe<Scalars['String']['output']>;
  /** Publisher or outlet. */
  publisher: Maybe<Scalars['String']['output']>;
  /** Author or reporter. */
  author: Maybe<Scalars['String']['output']>;
  /** Report time: when the source was published (YYYY-MM-DD). */
  publishedAt: Maybe<Scalars['String']['output']>;
  /** Language tag, e.g. "ko". */
  language: Maybe<Scalars['String']['output']>;
  /** Where to read it, when known. */
  url: Maybe<Scalars['String']['output']>;
  /** How far the analyst trusts this source (F until rated). */
  reliability: SourceReliability;
  /** The analyst's reason for the grade. */
  reliabilityReason: Maybe<Scalars['String']['output']>;
};

/** An analyst's note. */
export type Note = {
  __typename?: 'Note';
  /** Note id. */
  id: Scalars['ID']['output'];
  /** The note. */
  text: Scalars['String']['output'];
  /** Who wrote it (token name). */
  author: Scalars['String']['output'];
  /** When it was written (ISO timestamp). */
  createdAt: Scalars['String']['output'];
};

/** A search result. */
export type SearchHit = {
  __typename?: 'SearchHit';
  /** The entity found. */
  entity: Entity;
  /** Relevance; exact name or alias matches rank first. */
  score: Scalars['Float']['output'];
  /** Which field matched best: name, nameKo, alias or description. */
  matchedField: Maybe<Scalars['String']['output']>;
  /** The matching text (a name, an alias or a slice of the description). */
  snippet: Maybe<Scalars['String']['output']>;
};

/** A flat piece of the graph that maps one-to-one onto Cytoscape elements. */
export type Subgraph = {
  __typename?: 'Subgraph';
  /** Entities in the piece (start entities first, then by relevance). */
  nodes: Array<Entity>;
  /** Relationships among those entities that pass the filter. */
  relationships: Array<Relationship>;
  /** True when more entities matched than `limit` allowed. */
  truncated: Scalars['Boolean']['output'];
  /** How many entities matched before the cap, out to `countedDepth` hops. */
  totalNodes: Scalars['Int']['output'];
  /**
   * How many hops `totalNodes` counts. Farther hops are only explored while the nearer ones leave room under
   * the cap (nothing from them could be shown otherwise), so this is less than the depth asked when the
   * nearer hops already filled it: "300 of 1,406 neighbours" then means 1,406 at the nearer hops alone.
   */
  countedDepth: Scalars['Int']['output'];
  /**
   * Ids of hubs in the piece that the farther hops did not go through: entities with more relationships than
   * the server's LINKAGE_HUB_DEGREE (default 1000). Their thousands of neighbours say little about the start;
   * expand such an entity on its own to see its neighbours, most certain first. The start entities are
   * always expanded.
   */
  hubsNotExpanded: Array<Scalars['ID']['output']>;
};

/** A path between two entities. */
export type Path = {
  __typename?: 'Path';
  /** Entities along the path, from start to end. */
  nodes: Array<Entity>;
  /** Relationships along the path, in order (each may point either way). */
  relationships: Array<Relationship>;
};

/** How many neighbours expanding an entity along one relationship type and direction would add. */
export type ExpansionGroup = {
  __typename?: 'ExpansionGroup';
  /** Relationship type. */
  type: Scalars['String']['output'];
  /** Direction seen from the expanded entity. */
  direction: Direction;
  /** Neighbours reachable this way (not counting excluded ids). */
  count: Scalars['Int']['output'];
};

/** What an expansion would add, before adding it. */
export type ExpansionPreview = {
  __typename?: 'ExpansionPreview';
  /** The entity being expanded. */
  id: Scalars['ID']['output'];
  /** Distinct neighbours an expansion would add (not counting excluded ids). */
  total: Scalars['Int']['output'];
  /** Counts per relationship type and direction. */
  groups: Array<ExpansionGroup>;
};

/** A time-stamped item: an event entity or a dated relationship. */
export type TimelineItem = {
  __typename?: 'TimelineItem';
  /** Start of the item's time (YYYY-MM-DD). */
  from: Scalars['String']['output'];
  /** End of the item's time (YYYY-MM-DD). */
  to: Scalars['String']['output'];
  /** The event, when the item is an event entity. */
  entity: Maybe<Entity>;
  /** The relationship, when the item is a dated relationship. */
  relationship: Maybe<Relationship>;
};

/** A count under a label. */
export type Count = {
  __typename?: 'Count';
  /** Kind, relationship type or certainty. */
  key: Scalars['String']['output'];
  /** How many. */
  count: Scalars['Int']['output'];
};

/** An entity with its number of relationships. */
export type EntityDegree = {
  __typename?: 'EntityDegree';
  /** The entity. */
  entity: Entity;
  /** Relationships touching it. */
  degree: Scalars['Int']['output'];
};

/** Counts over the whole graph (deleted items excluded). */
export type Stats = {
  __typename?: 'Stats';
  /** Entities in total. */
  entities: Scalars['Int']['output'];
  /** Relationships in total. */
  relationships: Scalars['Int']['output'];
  /** Evidence records in total. */
  evidence: Scalars['Int']['output'];
  /** Sources in total. */
  sources: Scalars['Int']['output'];
  /** Entities by kind. */
  entitiesByKind: Array<Count>;
  /** Relationships by type. */
  relationshipsByType: Array<Count>;
  /** Relationships by their (strongest) certainty. */
  relationshipsByCertainty: Array<Count>;
  /** Evidence records by certainty. */
  evidenceByCertainty: Array<Count>;
  /** The most connected entities. */
  topEntities: Array<EntityDegree>;
};


/** Counts over the whole graph (deleted items excluded). */
export type StatsTopEntitiesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of entities (Relay connection). */
export type EntityConnection = {
  __typename?: 'EntityConnection';
  /** The entities on this page. */
  edges: Array<EntityEdge>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** Entities matching the filter in total. */
  totalCount: Scalars['Int']['output'];
};

/** One entity in a connection. */
export type EntityEdge = {
  __typename?: 'EntityEdge';
  /** Opaque cursor; pass it as `after` to continue after this entity. */
  cursor: Scalars['String']['output'];
  /** The entity. */
  node: Entity;
};

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** True when more entities follow. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Cursor of the last edge on this page. */
  endCursor: Maybe<Scalars['String']['output']>;
};

/** One change, as the audit trail keeps it. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** Entry id. */
  id: Scalars['ID']['output'];
  /** When (ISO timestamp). */
  at: Scalars['String']['output'];
  /** Who (token name, or "importer"). */
  actor: Scalars['String']['output'];
  /** What: createEntity, updateEntity, deleteEntity, mergeEntities, import, … */
  action: Scalars['String']['output'];
  /** The entity, relationship or merge the change touched. */
  targetId: Maybe<Scalars['String']['output']>;
  /** JSON of the state before the change. */
  before: Maybe<Scalars['String']['output']>;
  /** JSON of the state after the change. */
  after: Maybe<Scalars['String']['output']>;
};

/** Who is calling. */
export type Viewer = {
  __typename?: 'Viewer';
  /** The token's name, or "anonymous". */
  name: Scalars['String']['output'];
  /** reader, editor, admin, or anonymous. */
  role: Scalars['String']['output'];
};

/**
 * Narrows what neighbourhood, expansion preview, paths, timeline and exports return. Every field is optional.
 * Kinds and types act on entities and relationships; every other field acts on each piece of evidence: a
 * relationship appears when at least one of its evidence passes, lists only the evidence that passes, and
 * derives its certainty, event time, source count and dispute flag from that evidence alone. The report
 * window's end is therefore an "as of" view: publishedTo 2024-03-01 shows what had been reported by then.
 */
export type GraphFilter = {
  /** Only entities of these kinds (start entities are always kept). */
  kinds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only relationships of these types. */
  relationshipTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only evidence at least this certain (CONFIRMED keeps confirmed evidence only). */
  minCertainty?: InputMaybe<Certainty>;
  /** Only evidence from sources graded at least this reliable (A is best; unrated sources are F). */
  minSourceReliability?: InputMaybe<SourceReliability>;
  /** Event-time window start (YYYY-MM-DD, inclusive), on each evidence's own event date. */
  occurredFrom?: InputMaybe<Scalars['String']['input']>;
  /** Event-time window end (YYYY-MM-DD, inclusive). */
  occurredTo?: InputMaybe<Scalars['String']['input']>;
  /** Keep evidence with no event date when an event-time window is set (default true). */
  includeUndated?: InputMaybe<Scalars['Boolean']['input']>;
  /** Report-time window start: only evidence whose source was published on or after this date. */
  publishedFrom?: InputMaybe<Scalars['String']['input']>;
  /** Report-time window end (inclusive): what had been reported by this date. */
  publishedTo?: InputMaybe<Scalars['String']['input']>;
};

/** Where a proposal stands: waiting for review, accepted into the graph, or rejected. */
export const ProposalStatus = {
  /** Waiting for review; nothing is in the graph yet. */
  Pending: 'PENDING',
  /** Accepted: its accepted claims are in the graph. */
  Accepted: 'ACCEPTED',
  /** Rejected: nothing was written. */
  Rejected: 'REJECTED'
} as const;

export type ProposalStatus = typeof ProposalStatus[keyof typeof ProposalStatus];
/** A stretch of the proposal's text: JavaScript string indices, `text.slice(start, end)`. */
export type TextSpan = {
  __typename?: 'TextSpan';
  /** First character (inclusive). */
  start: Scalars['Int']['output'];
  /** End (exclusive). */
  end: Scalars['Int']['output'];
};

/** An entity the article mentions: linked to an existing entity, or proposed as a new one. */
export type ProposedEntity = {
  __typename?: 'ProposedEntity';
  /** Key within the proposal: the entity id when linked, "new-…" for a new entity. */
  key: Scalars['ID']['output'];
  /** The existing entity it is linked to (after acceptance: the entity created for it); null for a new one. */
  entity: Maybe<Entity>;
  /** English name (for a new entity: as written in the article). */
  name: Scalars['String']['output'];
  /** Korean name, when known. */
  nameKo: Maybe<Scalars['String']['output']>;
  /** Organization, Person, Product, Technology, Place, Event or Concept. */
  kind: EntityKind;
  /** Every mention in the text. */
  mentions: Array<TextSpan>;
  /** How sure the link (or the new-entity guess) is, 0–1. */
  confidence: Scalars['Float']['output'];
};

/** A relationship the article states between two entities, with its evidence. */
export type ProposedClaim = {
  __typename?: 'ProposedClaim';
  /** Claim id within the proposal (stable for the same text). */
  id: Scalars['ID']['output'];
  /** UPPER_SNAKE relationship type, from the graph's vocabulary where one fits. */
  type: Scalars['String']['output'];
  /** Subject. */
  from: ProposedEntity;
  /** Object. */
  to: ProposedEntity;
  /** The sentence, verbatim: always equal to `text.slice(span.start, span.end)`. */
  quote: Scalars['String']['output'];
  /** Where the quote is in the proposal's text. */
  span: TextSpan;
  /** English translation, when given by the analyst. */
  translation: Maybe<Scalars['String']['output']>;
  /** Who makes the claim: the publisher, or whom the article quotes ("Bloomberg", "people familiar with the matter"). */
  attributedTo: Scalars['String']['output'];
  /** Certainty read from the hedging cue. */
  certainty: Certainty;
  /** The words the certainty was read from ("알려졌", "according to"); null when stated plainly. */
  cue: Maybe<Scalars['String']['output']>;
  /** When it happened, resolved against the publication date (YYYY, YYYY-MM, YYYY-MM-DD). */
  occurredAt: Maybe<Scalars['String']['output']>;
  /** How sure the proposer is of the claim, 0–1 (for "accept all above x"). */
  confidence: Scalars['Float']['output'];
  /** PENDING until the proposal is accepted; then ACCEPTED or REJECTED. */
  status: ProposalStatus;
};

/** What the proposer read from one article, waiting for review. */
export type Proposal = {
  __typename?: 'Proposal';
  /** Proposal id. */
  id: Scalars['ID']['output'];
  /** Pending, accepted or rejected. */
  status: ProposalStatus;
  /** The article text the spans index into (for a saved page: its extracted body). */
  text: Scalars['String']['output'];
  /** TEXT or HTML: what was submitted. */
  format: Scalars['String']['output'];
  /** "ko" or "en", given or detected. */
  language: Scalars['String']['output'];
  /** The source the evidence will cite (stored with the graph on acceptance). */
  source: Source;
  /** Entities mentioned, in order of first mention. */
  entities: Array<ProposedEntity>;
  /** Claims, in text order. */
  claims: Array<ProposedClaim>;
  /** When it was proposed (ISO timestamp). */
  createdAt: Scalars['String']['output'];
  /** Who proposed it. */
  createdBy: Scalars['String']['output'];
};

/** What accepting a proposal wrote. */
export type AcceptProposalResult = {
  __typename?: 'AcceptProposalResult';
  /** The proposal, now accepted. */
  proposal: Proposal;
  /** New entities created. */
  createdEntities: Scalars['Int']['output'];
  /** New relationships created (a known relationship gains evidence instead). */
  createdRelationships: Scalars['Int']['output'];
  /** Evidence records added (the same quote from the same source is never added twice). */
  addedEvidence: Scalars['Int']['output'];
};

/** The article's source. */
export type ArticleSourceInput = {
  /** Title in the original language. */
  title: Scalars['String']['input'];
  /** Publisher or outlet. */
  publisher: Scalars['String']['input'];
  /** Author or reporter. */
  author?: InputMaybe<Scalars['String']['input']>;
  /** Publication date: relative dates in the text ("19일", "on Wednesday") resolve against it. */
  publishedAt: Scalars['Date']['input'];
  /** "ko" or "en"; detected when left out. */
  language?: InputMaybe<Scalars['String']['input']>;
  /** Where the article is. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** An article to read. */
export type ProposeClaimsInput = {
  /** Plain text or a saved HTML page (its article body is extracted); at most 200,000 characters. */
  text: Scalars['String']['input'];
  /** The article's source. */
  source: ArticleSourceInput;
};

/** An analyst's edit of a proposed claim; fields left out stay as they are. */
export type ProposedClaimPatch = {
  /** New relationship type. */
  type?: InputMaybe<Scalars['String']['input']>;
  /** New subject: a key of the proposal's entities. */
  fromKey?: InputMaybe<Scalars['ID']['input']>;
  /** New object: a key of the proposal's entities. */
  toKey?: InputMaybe<Scalars['ID']['input']>;
  /** New certainty. */
  certainty?: InputMaybe<Certainty>;
  /** English translation of the quote (null clears it). */
  translation?: InputMaybe<Scalars['String']['input']>;
  /** Event time (null clears it). */
  occurredAt?: InputMaybe<Scalars['String']['input']>;
};

/** An analyst's decision on a proposed entity: link it to another existing entity, or make it a new one. */
export type ProposedEntityPatch = {
  /** Link to this existing entity; null makes it a new entity. */
  entityId?: InputMaybe<Scalars['ID']['input']>;
  /** Name for a new entity. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Korean name for a new entity. */
  nameKo?: InputMaybe<Scalars['String']['input']>;
  /** Kind for a new entity. */
  kind?: InputMaybe<Scalars['String']['input']>;
};

/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type Query = {
  __typename?: 'Query';
  /**
   * Full-text search over names, Korean names, aliases and descriptions. Korean works with particles
   * attached ("메타가"), English is case-insensitive, and the last word matches as a prefix (typeahead).
   */
  search: Array<SearchHit>;
  /** One entity by id; null when unknown. */
  entity: Maybe<Entity>;
  /** Entities, filtered and paged (Relay connection), ordered by id. */
  entities: EntityConnection;
  /** One relationship by id ("fromId:TYPE:toId"); null when unknown. */
  relationship: Maybe<Relationship>;
  /**
   * The entities within `depth` (1–3) hops of the start ids and the relationships among them, capped at
   * `limit` entities (most certain and most recent kept first). NOT_FOUND when a start id is unknown.
   */
  neighborhood: Subgraph;
  /**
   * What expanding an entity would add, per relationship type and direction, before adding it.
   * `excludeIds` (e.g. what is already on screen) are not counted.
   */
  expansionPreview: ExpansionPreview;
  /** Shortest paths (up to `maxLength` ≤ 6 hops, at most `first`) between two entities, honouring the filter. */
  paths: Array<Path>;
  /**
   * Events and dated relationships whose time overlaps the window, in time order; relationships are placed by
   * their evidence that passes the filter.
   */
  timeline: Array<TimelineItem>;
  /** Every source. */
  sources: Array<Source>;
  /** Counts over the whole graph. */
  stats: Stats;
  /** The audit trail, newest first; narrowed to one entity, relationship or merge with `targetId`. */
  auditTrail: Array<AuditEntry>;
  /** Who the request's token belongs to. */
  viewer: Viewer;
  /** One proposal by id; null when unknown. */
  proposal: Maybe<Proposal>;
  /** The newest proposals, optionally of one status. */
  proposals: Array<Proposal>;
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QuerySearchArgs = {
  text: Scalars['String']['input'];
  kinds: InputMaybe<Array<Scalars['String']['input']>>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QueryEntityArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QueryEntitiesArgs = {
  kinds: InputMaybe<Array<Scalars['String']['input']>>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after: InputMaybe<Scalars['String']['input']>;
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QueryRelationshipArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QueryNeighborhoodArgs = {
  ids: Array<Scalars['ID']['input']>;
  depth?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  filter: InputMaybe<GraphFilter>;
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QueryExpansionPreviewArgs = {
  id: Scalars['ID']['input'];
  excludeIds: InputMaybe<Array<Scalars['ID']['input']>>;
  filter: InputMaybe<GraphFilter>;
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QueryPathsArgs = {
  fromId: Scalars['ID']['input'];
  toId: Scalars['ID']['input'];
  maxLength?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  filter: InputMaybe<GraphFilter>;
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QueryTimelineArgs = {
  from: InputMaybe<Scalars['String']['input']>;
  to: InputMaybe<Scalars['String']['input']>;
  clock?: InputMaybe<Clock>;
  first?: InputMaybe<Scalars['Int']['input']>;
  filter: InputMaybe<GraphFilter>;
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QueryAuditTrailArgs = {
  targetId: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QueryProposalArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QueryProposalsArgs = {
  status: InputMaybe<ProposalStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A new entity. */
export type CreateEntityInput = {
  /** Slug id (lowercase letters, digits, dashes); generated from the name when left out. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Organization, Person, Product, Technology, Place, Event or Concept. */
  kind: Scalars['String']['input'];
  /** English name. */
  name: Scalars['String']['input'];
  /** Korean name. */
  nameKo?: InputMaybe<Scalars['String']['input']>;
  /** Other names in both languages. */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Short English description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Event time. */
  occurredAt?: InputMaybe<Scalars['String']['input']>;
  /** Kind-specific properties. */
  properties?: InputMaybe<Scalars['JSONObject']['input']>;
};

/** Changes to an entity; fields left out stay as they are, null clears an optional field. */
export type EntityPatch = {
  /** New kind. */
  kind?: InputMaybe<Scalars['String']['input']>;
  /** New English name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New Korean name. */
  nameKo?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the aliases. */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New event time. */
  occurredAt?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the properties. */
  properties?: InputMaybe<Scalars['JSONObject']['input']>;
};

/** A source, given inline when evidence cites one that is not stored yet. */
export type SourceInput = {
  /** Slug id. */
  id: Scalars['ID']['input'];
  /** Title in the original language. */
  title: Scalars['String']['input'];
  /** English title. */
  titleEn?: InputMaybe<Scalars['String']['input']>;
  /** Publisher. */
  publisher?: InputMaybe<Scalars['String']['input']>;
  /** Author. */
  author?: InputMaybe<Scalars['String']['input']>;
  /** Publication date YYYY-MM-DD. */
  publishedAt?: InputMaybe<Scalars['String']['input']>;
  /** Language tag. */
  language?: InputMaybe<Scalars['String']['input']>;
  /** URL. */
  url?: InputMaybe<Scalars['String']['input']>;
  /** Reliability grade (F, "cannot be judged", when left out). */
  reliability?: InputMaybe<SourceReliability>;
};

/** One piece of evidence. */
export type EvidenceInput = {
  /** The supporting fragment, verbatim. */
  quote: Scalars['String']['input'];
  /** English translation. */
  translation?: InputMaybe<Scalars['String']['input']>;
  /** Who makes the claim. */
  attributedTo?: InputMaybe<Scalars['String']['input']>;
  /** How the source words it. */
  certainty: Certainty;
  /** Whether the source supports or denies the claim (default SUPPORTS). */
  stance?: InputMaybe<Stance>;
  /** When the thing this quote is about happened (YYYY, YYYY-MM, YYYY-MM-DD or "from/to"). */
  occurredAt?: InputMaybe<Scalars['String']['input']>;
  /** A stored source's id (or give `source`). */
  sourceId?: InputMaybe<Scalars['ID']['input']>;
  /** A new source, stored with the evidence. */
  source?: InputMaybe<SourceInput>;
};

/** A new relationship; evidence is required. */
export type CreateRelationshipInput = {
  /** UPPER_SNAKE verb. */
  type: Scalars['String']['input'];
  /** Subject entity id. */
  fromId: Scalars['ID']['input'];
  /** Object entity id. */
  toId: Scalars['ID']['input'];
  /** Event time of each evidence that gives none of its own. */
  occurredAt?: InputMaybe<Scalars['String']['input']>;
  /** Figures and details. */
  properties?: InputMaybe<Scalars['JSONObject']['input']>;
  /** At least one piece of evidence. */
  evidence: Array<EvidenceInput>;
};

/**
 * Changes to a relationship. Its event time, certainty and sources come from its evidence (add evidence
 * with its own occurredAt), so only its properties are edited here.
 */
export type RelationshipPatch = {
  /** Replaces the properties (required). */
  properties?: InputMaybe<Scalars['JSONObject']['input']>;
};

/** The result of a merge. */
export type MergeResult = {
  __typename?: 'MergeResult';
  /** The merge record's id; pass it to unmergeEntities to undo the merge. */
  mergeId: Scalars['ID']['output'];
  /** The surviving entity, with the merged one's aliases. */
  entity: Entity;
  /** Relationships moved onto the surviving entity. */
  movedRelationships: Scalars['Int']['output'];
};

/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Creates an entity. CONFLICT when the id is taken. */
  createEntity: Entity;
  /** Updates an entity when `version` is current; CONFLICT when someone changed it first. */
  updateEntity: Entity;
  /** Soft-deletes an entity (and hides its relationships); restorable. */
  deleteEntity: Entity;
  /** Restores a soft-deleted entity. */
  restoreEntity: Entity;
  /** Creates a relationship with its evidence. CONFLICT when it exists (use addEvidence). */
  createRelationship: Relationship;
  /** Updates a relationship when `version` is current. */
  updateRelationship: Relationship;
  /** Soft-deletes a relationship; restorable with restoreRelationship. */
  deleteRelationship: Relationship;
  /** Restores a soft-deleted relationship. */
  restoreRelationship: Relationship;
  /** Adds evidence to a relationship (the same quote from the same source is not added twice). */
  addEvidence: Relationship;
  /**
   * Grades how far a source can be trusted (Admiralty A–F) with a short reason; shown beside every quote of
   * the source and used by GraphFilter.minSourceReliability. Audited.
   */
  rateSource: Source;
  /**
   * Merges `mergeId` into `keepId`: aliases, relationships and evidence move to `keepId`; `mergeId` is
   * soft-deleted with `mergedInto` set. Reversible with unmergeEntities.
   */
  mergeEntities: MergeResult;
  /**
   * Undoes a merge, restoring both entities and their relationships as they were. CONFLICT when the
   * surviving entity changed since.
   */
  unmergeEntities: Array<Entity>;
  /** Adds a note to an entity (id) or a relationship ("fromId:TYPE:toId"). */
  addNote: Note;
  /**
   * Reads an article and stores what it proposes (entities, claims with quotes); the graph is not touched.
   * BAD_USER_INPUT for empty, oversized, binary or body-less input, an unknown language or a bad date.
   */
  proposeClaims: Proposal;
  /** Edits a claim of a pending proposal. */
  updateProposalClaim: Proposal;
  /** Links a proposed entity to another existing entity, or makes it a new one. */
  updateProposalEntity: Proposal;
  /**
   * Writes the given claims (null = all) into the graph in one transaction with its audit entry: new
   * entities, relationships, and evidence (added to a known relationship instead of duplicating it).
   */
  acceptProposal: AcceptProposalResult;
  /** Rejects a pending proposal; nothing is written to the graph. */
  rejectProposal: Proposal;
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationCreateEntityArgs = {
  input: CreateEntityInput;
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationUpdateEntityArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
  patch: EntityPatch;
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationDeleteEntityArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationRestoreEntityArgs = {
  id: Scalars['ID']['input'];
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationCreateRelationshipArgs = {
  input: CreateRelationshipInput;
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationUpdateRelationshipArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
  patch: RelationshipPatch;
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationDeleteRelationshipArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationRestoreRelationshipArgs = {
  id: Scalars['ID']['input'];
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationAddEvidenceArgs = {
  relationshipId: Scalars['ID']['input'];
  evidence: EvidenceInput;
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationRateSourceArgs = {
  id: Scalars['ID']['input'];
  reliability: SourceReliability;
  reason: InputMaybe<Scalars['String']['input']>;
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationMergeEntitiesArgs = {
  keepId: Scalars['ID']['input'];
  mergeId: Scalars['ID']['input'];
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationUnmergeEntitiesArgs = {
  mergeId: Scalars['ID']['input'];
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationAddNoteArgs = {
  targetId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationProposeClaimsArgs = {
  input: ProposeClaimsInput;
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationUpdateProposalClaimArgs = {
  id: Scalars['ID']['input'];
  claimId: Scalars['ID']['input'];
  patch: ProposedClaimPatch;
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationUpdateProposalEntityArgs = {
  id: Scalars['ID']['input'];
  key: Scalars['ID']['input'];
  patch: ProposedEntityPatch;
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationAcceptProposalArgs = {
  id: Scalars['ID']['input'];
  claimIds: InputMaybe<Array<Scalars['ID']['input']>>;
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationRejectProposalArgs = {
  id: Scalars['ID']['input'];
};
