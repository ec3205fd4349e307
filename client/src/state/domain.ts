// The data types views need, re-exported so that panels depend on state only (never on client/api).
export type {
  Certainty,
  Clock,
  Entity,
  Evidence,
  Relationship,
  Source,
  SourceInput,
  SourceReliability,
} from '../api/shapes.ts';
export { CERTAINTIES, ENTITY_KINDS } from '../api/shapes.ts';
