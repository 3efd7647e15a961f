/** pass: show it; review: hold it for staff (held); risky: refuse it (CONTENT_REJECTED). */
export type ContentVerdict = 'pass' | 'review' | 'risky';

/** Content check before anything a voter wrote is visible to others (WeChat msgSecCheck in production). */
export interface ContentCheck {
  checkText(text: string, openid: string): Promise<ContentVerdict>;
}
