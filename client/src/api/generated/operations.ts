// Generated from server/graphql/schema.graphql and client/src/api/operations.ts by `npm run codegen`. Do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
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

/** Which way a relationship points, seen from the entity being expanded. */
export type Direction =
  /** From the entity to its neighbour. */
  | 'OUT'
  /** From the neighbour to the entity. */
  | 'IN';

/**
 * Narrows what neighbourhood, expansion preview, paths, timeline and exports return. Every field is optional.
 * Kinds and types act on entities and relationships; every other field acts on each piece of evidence: a
 * relationship appears when at least one of its evidence passes, lists only the evidence that passes, and
 * derives its certainty, event time, source count and dispute flag from that evidence alone. The report
 * window's end is therefore an "as of" view: publishedTo 2024-03-01 shows what had been reported by then.
 */
export type GraphFilter = {
  /** Only entities of these kinds (start entities are always kept). */
  kinds?: Array<string> | null | undefined;
  /** Only relationships of these types. */
  relationshipTypes?: Array<string> | null | undefined;
  /** Only evidence at least this certain (CONFIRMED keeps confirmed evidence only). */
  minCertainty?: Certainty | null | undefined;
  /** Only evidence from sources graded at least this reliable (A is best; unrated sources are F). */
  minSourceReliability?: SourceReliability | null | undefined;
  /** Only evidence from these sources (ids as in Source.id), e.g. what Bloomberg said. */
  sourceIds?: Array<string | number> | null | undefined;
  /** Event-time window start (YYYY-MM-DD, inclusive), on each evidence's own event date. */
  occurredFrom?: string | null | undefined;
  /** Event-time window end (YYYY-MM-DD, inclusive). */
  occurredTo?: string | null | undefined;
  /** Keep evidence with no event date when an event-time window is set (default true). */
  includeUndated?: boolean | null | undefined;
  /** Report-time window start: only evidence whose source was published on or after this date. */
  publishedFrom?: string | null | undefined;
  /** Report-time window end (inclusive): what had been reported by this date. */
  publishedTo?: string | null | undefined;
};

/** Where a proposal stands: waiting for review, accepted into the graph, or rejected. */
export type ProposalStatus =
  /** Waiting for review; nothing is in the graph yet. */
  | 'PENDING'
  /** Accepted: its accepted claims are in the graph. */
  | 'ACCEPTED'
  /** Rejected: nothing was written. */
  | 'REJECTED';

/** The article's source. */
export type ArticleSourceInput = {
  /** Title in the original language. */
  title: string;
  /** Publisher or outlet. */
  publisher: string;
  /** Author or reporter. */
  author?: string | null | undefined;
  /** Publication date: relative dates in the text ("19일", "on Wednesday") resolve against it. */
  publishedAt: string;
  /** "ko" or "en"; detected when left out. */
  language?: string | null | undefined;
  /** Where the article is. */
  url?: string | null | undefined;
};

/** An article to read. */
export type ProposeClaimsInput = {
  /** Plain text or a saved HTML page (its article body is extracted); at most 200,000 characters. */
  text: string;
  /** The article's source. */
  source: ArticleSourceInput;
};

/** An analyst's edit of a proposed claim; fields left out stay as they are. */
export type ProposedClaimPatch = {
  /** New relationship type. */
  type?: string | null | undefined;
  /** New subject: a key of the proposal's entities. */
  fromKey?: string | number | null | undefined;
  /** New object: a key of the proposal's entities. */
  toKey?: string | number | null | undefined;
  /** New certainty. */
  certainty?: Certainty | null | undefined;
  /** New stance (DENIES when the source says the claim is untrue). */
  stance?: Stance | null | undefined;
  /** English translation of the quote (null clears it). */
  translation?: string | null | undefined;
  /** Event time (null clears it). */
  occurredAt?: string | null | undefined;
};

/** An analyst's decision on a proposed entity: link it to another existing entity, or make it a new one. */
export type ProposedEntityPatch = {
  /** Link to this existing entity; null makes it a new entity. */
  entityId?: string | number | null | undefined;
  /** Name for a new entity. */
  name?: string | null | undefined;
  /** Korean name for a new entity. */
  nameKo?: string | null | undefined;
  /** Kind for a new entity. */
  kind?: string | null | undefined;
};

