// evidence-summary (map expression): what a relationship's derived fields are, computed from the evidence
// indexes in `pass` (all of them when stored, the passing ones when answering a filtered request).
// certaintyRank: the strongest supporting evidence (the strongest of any stance when only denials pass);
// occurredFrom/occurredTo: the span of the dated evidence; sourceIds: the distinct sources; disputed: some
// evidence denies. Expects: r, pass.
{
  certaintyRank: CASE WHEN any(i IN pass WHERE r.evStance[i] = 'SUPPORTS')
    THEN reduce(best = 0, i IN pass | CASE WHEN r.evStance[i] = 'SUPPORTS' AND r.evRank[i] > best THEN r.evRank[i] ELSE best END)
    ELSE reduce(best = 0, i IN pass | CASE WHEN r.evRank[i] > best THEN r.evRank[i] ELSE best END) END,
  occurredFrom: reduce(lo = null, i IN pass | CASE WHEN r.evOccurredFrom[i] <> '' AND (lo IS NULL OR r.evOccurredFrom[i] < lo) THEN r.evOccurredFrom[i] ELSE lo END),
  occurredTo: reduce(hi = null, i IN pass | CASE WHEN r.evOccurredTo[i] <> '' AND (hi IS NULL OR r.evOccurredTo[i] > hi) THEN r.evOccurredTo[i] ELSE hi END),
  sourceIds: reduce(ids = [], i IN pass | CASE WHEN r.evSourceIds[i] IN ids THEN ids ELSE ids + r.evSourceIds[i] END),
  publishedDates: reduce(dates = [], i IN pass | CASE WHEN r.evPublishedAt[i] = '' OR r.evPublishedAt[i] IN dates THEN dates ELSE dates + r.evPublishedAt[i] END),
  disputed: any(i IN pass WHERE r.evStance[i] = 'DENIES')
}
