// The sentence around each quote, for evidence in context. The seed article is copyrighted, so the project
// keeps only the short quote that supports each claim; the sentence is read at load time from the licensed
// texts this machine holds (LINKAGE_SOURCE_TEXTS_DIR) and stored in the local database, never in the
// repository. Without those texts the evidence simply has no sentence.
import fs from 'node:fs';
import path from 'node:path';
import { splitSentences, type Language } from '../ingest/text.ts';
import type { ImportDocument } from './format.ts';

/** Every sentence of the plain-text sources in `dir` (none when the directory is absent). */
export function readSourceSentences(dir: string, language: Language = 'ko'): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => splitSentences(fs.readFileSync(path.join(dir, f), 'utf8'), language).map((s) => s.text));
}

/**
 * The document with each evidence that has no sentence given the sentence containing its quote word for
 * word: of several, the one holding most of the relationship's other quotes ("것으로 짐작된다" is said of
 * many things), then the shortest. Evidence whose quote no sentence contains is left as it is.
 */
export function withSentences(doc: ImportDocument, sentences: string[]): ImportDocument {
  if (sentences.length === 0) return doc;
  const sentenceOf = (quote: string, quotes: string[]) => {
    const together = (s: string) => quotes.filter((q) => s.includes(q.trim())).length;
    const found = sentences.filter((s) => s.includes(quote.trim()));
    found.sort((a, b) => together(b) - together(a) || a.length - b.length);
    return found[0] ?? null;
  };
  return {
    ...doc,
    relationships: doc.relationships.map((r) => ({
      ...r,
      evidence: r.evidence.map((e) =>
        e.sentence
          ? e
          : {
              ...e,
              sentence: sentenceOf(
                e.quote,
                r.evidence.map((x) => x.quote),
              ),
            },
      ),
    })),
  };
}
