// evidence-json (string expression): the stored JSON of a proposed claim's evidence, joined from the
// aligned keys and JSON-encoded values server/graph/records.ts evidenceParts made (so the shape is built
// there only), each value replaced by $addedParts[key] when given (addedAt/addedBy of the acceptance).
// Expects: c (with evidenceKeys, evidenceValues), $addedParts.
'{' + reduce(json = '', i IN range(0, size(c.evidenceKeys) - 1) |
  json + CASE WHEN i = 0 THEN '' ELSE ',' END + '"' + c.evidenceKeys[i] + '":' +
  coalesce($addedParts[c.evidenceKeys[i]], c.evidenceValues[i])) + '}'
