// Every GraphQL document the client sends, as named constants. A contract test validates each one against
// server/graphql/schema.graphql, so keep them complete (fragments included) and named.

const ENTITY_FIELDS = /* GraphQL */ `
  fragment EntityFields on Entity {
    id
    kind
    name
    nameKo
    aliases
    description
    occurredAt
    properties
    version
  }
`;

// What the canvas, the table and the filters read of a relationship. Its evidence comes as facts only
// (certainty, stance, event date, the source's grade and report date): the filters act on each piece of
// evidence, so they need those, but the words (quote, translation, sentence, attribution) and the source's
// details are most of an answer's bytes and are read when a relationship is opened or exported
// (RELATIONSHIP_EVIDENCE).
const RELATIONSHIP_FIELDS = /* GraphQL */ `
  fragment RelationshipFields on Relationship {
    id
    type
    fromId
    toId
    certainty
    occurredAt
    sourceCount
    disputed
    properties
    version
    evidence {
      id
      certainty
      stance
      occurredAt
      source {
        id
        reliability
        publishedAt
      }
    }
  }
`;

/** A source as the evidence panel and the sources list show it. */
const SOURCE_FIELDS = /* GraphQL */ `
  fragment SourceFields on Source {
    id
    title
    titleEn
    publisher
    author
    publishedAt
    language
    url
    reliability
    reliabilityReason
  }
`;

const EVIDENCE_FIELDS = /* GraphQL */ `
  fragment EvidenceFields on Evidence {
    id
    quote
    translation
    sentence
    attributedTo
    certainty
    stance
    occurredAt
    source {
      ...SourceFields
    }
  }
  ${SOURCE_FIELDS}
`;

/** The words of relationships' evidence, with their sources: opening a relationship, exporting a view. */
export const RELATIONSHIP_EVIDENCE = /* GraphQL */ `
  query RelationshipEvidence($relationshipIds: [ID!]!, $filter: GraphFilter) {
    evidence(relationshipIds: $relationshipIds, filter: $filter) {
      relationshipId
      evidence {
        ...EvidenceFields
      }
    }
  }
  ${EVIDENCE_FIELDS}
`;

export const SEARCH_ENTITIES = /* GraphQL */ `
  query SearchEntities($text: String!, $kinds: [String!], $first: Int) {
    search(text: $text, kinds: $kinds, first: $first) {
      score
      matchedField
      snippet
      entity {
        ...EntityFields
      }
    }
  }
  ${ENTITY_FIELDS}
`;

export const SEARCH_CLAIMS = /* GraphQL */ `
  query SearchClaims($text: String!, $first: Int) {
    searchClaims(text: $text, first: $first) {
      score
      evidence {
        id
        quote
        translation
      }
      from {
        ...EntityFields
      }
      to {
        ...EntityFields
      }
      relationship {
        ...RelationshipFields
      }
    }
  }
  ${ENTITY_FIELDS}
  ${RELATIONSHIP_FIELDS}
`;

export const NEIGHBORHOOD = /* GraphQL */ `
  query Neighborhood($ids: [ID!]!, $depth: Int, $limit: Int, $filter: GraphFilter) {
    neighborhood(ids: $ids, depth: $depth, limit: $limit, filter: $filter) {
      truncated
      totalNodes
      nodes {
        ...EntityFields
      }
      relationships {
        ...RelationshipFields
      }
    }
  }
  ${ENTITY_FIELDS}
  ${RELATIONSHIP_FIELDS}
`;

export const EXPANSION_PREVIEW = /* GraphQL */ `
  query ExpansionPreview($id: ID!, $excludeIds: [ID!], $filter: GraphFilter) {
    expansionPreview(id: $id, excludeIds: $excludeIds, filter: $filter) {
      id
      total
      groups {
        type
        direction
        count
      }
      kinds {
        kind
        count
      }
    }
  }
`;

export const FIND_PATHS = /* GraphQL */ `
  query FindPaths($fromId: ID!, $toId: ID!, $maxLength: Int, $first: Int, $filter: GraphFilter) {
    paths(fromId: $fromId, toId: $toId, maxLength: $maxLength, first: $first, filter: $filter) {
      nodes {
        ...EntityFields
      }
      relationships {
        ...RelationshipFields
      }
    }
  }
  ${ENTITY_FIELDS}
  ${RELATIONSHIP_FIELDS}
`;

export const ENTITY_DETAILS = /* GraphQL */ `
  query EntityDetails($id: ID!) {
    entity(id: $id) {
      ...EntityFields
      notes {
        id
        text
        author
        createdAt
      }
    }
  }
  ${ENTITY_FIELDS}
`;

export const VIEWER = /* GraphQL */ `
  query Viewer {
    viewer {
      name
      role
    }
  }
`;

