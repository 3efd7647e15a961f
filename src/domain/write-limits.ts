/** How often one caller may do an action in one Asia/Shanghai day, and what they are told after. */
export interface WriteLimit {
  perDay: number;
  /** The RATE_LIMITED message: names the kind of action, says when it works again. */
  message: string;
}

const overLimit = (what: string) => `今天${what}的次数过多，请明天再试`;

/**
 * Every action that writes, with its limit per caller (OPENID) and Asia/Shanghai day. Each is far
 * above what a voter, deputy or staff member does in a day, so only a script repeating the action
 * meets it — and then it cannot fill the store, the audit log or anyone's 消息 list.
 *
 * The rule: every call of the action that passes its schema counts, whatever it then answers
 * (a refused call counts like a wrong code counts as a try), and it is counted before the action
 * runs, so a burst of calls at once cannot pass the limit. The call over the limit is
 * RATE_LIMITED with the message below and writes nothing; the next Shanghai day counts afresh.
 * Invite codes and claim codes are short enough to guess, hence their ten tries.
 *
 * Not listed, on purpose:
 * - `opinions.submit` has its own limit (`DAILY_SUBMIT_LIMIT`, 10 by default), counted in the
 *   transaction that creates the opinion, so that a retried submission (same `requestId`) does
 *   not count and a walk-in recorded by staff does not count against anyone.
 * - `account.readMessages` only moves the caller's own read mark (one record per caller, never
 *   back, never past now) and writes no audit line: however often it runs, it adds nothing.
 * - `mediacheck` and `scheduler` have no caller: WeChat's push (matched by trace id) and the timer.
 */
export const WRITE_LIMITS = {
  'stations.follow': { perDay: 50, message: overLimit('关注和取消关注') },
  'stations.setSession': { perDay: 200, message: overLimit('安排接待日') },
  'stations.setHolidayArrangement': { perDay: 20, message: overLimit('导入节假日安排') },
  'account.redeemInvite': { perDay: 10, message: '今天尝试次数过多，请明天再试或联系工作人员' },
  'account.acceptSubscriptions': { perDay: 50, message: overLimit('接收提醒') },
  'account.erase': { perDay: 5, message: overLimit('删除个人信息') },
  'opinions.withdraw': { perDay: 30, message: overLimit('撤回意见') },
  'opinions.rate': { perDay: 30, message: overLimit('评价意见') },
  'opinions.eraseContact': { perDay: 30, message: overLimit('删除联系方式') },
  'opinions.support': { perDay: 30, message: overLimit('附议') },
  'opinions.claim': { perDay: 10, message: '今天尝试次数过多，请明天再试或联系联络站工作人员' },
  'casework.reply': { perDay: 100, message: overLimit('答复') },
  'casework.transfer': { perDay: 100, message: overLimit('转承办单位') },
  'casework.note': { perDay: 100, message: overLimit('添加内部备注') },
  'casework.assign': { perDay: 200, message: overLimit('分派意见') },
  'casework.resolve': { perDay: 200, message: overLimit('确认办结') },
  'casework.reject': { perDay: 200, message: overLimit('不予受理') },
  'casework.release': { perDay: 200, message: overLimit('审核通过') },
  'casework.close': { perDay: 200, message: overLimit('复核结案') },
  'casework.intake': { perDay: 100, message: overLimit('代为登记') },
  'casework.issueInvite': { perDay: 30, message: overLimit('发放邀请码') },
  'evaluations.rate': { perDay: 100, message: overLimit('评议代表') },
  'evaluations.setDistrict': { perDay: 5, message: overLimit('更改选区') },
  'evaluations.open': { perDay: 30, message: overLimit('发起评议') },
  'evaluations.close': { perDay: 30, message: overLimit('结束评议') },
  'suggestions.draft': { perDay: 30, message: overLimit('起草建议') },
  'suggestions.edit': { perDay: 100, message: overLimit('修改建议') },
  'suggestions.cosign': { perDay: 100, message: overLimit('确认附议') },
  'suggestions.submit': { perDay: 30, message: overLimit('提交建议') },
  'suggestions.withdraw': { perDay: 30, message: overLimit('撤回建议') },
  'suggestions.decline': { perDay: 100, message: overLimit('不予立案') },
  'suggestions.assign': { perDay: 100, message: overLimit('交办建议') },
  'suggestions.requestReturn': { perDay: 30, message: overLimit('申请退回') },
  'suggestions.ruleReturn': { perDay: 100, message: overLimit('处理退回') },
  'suggestions.extend': { perDay: 100, message: overLimit('延期') },
  'suggestions.coView': { perDay: 100, message: overLimit('提交协办意见') },
  'suggestions.answer': { perDay: 100, message: overLimit('答复建议') },
  'suggestions.feedback': { perDay: 100, message: overLimit('征询意见') },
  'suggestions.fulfil': { perDay: 100, message: overLimit('报告落实情况') },
  'suggestions.supervise': { perDay: 100, message: overLimit('重点督办') },
  'activities.record': { perDay: 50, message: overLimit('登记履职活动') },
  'activities.markAttendance': { perDay: 300, message: overLimit('登记出席情况') },
  'activities.review': { perDay: 200, message: overLimit('确认走访') },
  'activities.setGroup': { perDay: 50, message: overLimit('设置人大小组') },
  'activities.setMinAttendance': { perDay: 20, message: overLimit('设置出席率要求') },
  'reports.annualReport': { perDay: 20, message: overLimit('生成年度报告') },
  'reports.exportOpinions': { perDay: 30, message: overLimit('导出意见') },
  'reports.download': { perDay: 100, message: overLimit('下载文件') },
  'reports.migrate': { perDay: 200, message: overLimit('升级数据') },
  'reports.recount': { perDay: 200, message: overLimit('核对统计') },
} as const satisfies Record<string, WriteLimit>;

/** An action with a limit, named `<function>.<action>`. */
export type LimitedAction = keyof typeof WRITE_LIMITS;

/**
 * The name under which one caller's uses of `action` on the Shanghai date `day` are counted: a
 * new day is a new count.
 */
export function writeQuotaKey(action: LimitedAction, openid: string, day: string): string {
  return `write:${action}:${openid}:${day}`;
}
