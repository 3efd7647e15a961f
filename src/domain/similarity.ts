/**
 * How alike two opinions read, for 附议 (docs/DESIGN.md, 附议): Chinese has no spaces between
 * words, so texts are compared by their character bigrams — every two characters in a row —
 * after normalizing: punctuation, symbols and whitespace are dropped and Latin letters are
 * lower-cased, so that “路灯坏了！” and “路灯 坏了” read the same. The measure is the Dice
 * coefficient of the two bigram sets, 2·|A∩B| / (|A| + |B|), from 0 (nothing shared) to 1.
 */

/** Two texts at or above this Dice coefficient read alike (“附近居民也反映过类似问题”). */
export const SIMILARITY_THRESHOLD = 0.25;

/** The fewest characters (as typed, after trimming) before the submit page looks for similar opinions. */
export const SIMILAR_MIN_CHARS = 8;

/** The text as compared: letters and digits only (any script), Latin ones lower-cased. */
export function normalizeForSimilarity(text: string): string {
  return Array.from(text.toLowerCase())
    .filter((ch) => /[\p{L}\p{N}]/u.test(ch))
    .join('');
}

/** The set of character bigrams of the normalized text; empty for fewer than two characters. */
export function bigrams(text: string): Set<string> {
  const chars = Array.from(normalizeForSimilarity(text));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/**
 * The Dice coefficient of the two texts' bigram sets (rule above): 0 when either has no bigram
 * (a text of fewer than two letters or digits says too little to compare).
 */
export function similarity(a: string, b: string): number {
  return diceOf(bigrams(a), bigrams(b));
}

/** The Dice coefficient of two bigram sets (reuse one text's set against many). */
export function diceOf(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** Whether two texts read alike: their similarity is at least SIMILARITY_THRESHOLD. */
export function readsAlike(a: string, b: string): boolean {
  return similarity(a, b) >= SIMILARITY_THRESHOLD;
}
