import { maskPhone, type Consent, type Opinion, type OpinionStatus } from './opinion';

/**
 * The version of the personal-information notice (个人信息说明) below. A voter's consent is stored
 * with the version they agreed to, so a later change of the text does not pass for what they read:
 * change the version whenever the text changes.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12';

/** How long a contact is kept after its opinion has ended (`contactEndedAt`), in days. */
export const CONTACT_RETENTION_DAYS = 180;

const DAY_MS = 24 * 60 * 60 * 1000;

/** One paragraph of the notice: a short heading the page shows in bold, and its text. */
export interface NoticeSection {
  heading: string;
  text: string;
}

/**
 * 个人信息说明, as the submit page shows it before the voter agrees: what the contact is for, who
 * sees what (docs/DESIGN.md, Security rules that hold everywhere: Who sees an opinion), how long it is
 * kept and how to erase it.
 */
export const PRIVACY_NOTICE: readonly NoticeSection[] = [
  {
    heading: '用途',
    text: '您留下的姓名和电话只用于办理这条意见：代表或工作人员需要时打电话向您了解情况、告诉您办理结果。',
  },
  {
    heading: '谁能看到',
    text: '本联络站的工作人员能看到完整的姓名和电话；负责办理的代表也能看到，您选择“对代表匿名”时代表看不到；人大工委看到的电话隐去中间四位。',
  },
  {
    heading: '保存多久',
    text: `意见办结评价、不予受理后${CONTACT_RETENTION_DAYS}天，系统自动删除联系方式；您撤回意见时，联系方式立即删除。意见内容本身不含您的姓名，会保留用于统计。`,
  },
  {
    heading: '怎样删除',
    text: '随时可以在“我的意见”里打开这条意见，点“删除我的联系方式”；也可以在“我的”页面点“删除我的个人信息”，删除您全部意见的联系方式、关注和消息。',
  },
];

/** The consent stored with a contact given at `at`, to the notice of today. */
export function consentAt(at: number): Consent {
  return { at, version: PRIVACY_NOTICE_VERSION };
}

/** The statuses in which an opinion's handling is over: nobody needs to call its voter any more. */
export const ENDED_STATUSES: readonly OpinionStatus[] = ['closed', 'rejected', 'withdrawn'];

/**
 * When an opinion with a contact ended, which starts its contact's retention period: its last
 * change (an ended opinion changes no more) if it is closed (rated 满意 or 基本满意, or closed by
 * staff), rejected or withdrawn; undefined while it is in handling or has no contact left.
 */
export function contactEndedAt(opinion: Pick<Opinion, 'status' | 'updatedAt' | 'contact'>): number | undefined {
  if (!opinion.contact || !ENDED_STATUSES.includes(opinion.status)) return undefined;
  return opinion.updatedAt;
}

/** The cut-off of the retention job at `now`: contacts of opinions that ended before it are erased. */
export function contactRetentionCutoff(now: number): number {
  return now - CONTACT_RETENTION_DAYS * DAY_MS;
}

/**
 * The opinion without the voter's personal data: no contact and no consent. The opinion itself
 * (text, category, dates, handling) stays for the figures.
 */
export function withoutContact(opinion: Opinion): Opinion {
  const { contact: _contact, consent: _consent, ...rest } = opinion;
  return rest;
}

const ERASED = 'erased:';

/**
 * Who an opinion's author (and, for an app opinion, its submitter) becomes when its voter erases
 * their account: a marker of the opinion alone, so the figures still count the opinion but
 * nobody can find it by the voter's OPENID. OPENIDs carry no colon, so no caller is ever equal to it.
 */
export function erasedAuthorOf(opinionId: string): string {
  return `${ERASED}${opinionId}`;
}

/** Whether an opinion's author erased their account (`erasedAuthorOf`). */
export function isErasedAuthor(authorOpenid: string): boolean {
  return authorOpenid.startsWith(ERASED);
}

// A run of 7 or more digits, dashes or single spaces between them allowed (a phone number with or
// without its area code, an ID card number with its final X): what a voter may type about themselves.
const NUMBER_IN_TEXT = /\d(?:[\d-]| (?=\d)){5,}[\dXx]/g;

/**
 * An opinion's text as people other than its voter and those handling it read it (neighbours who
 * 附议 it, a 承办单位 reading a 建议's sources): every run of 7 or more digits — a phone or ID
 * number the voter typed into the text — keeps only its last 4 (`maskPhone`), so that what the
 * voter wrote about the problem is shown and how to reach them is not.
 */
export function maskNumbersInText(text: string): string {
  return text.replace(NUMBER_IN_TEXT, (run) => (run.replace(/[- ]/g, '').length >= 7 ? maskPhone(run) : run));
}
