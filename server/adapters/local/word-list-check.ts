import type { ContentCheck } from '../../ports/content-check';

// A small local stand-in for WeChat's content security check, with the same three verdicts.
// The words are placeholders of the kinds the platform refuses (fraud, gambling, abuse).
const RISKY = ['赌博网站', '代开发票', '枪支出售', '办证刻章'];
const REVIEW = ['他妈的', '去死', '垃圾东西'];

/** Local content check: a word list standing in for security.msgSecCheck. */
export function createWordListCheck(
  risky: readonly string[] = RISKY,
  review: readonly string[] = REVIEW,
): ContentCheck {
  return {
    checkText: async (text) => {
      if (risky.some((w) => text.includes(w))) return 'risky';
      if (review.some((w) => text.includes(w))) return 'review';
      return 'pass';
    },
    // A word list cannot look at pictures: locally every photo passes (WeChat checks them in production).
    checkImage: async () => ({ verdict: 'pass' }),
  };
}
