// empty-evidence (map expression): the stored properties of a relationship with no evidence yet, to be
// filled by append-evidence.
{evidence: [], evidenceIds: [], evRank: [], evStance: [], evOccurredFrom: [], evOccurredTo: [], evOccurredAt: [], evSourceIds: [],
  evPublishedAt: [], sourceIds: [], publishedDates: [], certaintyRank: 0, disputed: false}