export const CREATE_ENTITY = /* GraphQL */ `
  mutation CreateEntity($input: CreateEntityInput!) {
    createEntity(input: $input) {
      ...EntityFields
    }
  }
  ${ENTITY_FIELDS}
`;

export const UPDATE_ENTITY = /* GraphQL */ `
  mutation UpdateEntity($id: ID!, $version: Int!, $patch: EntityPatch!) {
    updateEntity(id: $id, version: $version, patch: $patch) {
      ...EntityFields
    }
  }
  ${ENTITY_FIELDS}
`;

export const CREATE_RELATIONSHIP = /* GraphQL */ `
  mutation CreateRelationship($input: CreateRelationshipInput!) {
    createRelationship(input: $input) {
      ...RelationshipFields
    }
  }
  ${RELATIONSHIP_FIELDS}
`;

export const MERGE_ENTITIES = /* GraphQL */ `
  mutation MergeEntities($keepId: ID!, $mergeId: ID!) {
    mergeEntities(keepId: $keepId, mergeId: $mergeId) {
      mergeId
      movedRelationships
      entity {
        ...EntityFields
      }
    }
  }
  ${ENTITY_FIELDS}
`;

export const UNMERGE_ENTITIES = /* GraphQL */ `
  mutation UnmergeEntities($mergeId: ID!) {
    unmergeEntities(mergeId: $mergeId) {
      ...EntityFields
    }
  }
  ${ENTITY_FIELDS}
`;

export const DELETE_ENTITY = /* GraphQL */ `
  mutation DeleteEntity($id: ID!, $version: Int!) {
    deleteEntity(id: $id, version: $version) {
      ...EntityFields
    }
  }
  ${ENTITY_FIELDS}
`;

export const RESTORE_ENTITY = /* GraphQL */ `
  mutation RestoreEntity($id: ID!) {
    restoreEntity(id: $id) {
      ...EntityFields
    }
  }
  ${ENTITY_FIELDS}
`;

export const LIST_SOURCES = /* GraphQL */ `
  query ListSources {
    sources {
      ...SourceFields
    }
  }
  ${SOURCE_FIELDS}
`;

export const RATE_SOURCE = /* GraphQL */ `
  mutation RateSource($id: ID!, $reliability: SourceReliability!, $reason: String) {
    rateSource(id: $id, reliability: $reliability, reason: $reason) {
      ...SourceFields
    }
  }
  ${SOURCE_FIELDS}
`;

// Article ingest (the review panel): a proposal with everything the panel shows.
const PROPOSAL_FIELDS = /* GraphQL */ `
  fragment ProposalFields on Proposal {
    id
    status
    text
    language
    source {
      id
      title
      publisher
      publishedAt
    }
    entities {
      key
      name
      nameKo
      kind
      confidence
      mentions {
        start
        end
      }
      entity {
        id
        name
        nameKo
      }
    }
    claims {
      id
      type
      quote
      span {
        start
        end
      }
      translation
      attributedTo
      certainty
      stance
      cue
      occurredAt
      confidence
      status
      from {
        key
      }
      to {
        key
      }
    }
  }
`;

export const PROPOSE_CLAIMS = /* GraphQL */ `
  mutation ProposeClaims($input: ProposeClaimsInput!) {
    proposeClaims(input: $input) {
      ...ProposalFields
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const UPDATE_PROPOSAL_CLAIM = /* GraphQL */ `
  mutation UpdateProposalClaim($id: ID!, $claimId: ID!, $patch: ProposedClaimPatch!) {
    updateProposalClaim(id: $id, claimId: $claimId, patch: $patch) {
      ...ProposalFields
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const UPDATE_PROPOSAL_ENTITY = /* GraphQL */ `
  mutation UpdateProposalEntity($id: ID!, $key: ID!, $patch: ProposedEntityPatch!) {
    updateProposalEntity(id: $id, key: $key, patch: $patch) {
      ...ProposalFields
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const ACCEPT_PROPOSAL = /* GraphQL */ `
  mutation AcceptProposal($id: ID!, $claimIds: [ID!]) {
    acceptProposal(id: $id, claimIds: $claimIds) {
      createdEntities
      createdRelationships
      addedEvidence
      proposal {
        ...ProposalFields
      }
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const REJECT_PROPOSAL = /* GraphQL */ `
  mutation RejectProposal($id: ID!) {
    rejectProposal(id: $id) {
      ...ProposalFields
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const SAVED_VIEWS = /* GraphQL */ `
  query SavedViews {
    savedViews {
      name
      hash
      savedAt
      savedBy
    }
  }
`;

export const SAVE_VIEW = /* GraphQL */ `
  mutation SaveView($name: String!, $hash: String!) {
    saveView(name: $name, hash: $hash) {
      name
      hash
      savedAt
      savedBy
    }
  }
`;

export const DELETE_SAVED_VIEW = /* GraphQL */ `
  mutation DeleteSavedView($name: String!) {
    deleteSavedView(name: $name)
  }
`;
