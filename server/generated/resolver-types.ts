// Generated from server/graphql/schema.graphql by `npm run codegen`. Do not edit.
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Entity as EntityModel, Relationship as RelationshipModel, Evidence as EvidenceModel, Source as SourceModel, Note as NoteModel, SavedView as SavedViewModel } from '../graph/model.ts';
import type { SearchHit as SearchHitModel, ClaimHit as ClaimHitModel, SubgraphResult as SubgraphResultModel, PathResult as PathResultModel, AuditEntryResult as AuditEntryResultModel } from '../graph/repository.ts';
import type { ProposalView as ProposalViewModel, ProposedEntityView as ProposedEntityViewModel, ProposedClaimView as ProposedClaimViewModel } from '../graph/ingest/store.ts';
import type { Viewer as ViewerModel } from '../auth/tokens.ts';
import type { GraphQLContext } from '../graphql/context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
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
export type Certainty =
  /** Stated as fact ("밝혔다", "했다"). */
  | 'CONFIRMED'
  /** Attributed or hearsay ("알려졌다", "전해졌다", "according to"). */
  | 'REPORTED'
  /** Presumed, possible or expected ("짐작된다", "가능성", "예상", "may"). */
  | 'SPECULATIVE';

/**
 * Whether a piece of evidence supports its claim or denies it. A non-answer ("확인해 줄 수 없다", "declined to
 * comment") is neither and is not recorded as evidence.
 */
export type Stance =
  /** The source makes or reports the claim (the default). */
  | 'SUPPORTS'
  /** The source denies or disputes the claim ("…는 사실이 아니다", "denied", "disputed"). */
  | 'DENIES';

/**
 * How far the analyst trusts a source, on the Admiralty (NATO) scale. Independent of certainty, which is how
 * a source words one claim. Ordered most reliable first.
 */
export type SourceReliability =
  /** Completely reliable. */
  | 'A'
  /** Usually reliable. */
  | 'B'
  /** Fairly reliable. */
  | 'C'
  /** Not usually reliable. */
  | 'D'
  /** Unreliable. */
  | 'E'
  /** Reliability cannot be judged; every unrated source. */
  | 'F';

/**
 * What an entity is. Inputs take kinds as strings checked against this list, so a wrong kind gets an error
 * that lists the valid ones.
 */
export type EntityKind =
  /** A company, agency, publisher or research firm. */
  | 'Organization'
  /** A named person. */
  | 'Person'
  /** A product or service (a headset, a model, a chip). */
  | 'Product'
  /** A technology or field (XR, HBM, on-device AI). */
  | 'Technology'
  /** A country, city or site. */
  | 'Place'
  /** A meeting, visit, launch or other occasion. */
  | 'Event'
  /** An idea or market that is none of the above. */
  | 'Concept';

/**
 * The `extensions.code` of every error the API reports. Anything unexpected is masked as
 * INTERNAL_SERVER_ERROR (the server logs it with the request id).
 */
export type ErrorCode =
  /** The input is invalid; the message says what to change. */
  | 'BAD_USER_INPUT'
  /** No such entity, relationship, source or proposal. */
  | 'NOT_FOUND'
  /** A token is needed or the token is unknown, expired or revoked. */
  | 'UNAUTHENTICATED'
  /** The token's role may not do this. */
  | 'FORBIDDEN'
  /** Someone else changed it first (version mismatch) or it already exists. */
  | 'CONFLICT'
  /** Neo4j cannot be reached or is still being prepared; retry. */
  | 'DATABASE_UNAVAILABLE'
  /** Too many failed authentications from this client; wait a minute. */
  | 'RATE_LIMITED'
  /** The query ran longer than the server's timeout; narrow it. */
  | 'QUERY_TIMEOUT'
  /** Too many heavy queries at once; retry shortly. */
  | 'OVERLOADED'
  /** An unexpected failure, masked; report the request id. */
  | 'INTERNAL_SERVER_ERROR';

/** Which way a relationship points, seen from the entity being expanded. */
export type Direction =
  /** From the entity to its neighbour. */
  | 'OUT'
  /** From the neighbour to the entity. */
  | 'IN';

