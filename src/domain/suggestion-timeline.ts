import type { TimelineLine } from './views';

/** What a voter's opinion page says of the 建议 their opinion fed, read from its public timeline. */
export interface SuggestionOnOpinion {
  /** 已形成代表建议: a 建议 citing it was submitted and not withdrawn since. */
  formed: boolean;
  /** The latest 承办单位答复 line (a 再办 answer replaces the first). */
  answer?: TimelineLine;
}

/**
 * Voters never see a 建议 itself: each of its steps leaves a public `suggestion.*` line on every
 * source opinion. The opinion shows 已形成代表建议 once a `suggestion.submitted` line is there and
 * the latest of the `suggestion.*` lines is not a withdrawal, and the latest `suggestion.answered`
 * line as the unit's answer.
 */
export function suggestionOnOpinion(timeline: readonly TimelineLine[]): SuggestionOnOpinion {
  const lines = timeline.filter((l) => !l.internal && l.kind.startsWith('suggestion.'));
  const latest = lines[lines.length - 1];
  const formed =
    lines.some((l) => l.kind === 'suggestion.submitted') &&
    latest !== undefined &&
    latest.kind !== 'suggestion.withdrawn';
  const answer = [...lines].reverse().find((l) => l.kind === 'suggestion.answered');
  return { formed, ...(formed && answer ? { answer } : {}) };
}