/** A new entity. */
export type CreateEntityInput = {
  /** Slug id (lowercase letters, digits, dashes); generated from the name when left out. */
  id?: string | number | null | undefined;
  /** Organization, Person, Product, Technology, Place, Event or Concept. */
  kind: string;
  /** English name. */
  name: string;
  /** Korean name. */
  nameKo?: string | null | undefined;
  /** Other names in both languages. */
  aliases?: Array<string> | null | undefined;
  /** Short English description. */
  description?: string | null | undefined;
  /** Event time. */
  occurredAt?: string | null | undefined;
  /** Kind-specific properties. */
  properties?: Record<string, unknown> | null | undefined;
};

/** Changes to an entity; fields left out stay as they are, null clears an optional field. */
export type EntityPatch = {
  /** New kind. */
  kind?: string | null | undefined;
  /** New English name. */
  name?: string | null | undefined;
  /** New Korean name. */
  nameKo?: string | null | undefined;
  /** Replaces the aliases. */
  aliases?: Array<string> | null | undefined;
  /** New description. */
  description?: string | null | undefined;
  /** New event time. */
  occurredAt?: string | null | undefined;
  /** Replaces the properties. */
  properties?: Record<string, unknown> | null | undefined;
};

/** A source, given inline when evidence cites one that is not stored yet. */
export type SourceInput = {
  /** Slug id. */
  id: string | number;
  /** Title in the original language. */
  title: string;
  /** English title. */
  titleEn?: string | null | undefined;
  /** Publisher. */
  publisher?: string | null | undefined;
  /** Author. */
  author?: string | null | undefined;
  /** Publication date YYYY-MM-DD. */
  publishedAt?: string | null | undefined;
  /** Language tag. */
  language?: string | null | undefined;
  /** URL. */
  url?: string | null | undefined;
  /** Reliability grade (F, "cannot be judged", when left out). */
  reliability?: SourceReliability | null | undefined;
};

/** One piece of evidence. */
export type EvidenceInput = {
  /** The supporting fragment, verbatim. */
  quote: string;
  /** English translation. */
  translation?: string | null | undefined;
  /** The one sentence the quote comes from; it must contain the quote word for word. */
  sentence?: string | null | undefined;
  /** Who makes the claim. */
  attributedTo?: string | null | undefined;
  /** How the source words it. */
  certainty: Certainty;
  /** Whether the source supports or denies the claim (default SUPPORTS). */
  stance?: Stance | null | undefined;
  /** When the thing this quote is about happened (YYYY, YYYY-MM, YYYY-MM-DD or "from/to"). */
  occurredAt?: string | null | undefined;
  /** A stored source's id (or give `source`). */
  sourceId?: string | number | null | undefined;
  /** A new source, stored with the evidence. */
  source?: SourceInput | null | undefined;
};

/** A new relationship; evidence is required. */
export type CreateRelationshipInput = {
  /** UPPER_SNAKE verb. */
  type: string;
  /** Subject entity id. */
  fromId: string | number;
  /** Object entity id. */
  toId: string | number;
  /** Event time of each evidence that gives none of its own. */
  occurredAt?: string | null | undefined;
  /** Figures and details. */
  properties?: Record<string, unknown> | null | undefined;
  /** At least one piece of evidence. */
  evidence: Array<EvidenceInput>;
};

export type EntityFieldsFragment = { id: string, kind: EntityKind, name: string, nameKo: string | null, aliases: Array<string>, description: string | null, occurredAt: string | null, properties: Record<string, unknown>, version: number };

export type RelationshipFieldsFragment = { id: string, type: string, fromId: string, toId: string, certainty: Certainty, occurredAt: string | null, sourceCount: number, disputed: boolean, properties: Record<string, unknown>, version: number, evidence: Array<{ id: string, certainty: Certainty, stance: Stance, occurredAt: string | null, source: { id: string, reliability: SourceReliability, publishedAt: string | null } }> };

export type SourceFieldsFragment = { id: string, title: string, titleEn: string | null, publisher: string | null, author: string | null, publishedAt: string | null, language: string | null, url: string | null, reliability: SourceReliability, reliabilityReason: string | null };

export type EvidenceFieldsFragment = { id: string, quote: string, translation: string | null, sentence: string | null, attributedTo: string | null, certainty: Certainty, stance: Stance, occurredAt: string | null, source: { id: string, title: string, titleEn: string | null, publisher: string | null, author: string | null, publishedAt: string | null, language: string | null, url: string | null, reliability: SourceReliability, reliabilityReason: string | null } };