/** Which of the two clocks a time window applies to. */
export type Clock =
  /** When the thing happened (`occurredAt`). */
  | 'OCCURRED'
  /** When a source reported it (the source's `publishedAt`). */
  | 'PUBLISHED';

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
  nameKo?: Maybe<Scalars['String']['output']>;
  /** Other names in both languages (e.g. "조 윌리엄", "William Cho"). */
  aliases: Array<Scalars['String']['output']>;
  /** A short English description. */
  description?: Maybe<Scalars['String']['output']>;
  /** For events: when it happened (YYYY, YYYY-MM, YYYY-MM-DD or a range "from/to"). */
  occurredAt?: Maybe<Scalars['String']['output']>;
  /** Kind-specific properties (titles, roles, figures). */
  properties: Scalars['JSONObject']['output'];
  /** Optimistic-concurrency version; pass it back to updateEntity. */
  version: Scalars['Int']['output'];
  /** True when soft-deleted (restorable with restoreEntity). */
  deleted: Scalars['Boolean']['output'];
  /** When merged into another entity, that entity's id. */
  mergedInto?: Maybe<Scalars['ID']['output']>;
  /** Analyst notes on this entity. */
  notes: Array<Note>;
};

/** The evidence of one relationship as a request's filter sees it (Query.evidence). */
export type RelationshipEvidence = {
  __typename?: 'RelationshipEvidence';
  /** The relationship's id ("fromId:TYPE:toId"). */
  relationshipId: Scalars['ID']['output'];
  /** Its evidence that passes the filter, in the order it was added. */
  evidence: Array<Evidence>;
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
  occurredAt?: Maybe<Scalars['String']['output']>;
  /** Distinct sources among the evidence in view. */
  sourceCount: Scalars['Int']['output'];
  /** True when some evidence in view denies the claim. */
  disputed: Scalars['Boolean']['output'];
  /** Figures and details of the claim (quantities, amounts, durations). */
  properties: Scalars['JSONObject']['output'];
  /**
   * The evidence behind this relationship that passes the request's filter (all of it without a filter). In
   * neighborhood and paths answers it is read only when selected; a client that leaves it out asks
   * Query.evidence when an edge is opened.
   */
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
  translation?: Maybe<Scalars['String']['output']>;
  /**
   * The whole sentence the quote comes from (it contains the quote word for word), to read the quote in
   * context; null when not recorded. Never more than that one sentence of a copyrighted source.
   */
  sentence?: Maybe<Scalars['String']['output']>;
  /** Who makes the claim: the article itself, Bloomberg, Counterpoint Research, LG, … */
  attributedTo?: Maybe<Scalars['String']['output']>;
  /** The certainty of this claim as the source words it. */
  certainty: Certainty;
  /** Whether the source supports or denies the claim. */
  stance: Stance;
  /**
   * When the thing this quote is about happened (YYYY, YYYY-MM, YYYY-MM-DD or "from/to"); null when the
   * quote does not date it. Not the publication date, which is the source's.
   */
  occurredAt?: Maybe<Scalars['String']['output']>;
  /** The source the quote comes from. */
  source: Source;
  /** When this evidence was added to Linkage. */
  addedAt?: Maybe<Scalars['String']['output']>;
  /** Who added it. */
  addedBy?: Maybe<Scalars['String']['output']>;
};

/** A source document, usually a news article. */
export type Source = {
  __typename?: 'Source';
  /** Stable slug. */
  id: Scalars['ID']['output'];
  /** Title in the original language. */
  title: Scalars['String']['output'];
  /** English title, when known. */
  titleEn?: Maybe<Scalars['String']['output']>;
  /** Publisher or outlet. */
  publisher?: Maybe<Scalars['String']['output']>;
  /** Author or reporter. */
  author?: Maybe<Scalars['String']['output']>;
  /** Report time: when the source was published (YYYY-MM-DD). */
  publishedAt?: Maybe<Scalars['String']['output']>;
  /** Language tag, e.g. "ko". */
  language?: Maybe<Scalars['String']['output']>;
  /** Where to read it, when known. */
  url?: Maybe<Scalars['String']['output']>;
  /** How far the analyst trusts this source (F until rated). */
  reliability: SourceReliability;
  /** The analyst's reason for the grade. */
  reliabilityReason?: Maybe<Scalars['String']['output']>;
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
  matchedField?: Maybe<Scalars['String']['output']>;
  /** The matching text (a name, an alias or a slice of the description). */
  snippet?: Maybe<Scalars['String']['output']>;
};

