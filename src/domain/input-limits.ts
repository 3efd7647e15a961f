/*
 * The lengths and counts the input schemas enforce and the pages' inputs show while people type
 * (maxlength, "还可输入…字"). Characters unless said otherwise. They sit apart from the schemas so
 * that a page can show a limit without loading the schema library: the mini program's pages need
 * the numbers, only the cloud functions need zod.
 */

// 意见 (opinions.submit, casework.reply / intake / transfer, ratings and withdrawals)
export const CONTENT_MIN = 5;
export const CONTENT_MAX = 1000;
export const REPLY_MAX = 2000;
export const MAX_IMAGES = 9;
export const COMMENT_MAX = 200;
/** The longest 联系人姓名, 承办单位 name; the pages' inputs take their maxlength from these. */
export const CONTACT_NAME_MAX = 20;
export const UNIT_MAX = 50;
/** A phone number as typed: 11-digit mobile, or a landline with an optional dash ('0574-12345678'). */
export const PHONE_MAX = 13;
/** A walk-in's 查询码: letters and digits, as the staff read it out. */
export const CLAIM_CODE_LENGTH = 8;
/** What the 查询码 field takes: the code with room for the spaces or dashes it may be written with. */
export const CLAIM_CODE_INPUT_MAX = CLAIM_CODE_LENGTH + 4;

// 述职评议
/** The longest title of a 述职评议 round. */
export const ROUND_TITLE_MAX = 40;

// 履职活动
export const ACTIVITY_TITLE_MAX = 60;
export const ACTIVITY_PLACE_MAX = 40;
export const ACTIVITY_SUBJECT_MAX = 40;
export const ACTIVITY_OUTCOME_MAX = 2000;
export const ATTENDANCE_REASON_MAX = 100;
/** The most deputies invited to one activity (a street's deputies are a few dozen). */
export const MAX_ATTENDEES = 80;
/** The most voters one visit can record: a door-to-door day, not a rally. */
export const MAX_VOTERS_VISITED = 500;

// 代表建议
export const SUGGESTION_TITLE_MIN = 4;
export const SUGGESTION_TITLE_MAX = 60;
export const SUGGESTION_REASON_MAX = 1000;
export const SUGGESTION_CONTENT_MAX = 2000;
export const UNIT_ANSWER_MAX = 3000;
/** Reasons and notes: a 退回's reason, an extension's, a ruling's, a decline's, a 征询意见's. */
export const SUGGESTION_NOTE_MAX = 300;
/** The most opinions one 建议 cites and the most 附议代表 it has. */
export const MAX_SOURCE_OPINIONS = 20;
export const MAX_COSIGNERS = 20;
/** The most 协办 units beside the 主办. */
export const MAX_CO_UNITS = 5;

// 接待日
/** The longest 接待日主题 and reason for a cancelled or moved session. */
export const SESSION_THEME_MAX = 30;
export const SESSION_REASON_MAX = 100;
