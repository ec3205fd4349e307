// The data types views need, re-exported so that panels depend on state only (never on client/api).
export type {
  Certainty,
  ClaimHit,
  Clock,
  Entity,
  Evidence,
  Relationship,
  SearchHit,
  Source,
  SourceInput,
  SourceReliability,
  Stance,
} from '../api/types.ts';