export type RelationshipEvidenceQueryVariables = Exact<{
  relationshipIds: Array<string | number> | string | number;
  filter?: GraphFilter | null | undefined;
}>;


export type RelationshipEvidenceQuery = { evidence: Array<{ relationshipId: string, evidence: Array<{ id: string, quote: string, translation: string | null, sentence: string | null, attributedTo: string | null, certainty: Certainty, stance: Stance, occurredAt: string | null, source: { id: string, title: string, titleEn: string | null, publisher: string | null, author: string | null, publishedAt: string | null, language: string | null, url: string | null, reliability: SourceReliability, reliabilityReason: string | null } }> }> };

export type SearchEntitiesQueryVariables = Exact<{
  text: string;
  kinds?: Array<string> | string | null | undefined;
  first?: number | null | undefined;
}>;


export type SearchEntitiesQuery = { search: Array<{ score: number, matchedField: string | null, snippet: string | null, entity: { id: string, kind: EntityKind, name: string, nameKo: string | null, aliases: Array<string>, description: string | null, occurredAt: string | null, properties: Record<string, unknown>, version: number } }> };

export type SearchClaimsQueryVariables = Exact<{
  text: string;
  first?: number | null | undefined;
}>;


export type SearchClaimsQuery = { searchClaims: Array<{ score: number, evidence: { id: string, quote: string, translation: string | null }, from: { id: string, kind: EntityKind, name: string, nameKo: string | null, aliases: Array<string>, description: string | null, occurredAt: string | null, properties: Record<string, unknown>, version: number }, to: { id: string, kind: EntityKind, name: string, nameKo: string | null, aliases: Array<string>, description: string | null, occurredAt: string | null, properties: Record<string, unknown>, version: number }, relationship: { id: string, type: string, fromId: string, toId: string, certainty: Certainty, occurredAt: string | null, sourceCount: number, disputed: boolean, properties: Record<string, unknown>, version: number, evidence: Array<{ id: string, certainty: Certainty, stance: Stance, occurredAt: string | null, source: { id: string, reliability: SourceReliability, publishedAt: string | null } }> } }> };

export type NeighborhoodQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  depth?: number | null | undefined;
  limit?: number | null | undefined;
  filter?: GraphFilter | null | undefined;
}>;


export type NeighborhoodQuery = { neighborhood: { truncated: boolean, totalNodes: number, nodes: Array<{ id: string, kind: EntityKind, name: string, nameKo: string | null, aliases: Array<string>, description: string | null, occurredAt: string | null, properties: Record<string, unknown>, version: number }>, relationships: Array<{ id: string, type: string, fromId: string, toId: string, certainty: Certainty, occurredAt: string | null, sourceCount: number, disputed: boolean, properties: Record<string, unknown>, version: number, evidence: Array<{ id: string, certainty: Certainty, stance: Stance, occurredAt: string | null, source: { id: string, reliability: SourceReliability, publishedAt: string | null } }> }> } };

export type ExpansionPreviewQueryVariables = Exact<{
  id: string | number;
  excludeIds?: Array<string | number> | string | number | null | undefined;
  filter?: GraphFilter | null | undefined;
}>;


export type ExpansionPreviewQuery = { expansionPreview: { id: string, total: number, groups: Array<{ type: string, direction: Direction, count: number }>, kinds: Array<{ kind: string, count: number }> } };

export type FindPathsQueryVariables = Exact<{
  fromId: string | number;
  toId: string | number;
  maxLength?: number | null | undefined;
  first?: number | null | undefined;
  filter?: GraphFilter | null | undefined;
}>;


export type FindPathsQuery = { paths: Array<{ nodes: Array<{ id: string, kind: EntityKind, name: string, nameKo: string | null, aliases: Array<string>, description: string | null, occurredAt: string | null, properties: Record<string, unknown>, version: number }>, relationships: Array<{ id: string, type: string, fromId: string, toId: string, certainty: Certainty, occurredAt: string | null, sourceCount: number, disputed: boolean, properties: Record<string, unknown>, version: number, evidence: Array<{ id: string, certainty: Certainty, stance: Stance, occurredAt: string | null, source: { id: string, reliability: SourceReliability, publishedAt: string | null } }> }> }> };