/** A relationship found by the words of its evidence: a quote in the source's language or its translation. */
export type ClaimHit = {
  __typename?: 'ClaimHit';
  /** The relationship the matching evidence supports. */
  relationship: Relationship;
  /** Its subject. */
  from: Entity;
  /** Its object. */
  to: Entity;
  /** The piece of its evidence that matched best. */
  evidence: Evidence;
  /** Relevance of that evidence. */
  score: Scalars['Float']['output'];
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

/** How many of the neighbours an expansion would add are of one kind. */
export type ExpansionKind = {
  __typename?: 'ExpansionKind';
  /** Entity kind of the neighbours (an EntityKind value, as Stats.entitiesByKind keys are). */
  kind: Scalars['String']['output'];
  /** Distinct neighbours of this kind (not counting excluded ids). */
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
  /** The same distinct neighbours counted by kind, most first (for "only this kind"). */
  kinds: Array<ExpansionKind>;
};

/** A time-stamped item: an event entity or a dated relationship. */
export type TimelineItem = {
  __typename?: 'TimelineItem';
  /** Start of the item's time (YYYY-MM-DD). */
  from: Scalars['String']['output'];
  /** End of the item's time (YYYY-MM-DD). */
  to: Scalars['String']['output'];
  /** The event, when the item is an event entity. */
  entity?: Maybe<Entity>;
  /** The relationship, when the item is a dated relationship. */
  relationship?: Maybe<Relationship>;
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
  endCursor?: Maybe<Scalars['String']['output']>;
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
  targetId?: Maybe<Scalars['String']['output']>;
  /** JSON of the state before the change. */
  before?: Maybe<Scalars['String']['output']>;
  /** JSON of the state after the change. */
  after?: Maybe<Scalars['String']['output']>;
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
  /** Only evidence from these sources (ids as in Source.id), e.g. what Bloomberg said. */
  sourceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
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
export type ProposalStatus =
  /** Waiting for review; nothing is in the graph yet. */
  | 'PENDING'
  /** Accepted: its accepted claims are in the graph. */
  | 'ACCEPTED'
  /** Rejected: nothing was written. */
  | 'REJECTED';

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
  entity?: Maybe<Entity>;
  /** English name (for a new entity: as written in the article). */
  name: Scalars['String']['output'];
  /** Korean name, when known. */
  nameKo?: Maybe<Scalars['String']['output']>;
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
  translation?: Maybe<Scalars['String']['output']>;
  /** Who makes the claim: the publisher, or whom the article quotes ("Bloomberg", "people familiar with the matter"). */
  attributedTo: Scalars['String']['output'];
  /** Certainty read from the hedging cue. */
  certainty: Certainty;
  /**
   * DENIES when the sentence says the claim is untrue ("…는 사실이 아니다", "부인했다", "denied"); SUPPORTS
   * otherwise (declining to comment is no denial). Accepting writes it onto the evidence.
   */
  stance: Stance;
  /** The words the certainty was read from ("알려졌", "according to"); null when stated plainly. */
  cue?: Maybe<Scalars['String']['output']>;
  /** When it happened, resolved against the publication date (YYYY, YYYY-MM, YYYY-MM-DD). */
  occurredAt?: Maybe<Scalars['String']['output']>;
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
  /** New stance (DENIES when the source says the claim is untrue). */
  stance?: InputMaybe<Stance>;
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
  /**
   * Claims and quotes: relationships whose evidence (the quote, in the source's language, or its English
   * translation) matches the text, best first ("짐작", "60만개", "H100"). Korean works with particles attached.
   */
  searchClaims: Array<ClaimHit>;
  /** One entity by id; null when unknown. */
  entity?: Maybe<Entity>;
  /** Entities, filtered and paged (Relay connection), ordered by id. */
  entities: EntityConnection;
  /** One relationship by id ("fromId:TYPE:toId"); null when unknown. */
  relationship?: Maybe<Relationship>;
  /**
   * The evidence of relationships that passes the filter, each piece with its source, for relationships that
   * a neighborhood or paths answer brought without it (they read evidence only when it is selected): opening
   * an edge, an export. One entry per known id (unknown ids are left out); at most 5,000 ids.
   */
  evidence: Array<RelationshipEvidence>;
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
  proposal?: Maybe<Proposal>;
  /** The newest proposals, optionally of one status. */
  proposals: Array<Proposal>;
  /**
   * The team's saved views, by name. Readable by whoever may read the graph (a view holds only what the
   * explorer's URL holds: ids, filters, positions).
   */
  savedViews: Array<SavedView>;
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QuerySearchArgs = {
  text: Scalars['String']['input'];
  kinds?: InputMaybe<Array<Scalars['String']['input']>>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QuerySearchClaimsArgs = {
  text: Scalars['String']['input'];
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
  kinds?: InputMaybe<Array<Scalars['String']['input']>>;
  includeDeleted?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
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
export type QueryEvidenceArgs = {
  relationshipIds: Array<Scalars['ID']['input']>;
  filter?: InputMaybe<GraphFilter>;
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QueryNeighborhoodArgs = {
  ids: Array<Scalars['ID']['input']>;
  depth?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<GraphFilter>;
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QueryExpansionPreviewArgs = {
  id: Scalars['ID']['input'];
  excludeIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  filter?: InputMaybe<GraphFilter>;
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
  filter?: InputMaybe<GraphFilter>;
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QueryTimelineArgs = {
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
  clock?: InputMaybe<Clock>;
  first?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<GraphFilter>;
};


/**
 * Reads: search, one entity or relationship, neighbourhoods, paths, timeline, listings, counts and the audit
 * trail. Open to local clients unless reads require a token.
 */
export type QueryAuditTrailArgs = {
  targetId?: InputMaybe<Scalars['String']['input']>;
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
  status?: InputMaybe<ProposalStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A named explorer view, shared by everyone using this Linkage (it lives in the database, not in a browser). */
export type SavedView = {
  __typename?: 'SavedView';
  /** The view's name (unique; saving under a taken name replaces that view). */
  name: Scalars['String']['output'];
  /** The explorer's URL hash for the view (what is on screen, filters, layout). */
  hash: Scalars['String']['output'];
  /** When it was last saved (ISO 8601). */
  savedAt: Scalars['String']['output'];
  /** The name of the token that saved it. */
  savedBy: Scalars['String']['output'];
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
  /** The one sentence the quote comes from; it must contain the quote word for word. */
  sentence?: InputMaybe<Scalars['String']['input']>;
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
  /** Saves the current view under a name (editor token), replacing a view of that name. */
  saveView: SavedView;
  /** Deletes the named view (editor token); false when there was none. */
  deleteSavedView: Scalars['Boolean']['output'];
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
  reason?: InputMaybe<Scalars['String']['input']>;
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
  claimIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationRejectProposalArgs = {
  id: Scalars['ID']['input'];
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationSaveViewArgs = {
  name: Scalars['String']['input'];
  hash: Scalars['String']['input'];
};


/** Curation; every mutation needs an editor token and is recorded in the audit trail. */
export type MutationDeleteSavedViewArgs = {
  name: Scalars['String']['input'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  JSONObject: ResolverTypeWrapper<Scalars['JSONObject']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Certainty: Certainty;
  Stance: Stance;
  SourceReliability: SourceReliability;
  EntityKind: EntityKind;
  ErrorCode: ErrorCode;
  Direction: Direction;
  Clock: Clock;
  Entity: ResolverTypeWrapper<EntityModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  RelationshipEvidence: ResolverTypeWrapper<Omit<RelationshipEvidence, 'evidence'> & { evidence: Array<ResolversTypes['Evidence']> }>;
  Relationship: ResolverTypeWrapper<RelationshipModel>;
  Evidence: ResolverTypeWrapper<EvidenceModel>;
  Source: ResolverTypeWrapper<SourceModel>;
  Note: ResolverTypeWrapper<NoteModel>;
  SearchHit: ResolverTypeWrapper<SearchHitModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ClaimHit: ResolverTypeWrapper<ClaimHitModel>;
  Subgraph: ResolverTypeWrapper<SubgraphResultModel>;
  Path: ResolverTypeWrapper<PathResultModel>;
  ExpansionGroup: ResolverTypeWrapper<ExpansionGroup>;
  ExpansionKind: ResolverTypeWrapper<ExpansionKind>;
  ExpansionPreview: ResolverTypeWrapper<ExpansionPreview>;
  TimelineItem: ResolverTypeWrapper<Omit<TimelineItem, 'entity' | 'relationship'> & { entity?: Maybe<ResolversTypes['Entity']>, relationship?: Maybe<ResolversTypes['Relationship']> }>;
  Count: ResolverTypeWrapper<Count>;
  EntityDegree: ResolverTypeWrapper<Omit<EntityDegree, 'entity'> & { entity: ResolversTypes['Entity'] }>;
  Stats: ResolverTypeWrapper<Omit<Stats, 'topEntities'> & { topEntities: Array<ResolversTypes['EntityDegree']> }>;
  EntityConnection: ResolverTypeWrapper<Omit<EntityConnection, 'edges'> & { edges: Array<ResolversTypes['EntityEdge']> }>;
  EntityEdge: ResolverTypeWrapper<Omit<EntityEdge, 'node'> & { node: ResolversTypes['Entity'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  AuditEntry: ResolverTypeWrapper<AuditEntryResultModel>;
  Viewer: ResolverTypeWrapper<ViewerModel>;
  GraphFilter: GraphFilter;
  ProposalStatus: ProposalStatus;
  TextSpan: ResolverTypeWrapper<TextSpan>;
  ProposedEntity: ResolverTypeWrapper<ProposedEntityViewModel>;
  ProposedClaim: ResolverTypeWrapper<ProposedClaimViewModel>;
  Proposal: ResolverTypeWrapper<ProposalViewModel>;
  AcceptProposalResult: ResolverTypeWrapper<Omit<AcceptProposalResult, 'proposal'> & { proposal: ResolversTypes['Proposal'] }>;
  ArticleSourceInput: ArticleSourceInput;
  ProposeClaimsInput: ProposeClaimsInput;
  ProposedClaimPatch: ProposedClaimPatch;
  ProposedEntityPatch: ProposedEntityPatch;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SavedView: ResolverTypeWrapper<SavedViewModel>;
  CreateEntityInput: CreateEntityInput;
  EntityPatch: EntityPatch;
  SourceInput: SourceInput;
  EvidenceInput: EvidenceInput;
  CreateRelationshipInput: CreateRelationshipInput;
  RelationshipPatch: RelationshipPatch;
  MergeResult: ResolverTypeWrapper<Omit<MergeResult, 'entity'> & { entity: ResolversTypes['Entity'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  JSONObject: Scalars['JSONObject']['output'];
  Date: Scalars['Date']['output'];
  Entity: EntityModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  RelationshipEvidence: Omit<RelationshipEvidence, 'evidence'> & { evidence: Array<ResolversParentTypes['Evidence']> };
  Relationship: RelationshipModel;
  Evidence: EvidenceModel;
  Source: SourceModel;
  Note: NoteModel;
  SearchHit: SearchHitModel;
  Float: Scalars['Float']['output'];
  ClaimHit: ClaimHitModel;
  Subgraph: SubgraphResultModel;
  Path: PathResultModel;
  ExpansionGroup: ExpansionGroup;
  ExpansionKind: ExpansionKind;
  ExpansionPreview: ExpansionPreview;
  TimelineItem: Omit<TimelineItem, 'entity' | 'relationship'> & { entity?: Maybe<ResolversParentTypes['Entity']>, relationship?: Maybe<ResolversParentTypes['Relationship']> };
  Count: Count;
  EntityDegree: Omit<EntityDegree, 'entity'> & { entity: ResolversParentTypes['Entity'] };
  Stats: Omit<Stats, 'topEntities'> & { topEntities: Array<ResolversParentTypes['EntityDegree']> };
  EntityConnection: Omit<EntityConnection, 'edges'> & { edges: Array<ResolversParentTypes['EntityEdge']> };
  EntityEdge: Omit<EntityEdge, 'node'> & { node: ResolversParentTypes['Entity'] };
  PageInfo: PageInfo;
  AuditEntry: AuditEntryResultModel;
  Viewer: ViewerModel;
  GraphFilter: GraphFilter;
  TextSpan: TextSpan;
  ProposedEntity: ProposedEntityViewModel;
  ProposedClaim: ProposedClaimViewModel;
  Proposal: ProposalViewModel;
  AcceptProposalResult: Omit<AcceptProposalResult, 'proposal'> & { proposal: ResolversParentTypes['Proposal'] };
  ArticleSourceInput: ArticleSourceInput;
  ProposeClaimsInput: ProposeClaimsInput;
  ProposedClaimPatch: ProposedClaimPatch;
  ProposedEntityPatch: ProposedEntityPatch;
  Query: Record<PropertyKey, never>;
  SavedView: SavedViewModel;
  CreateEntityInput: CreateEntityInput;
  EntityPatch: EntityPatch;
  SourceInput: SourceInput;
  EvidenceInput: EvidenceInput;
  CreateRelationshipInput: CreateRelationshipInput;
  RelationshipPatch: RelationshipPatch;
  MergeResult: Omit<MergeResult, 'entity'> & { entity: ResolversParentTypes['Entity'] };
  Mutation: Record<PropertyKey, never>;
};

export interface JsonObjectScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSONObject'], any> {
  name: 'JSONObject';
}

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type EntityResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Entity'] = ResolversParentTypes['Entity']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EntityKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameKo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  properties?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deleted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  mergedInto?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['Note']>, ParentType, ContextType>;
};

export type RelationshipEvidenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RelationshipEvidence'] = ResolversParentTypes['RelationshipEvidence']> = {
  relationshipId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType>;
};

export type RelationshipResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Relationship'] = ResolversParentTypes['Relationship']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fromId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  toId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  certainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
  occurredAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  disputed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  properties?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deleted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['Note']>, ParentType, ContextType>;
};

export type EvidenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Evidence'] = ResolversParentTypes['Evidence']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quote?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  translation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sentence?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  attributedTo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  certainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
  stance?: Resolver<ResolversTypes['Stance'], ParentType, ContextType>;
  occurredAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  addedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  addedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SourceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Source'] = ResolversParentTypes['Source']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  titleEn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  publisher?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  author?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  language?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reliability?: Resolver<ResolversTypes['SourceReliability'], ParentType, ContextType>;
  reliabilityReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type NoteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Note'] = ResolversParentTypes['Note']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SearchHitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit']> = {
  entity?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  matchedField?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  snippet?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ClaimHitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimHit'] = ResolversParentTypes['ClaimHit']> = {
  relationship?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  evidence?: Resolver<ResolversTypes['Evidence'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SubgraphResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subgraph'] = ResolversParentTypes['Subgraph']> = {
  nodes?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
  relationships?: Resolver<Array<ResolversTypes['Relationship']>, ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  totalNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  countedDepth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hubsNotExpanded?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type PathResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Path'] = ResolversParentTypes['Path']> = {
  nodes?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
  relationships?: Resolver<Array<ResolversTypes['Relationship']>, ParentType, ContextType>;
};

export type ExpansionGroupResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ExpansionGroup'] = ResolversParentTypes['ExpansionGroup']> = {
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['Direction'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ExpansionKindResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ExpansionKind'] = ResolversParentTypes['ExpansionKind']> = {
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ExpansionPreviewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ExpansionPreview'] = ResolversParentTypes['ExpansionPreview']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['ExpansionGroup']>, ParentType, ContextType>;
  kinds?: Resolver<Array<ResolversTypes['ExpansionKind']>, ParentType, ContextType>;
};

export type TimelineItemResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TimelineItem'] = ResolversParentTypes['TimelineItem']> = {
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entity?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType>;
  relationship?: Resolver<Maybe<ResolversTypes['Relationship']>, ParentType, ContextType>;
};

export type CountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Count'] = ResolversParentTypes['Count']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EntityDegreeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EntityDegree'] = ResolversParentTypes['EntityDegree']> = {
  entity?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  degree?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type StatsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Stats'] = ResolversParentTypes['Stats']> = {
  entities?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  relationships?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  evidence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sources?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  entitiesByKind?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
  relationshipsByType?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
  relationshipsByCertainty?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
  evidenceByCertainty?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
  topEntities?: Resolver<Array<ResolversTypes['EntityDegree']>, ParentType, ContextType, RequireFields<StatsTopEntitiesArgs, 'first'>>;
};

export type EntityConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EntityConnection'] = ResolversParentTypes['EntityConnection']> = {
  edges?: Resolver<Array<ResolversTypes['EntityEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EntityEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EntityEdge'] = ResolversParentTypes['EntityEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TextSpanResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TextSpan'] = ResolversParentTypes['TextSpan']> = {
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProposedEntityResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProposedEntity'] = ResolversParentTypes['ProposedEntity']> = {
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entity?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameKo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EntityKind'], ParentType, ContextType>;
  mentions?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ProposedClaimResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProposedClaim'] = ResolversParentTypes['ProposedClaim']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['ProposedEntity'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['ProposedEntity'], ParentType, ContextType>;
  quote?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  span?: Resolver<ResolversTypes['TextSpan'], ParentType, ContextType>;
  translation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  attributedTo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  certainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
  stance?: Resolver<ResolversTypes['Stance'], ParentType, ContextType>;
  cue?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProposalStatus'], ParentType, ContextType>;
};

export type ProposalResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Proposal'] = ResolversParentTypes['Proposal']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProposalStatus'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  format?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  entities?: Resolver<Array<ResolversTypes['ProposedEntity']>, ParentType, ContextType>;
  claims?: Resolver<Array<ResolversTypes['ProposedClaim']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AcceptProposalResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AcceptProposalResult'] = ResolversParentTypes['AcceptProposalResult']> = {
  proposal?: Resolver<ResolversTypes['Proposal'], ParentType, ContextType>;
  createdEntities?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdRelationships?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  addedEvidence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  search?: Resolver<Array<ResolversTypes['SearchHit']>, ParentType, ContextType, RequireFields<QuerySearchArgs, 'text' | 'first'>>;
  searchClaims?: Resolver<Array<ResolversTypes['ClaimHit']>, ParentType, ContextType, RequireFields<QuerySearchClaimsArgs, 'text' | 'first'>>;
  entity?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType, RequireFields<QueryEntityArgs, 'id'>>;
  entities?: Resolver<ResolversTypes['EntityConnection'], ParentType, ContextType, RequireFields<QueryEntitiesArgs, 'includeDeleted' | 'first'>>;
  relationship?: Resolver<Maybe<ResolversTypes['Relationship']>, ParentType, ContextType, RequireFields<QueryRelationshipArgs, 'id'>>;
  evidence?: Resolver<Array<ResolversTypes['RelationshipEvidence']>, ParentType, ContextType, RequireFields<QueryEvidenceArgs, 'relationshipIds'>>;
  neighborhood?: Resolver<ResolversTypes['Subgraph'], ParentType, ContextType, RequireFields<QueryNeighborhoodArgs, 'ids' | 'depth' | 'limit'>>;
  expansionPreview?: Resolver<ResolversTypes['ExpansionPreview'], ParentType, ContextType, RequireFields<QueryExpansionPreviewArgs, 'id'>>;
  paths?: Resolver<Array<ResolversTypes['Path']>, ParentType, ContextType, RequireFields<QueryPathsArgs, 'fromId' | 'toId' | 'maxLength' | 'first'>>;
  timeline?: Resolver<Array<ResolversTypes['TimelineItem']>, ParentType, ContextType, RequireFields<QueryTimelineArgs, 'clock' | 'first'>>;
  sources?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType>;
  stats?: Resolver<ResolversTypes['Stats'], ParentType, ContextType>;
  auditTrail?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryAuditTrailArgs, 'first'>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
  proposal?: Resolver<Maybe<ResolversTypes['Proposal']>, ParentType, ContextType, RequireFields<QueryProposalArgs, 'id'>>;
  proposals?: Resolver<Array<ResolversTypes['Proposal']>, ParentType, ContextType, RequireFields<QueryProposalsArgs, 'first'>>;
  savedViews?: Resolver<Array<ResolversTypes['SavedView']>, ParentType, ContextType>;
};

export type SavedViewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SavedView'] = ResolversParentTypes['SavedView']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  savedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  savedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MergeResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MergeResult'] = ResolversParentTypes['MergeResult']> = {
  mergeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entity?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  movedRelationships?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createEntity?: Resolver<ResolversTypes['Entity'], ParentType, ContextType, RequireFields<MutationCreateEntityArgs, 'input'>>;
  updateEntity?: Resolver<ResolversTypes['Entity'], ParentType, ContextType, RequireFields<MutationUpdateEntityArgs, 'id' | 'version' | 'patch'>>;
  deleteEntity?: Resolver<ResolversTypes['Entity'], ParentType, ContextType, RequireFields<MutationDeleteEntityArgs, 'id' | 'version'>>;
  restoreEntity?: Resolver<ResolversTypes['Entity'], ParentType, ContextType, RequireFields<MutationRestoreEntityArgs, 'id'>>;
  createRelationship?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType, RequireFields<MutationCreateRelationshipArgs, 'input'>>;
  updateRelationship?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType, RequireFields<MutationUpdateRelationshipArgs, 'id' | 'version' | 'patch'>>;
  deleteRelationship?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType, RequireFields<MutationDeleteRelationshipArgs, 'id' | 'version'>>;
  restoreRelationship?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType, RequireFields<MutationRestoreRelationshipArgs, 'id'>>;
  addEvidence?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType, RequireFields<MutationAddEvidenceArgs, 'relationshipId' | 'evidence'>>;
  rateSource?: Resolver<ResolversTypes['Source'], ParentType, ContextType, RequireFields<MutationRateSourceArgs, 'id' | 'reliability'>>;
  mergeEntities?: Resolver<ResolversTypes['MergeResult'], ParentType, ContextType, RequireFields<MutationMergeEntitiesArgs, 'keepId' | 'mergeId'>>;
  unmergeEntities?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType, RequireFields<MutationUnmergeEntitiesArgs, 'mergeId'>>;
  addNote?: Resolver<ResolversTypes['Note'], ParentType, ContextType, RequireFields<MutationAddNoteArgs, 'targetId' | 'text'>>;
  proposeClaims?: Resolver<ResolversTypes['Proposal'], ParentType, ContextType, RequireFields<MutationProposeClaimsArgs, 'input'>>;
  updateProposalClaim?: Resolver<ResolversTypes['Proposal'], ParentType, ContextType, RequireFields<MutationUpdateProposalClaimArgs, 'id' | 'claimId' | 'patch'>>;
  updateProposalEntity?: Resolver<ResolversTypes['Proposal'], ParentType, ContextType, RequireFields<MutationUpdateProposalEntityArgs, 'id' | 'key' | 'patch'>>;
  acceptProposal?: Resolver<ResolversTypes['AcceptProposalResult'], ParentType, ContextType, RequireFields<MutationAcceptProposalArgs, 'id'>>;
  rejectProposal?: Resolver<ResolversTypes['Proposal'], ParentType, ContextType, RequireFields<MutationRejectProposalArgs, 'id'>>;
  saveView?: Resolver<ResolversTypes['SavedView'], ParentType, ContextType, RequireFields<MutationSaveViewArgs, 'name' | 'hash'>>;
  deleteSavedView?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteSavedViewArgs, 'name'>>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  JSONObject?: GraphQLScalarType;
  Date?: GraphQLScalarType;
  Entity?: EntityResolvers<ContextType>;
  RelationshipEvidence?: RelationshipEvidenceResolvers<ContextType>;
  Relationship?: RelationshipResolvers<ContextType>;
  Evidence?: EvidenceResolvers<ContextType>;
  Source?: SourceResolvers<ContextType>;
  Note?: NoteResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  ClaimHit?: ClaimHitResolvers<ContextType>;
  Subgraph?: SubgraphResolvers<ContextType>;
  Path?: PathResolvers<ContextType>;
  ExpansionGroup?: ExpansionGroupResolvers<ContextType>;
  ExpansionKind?: ExpansionKindResolvers<ContextType>;
  ExpansionPreview?: ExpansionPreviewResolvers<ContextType>;
  TimelineItem?: TimelineItemResolvers<ContextType>;
  Count?: CountResolvers<ContextType>;
  EntityDegree?: EntityDegreeResolvers<ContextType>;
  Stats?: StatsResolvers<ContextType>;
  EntityConnection?: EntityConnectionResolvers<ContextType>;
  EntityEdge?: EntityEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  TextSpan?: TextSpanResolvers<ContextType>;
  ProposedEntity?: ProposedEntityResolvers<ContextType>;
  ProposedClaim?: ProposedClaimResolvers<ContextType>;
  Proposal?: ProposalResolvers<ContextType>;
  AcceptProposalResult?: AcceptProposalResultResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SavedView?: SavedViewResolvers<ContextType>;
  MergeResult?: MergeResultResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
};

