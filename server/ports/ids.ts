/** Identifiers the services need; made with a real random source by the runtime. */
export interface Ids {
  /** The same (submittedBy, requestId) always gives the same id: that is what makes submit idempotent. */
  opinionId(submittedBy: string, requestId: string): string;
  /** 8 characters a voter types to follow a walk-in opinion. */
  claimCode(): string;
  /** 8 characters for an invite. */
  inviteCode(): string;
  /** A round of 代表述职评议: the same district and first day give the same id. */
  roundId(district: string, opensOn: string): string;
  /** A new 代表建议: random, so that its id tells nothing of who drafted it or when. */
  suggestionId(): string;
  /** A new 履职活动: random. */
  activityId(): string;
  /** `photos/<key>`: the one folder a caller's photos are uploaded to; the same openid, the same folder. */
  photoFolder(openid: string): string;
}