export type EntityDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type EntityDetailsQuery = { entity: { id: string, kind: EntityKind, name: string, nameKo: string | null, aliases: Array<string>, description: string | null, occurredAt: string | null, properties: Record<string, unknown>, version: number, notes: Array<{ id: string, text: string, author: string, createdAt: string }> } | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { name: string, role: string } };

export type CreateEntityMutationVariables = Exact<{
  input: CreateEntityInput;
}>;


export type CreateEntityMutation = { createEntity: { id: string, kind: EntityKind, name: string, nameKo: string | null, aliases: Array<string>, description: string | null, occurredAt: string | null, properties: Record<string, unknown>, version: number } };

export type UpdateEntityMutationVariables = Exact<{
  id: string | number;
  version: number;
  patch: EntityPatch;
}>;


export type UpdateEntityMutation = { updateEntity: { id: string, kind: EntityKind, name: string, nameKo: string | null, aliases: Array<string>, description: string | null, occurredAt: string | null, properties: Record<string, unknown>, version: number } };

export type CreateRelationshipMutationVariables = Exact<{
  input: CreateRelationshipInput;
}>;


export type CreateRelationshipMutation = { createRelationship: { id: string, type: string, fromId: string, toId: string, certainty: Certainty, occurredAt: string | null, sourceCount: number, disputed: boolean, properties: Record<string, unknown>, version: number, evidence: Array<{ id: string, certainty: Certainty, stance: Stance, occurredAt: string | null, source: { id: string, reliability: SourceReliability, publishedAt: string | null } }> } };

export type MergeEntitiesMutationVariables = Exact<{
  keepId: string | number;
  mergeId: string | number;
}>;


export type MergeEntitiesMutation = { mergeEntities: { mergeId: string, movedRelationships: number, entity: { id: string, kind: EntityKind, name: string, nameKo: string | null, aliases: Array<string>, description: string | null, occurredAt: string | null, properties: Record<string, unknown>, version: number } } };

export type UnmergeEntitiesMutationVariables = Exact<{
  mergeId: string | number;
}>;


export type UnmergeEntitiesMutation = { unmergeEntities: Array<{ id: string, kind: EntityKind, name: string, nameKo: string | null, aliases: Array<string>, description: string | null, occurredAt: string | null, properties: Record<string, unknown>, version: number }> };

export type DeleteEntityMutationVariables = Exact<{
  id: string | number;
  version: number;
}>;


export type DeleteEntityMutation = { deleteEntity: { id: string, kind: EntityKind, name: string, nameKo: string | null, aliases: Array<string>, description: string | null, occurredAt: string | null, properties: Record<string, unknown>, version: number } };

export type RestoreEntityMutationVariables = Exact<{
  id: string | number;
}>;


export type RestoreEntityMutation = { restoreEntity: { id: string, kind: EntityKind, name: string, nameKo: string | null, aliases: Array<string>, description: string | null, occurredAt: string | null, properties: Record<string, unknown>, version: number } };

export type ListSourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type ListSourcesQuery = { sources: Array<{ id: string, title: string, titleEn: string | null, publisher: string | null, author: string | null, publishedAt: string | null, language: string | null, url: string | null, reliability: SourceReliability, reliabilityReason: string | null }> };

export type RateSourceMutationVariables = Exact<{
  id: string | number;
  reliability: SourceReliability;
  reason?: string | null | undefined;
}>;


export type RateSourceMutation = { rateSource: { id: string, title: string, titleEn: string | null, publisher: string | null, author: string | null, publishedAt: string | null, language: string | null, url: string | null, reliability: SourceReliability, reliabilityReason: string | null } };

export type ProposalFieldsFragment = { id: string, status: ProposalStatus, text: string, language: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null }, entities: Array<{ key: string, name: string, nameKo: string | null, kind: EntityKind, confidence: number, mentions: Array<{ start: number, end: number }>, entity: { id: string, name: string, nameKo: string | null } | null }>, claims: Array<{ id: string, type: string, quote: string, translation: string | null, attributedTo: string, certainty: Certainty, stance: Stance, cue: string | null, occurredAt: string | null, confidence: number, status: ProposalStatus, span: { start: number, end: number }, from: { key: string }, to: { key: string } }> };

export type ProposeClaimsMutationVariables = Exact<{
  input: ProposeClaimsInput;
}>;


