/** pass: show it; review: hold it for staff (held); risky: refuse it (CONTENT_REJECTED). */
export type ContentVerdict = 'pass' | 'review' | 'risky';

/** The answer for a photo; a pending check carries the id its later result will quote. */
export type ImageVerdict = { verdict: 'pass' | 'risky' } | { verdict: 'pending'; traceId?: string };

/** Content check before anything a voter wrote is visible to others (WeChat msgSecCheck in production). */
export interface ContentCheck {
  checkText(text: string, openid: string): Promise<ContentVerdict>;
  /**
   * Start the check of a photo. pass: show it; pending: the answer comes later (WeChat's
   * mediaCheckAsync) and the photo stays hidden from others until then; risky: refuse.
   */
  checkImage(fileId: string, openid: string): Promise<ImageVerdict>;
}
