// Generated from server/graphql/schema.graphql by `npm run codegen`. Do not edit.
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