export type ProposeClaimsMutation = { proposeClaims: { id: string, status: ProposalStatus, text: string, language: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null }, entities: Array<{ key: string, name: string, nameKo: string | null, kind: EntityKind, confidence: number, mentions: Array<{ start: number, end: number }>, entity: { id: string, name: string, nameKo: string | null } | null }>, claims: Array<{ id: string, type: string, quote: string, translation: string | null, attributedTo: string, certainty: Certainty, stance: Stance, cue: string | null, occurredAt: string | null, confidence: number, status: ProposalStatus, span: { start: number, end: number }, from: { key: string }, to: { key: string } }> } };

export type UpdateProposalClaimMutationVariables = Exact<{
  id: string | number;
  claimId: string | number;
  patch: ProposedClaimPatch;
}>;


export type UpdateProposalClaimMutation = { updateProposalClaim: { id: string, status: ProposalStatus, text: string, language: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null }, entities: Array<{ key: string, name: string, nameKo: string | null, kind: EntityKind, confidence: number, mentions: Array<{ start: number, end: number }>, entity: { id: string, name: string, nameKo: string | null } | null }>, claims: Array<{ id: string, type: string, quote: string, translation: string | null, attributedTo: string, certainty: Certainty, stance: Stance, cue: string | null, occurredAt: string | null, confidence: number, status: ProposalStatus, span: { start: number, end: number }, from: { key: string }, to: { key: string } }> } };

export type UpdateProposalEntityMutationVariables = Exact<{
  id: string | number;
  key: string | number;
  patch: ProposedEntityPatch;
}>;


export type UpdateProposalEntityMutation = { updateProposalEntity: { id: string, status: ProposalStatus, text: string, language: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null }, entities: Array<{ key: string, name: string, nameKo: string | null, kind: EntityKind, confidence: number, mentions: Array<{ start: number, end: number }>, entity: { id: string, name: string, nameKo: string | null } | null }>, claims: Array<{ id: string, type: string, quote: string, translation: string | null, attributedTo: string, certainty: Certainty, stance: Stance, cue: string | null, occurredAt: string | null, confidence: number, status: ProposalStatus, span: { start: number, end: number }, from: { key: string }, to: { key: string } }> } };

export type AcceptProposalMutationVariables = Exact<{
  id: string | number;
  claimIds?: Array<string | number> | string | number | null | undefined;
}>;


export type AcceptProposalMutation = { acceptProposal: { createdEntities: number, createdRelationships: number, addedEvidence: number, proposal: { id: string, status: ProposalStatus, text: string, language: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null }, entities: Array<{ key: string, name: string, nameKo: string | null, kind: EntityKind, confidence: number, mentions: Array<{ start: number, end: number }>, entity: { id: string, name: string, nameKo: string | null } | null }>, claims: Array<{ id: string, type: string, quote: string, translation: string | null, attributedTo: string, certainty: Certainty, stance: Stance, cue: string | null, occurredAt: string | null, confidence: number, status: ProposalStatus, span: { start: number, end: number }, from: { key: string }, to: { key: string } }> } } };

export type RejectProposalMutationVariables = Exact<{
  id: string | number;
}>;


export type RejectProposalMutation = { rejectProposal: { id: string, status: ProposalStatus, text: string, language: string, source: { id: string, title: string, publisher: string | null, publishedAt: string | null }, entities: Array<{ key: string, name: string, nameKo: string | null, kind: EntityKind, confidence: number, mentions: Array<{ start: number, end: number }>, entity: { id: string, name: string, nameKo: string | null } | null }>, claims: Array<{ id: string, type: string, quote: string, translation: string | null, attributedTo: string, certainty: Certainty, stance: Stance, cue: string | null, occurredAt: string | null, confidence: number, status: ProposalStatus, span: { start: number, end: number }, from: { key: string }, to: { key: string } }> } };

export type SavedViewsQueryVariables = Exact<{ [key: string]: never; }>;


export type SavedViewsQuery = { savedViews: Array<{ name: string, hash: string, savedAt: string, savedBy: string }> };

export type SaveViewMutationVariables = Exact<{
  name: string;
  hash: string;
}>;


export type SaveViewMutation = { saveView: { name: string, hash: string, savedAt: string, savedBy: string } };

export type DeleteSavedViewMutationVariables = Exact<{
  name: string;
}>;


export type DeleteSavedViewMutation = { deleteSavedView: boolean };
