import { checkAllKinds, templateProblems } from '../../src/domain/notification-checks';
import { defaultKeys, TEMPLATES, templateData, templatesAt } from '../../src/domain/notification-templates';
import { notificationText } from '../../src/domain/notification-text';
import { NOTIFICATION_KINDS, notificationPage, type NotificationKind } from '../../src/domain/notifications';
import { validateKeyword } from '../../src/domain/template-keywords';

const kinds = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];
const at = Date.UTC(2026, 11, 1, 7, 1);
const subjectOf = (kind: NotificationKind) =>
  kind.startsWith('session') || kind === 'overdue_digest'
    ? 'station:qx-jiedao'
    : kind.startsWith('suggestion') && kind !== 'suggestion_to_voter'
      ? 'suggestion:sg123'
      : 'op123';

describe('every kind the outbox can hold goes out on a template WeChat accepts', () => {
  test('the sample payloads of all kinds pass the keyword rules', () => {
    expect(checkAllKinds()).toEqual([]);
  });

  test.each(kinds)('%s: values are keyed by its template’s keywords, one value each', (kind) => {
    const spec = NOTIFICATION_KINDS[kind];
    const data = templateData({ kind, payload: spec.sample, createdAt: at, subjectId: subjectOf(kind) });
    expect(Object.keys(data)).toEqual(defaultKeys(spec.template));
    TEMPLATES[spec.template].keywords.forEach((keyword, i) => {
      expect(validateKeyword(keyword.type, data[defaultKeys(spec.template)[i]].value)).toBeNull();
    });
  });

  test.each(kinds)('%s: a 2,000-character text still fits every keyword', (kind) => {
    const long = '群众反映'.repeat(500);
    const spec = NOTIFICATION_KINDS[kind];
    const payload = Object.fromEntries(
      Object.entries(spec.sample).map(([k, v]) => [k, /^\d{4}-\d{2}-\d{2}$|^\d{2}:\d{2}$|^\d+$/.test(v) ? v : long]),
    );
    expect(templateProblems({ kind, payload: payload as never, createdAt: at, subjectId: subjectOf(kind) })).toEqual(
      [],
    );
  });

  test('keys given by the operator replace the defaults, in the registry’s order', () => {
    const data = templateData(
      { kind: 'reply_to_voter', payload: NOTIFICATION_KINDS.reply_to_voter.sample, createdAt: at, subjectId: 'op1' },
      ['thing4', 'thing7', 'time2'],
    );
    expect(Object.keys(data)).toEqual(['thing4', 'thing7', 'time2']);
    expect(data.time2.value).toBe('2026年12月1日 15:01');
  });

  test('kinds that share a template agree on its keywords', () => {
    for (const kind of kinds) {
      const spec = NOTIFICATION_KINDS[kind];
      expect(spec.keywords.map(({ name, type }) => ({ name, type }))).toEqual(TEMPLATES[spec.template].keywords);
    }
  });
});

describe('where a message leads', () => {
  test('a voter’s message opens their opinion, never a staff page', () => {
    expect(
      notificationPage({
        kind: 'reply_to_voter',
        payload: NOTIFICATION_KINDS.reply_to_voter.sample,
        createdAt: at,
        subjectId: 'op9',
      }),
    ).toBe('pages/opinion/index?id=op9');
  });
  test('a deputy’s message opens the case in their subpackage', () => {
    expect(
      notificationPage({
        kind: 'assigned_to_deputy',
        payload: NOTIFICATION_KINDS.assigned_to_deputy.sample,
        createdAt: at,
        subjectId: 'op9',
      }),
    ).toBe('casework/case/index?id=op9');
  });
  test('a session reminder opens the station, not an opinion', () => {
    expect(
      notificationPage({
        kind: 'session_reminder',
        payload: NOTIFICATION_KINDS.session_reminder.sample,
        createdAt: at,
        subjectId: 'station:qx-jiedao',
      }),
    ).toBe('pages/station/index?id=qx-jiedao');
  });
  test('a 建议’s message to a unit, a deputy or the committee opens the 建议', () => {
    for (const kind of [
      'suggestion_to_unit',
      'suggestion_reminder_to_unit',
      'suggestion_overdue_to_unit',
      'suggestion_overdue_to_committee',
      'suggestion_to_deputy',
      'suggestion_to_committee',
    ] as const) {
      expect(
        notificationPage({
          kind,
          payload: NOTIFICATION_KINDS[kind].sample,
          createdAt: at,
          subjectId: 'suggestion:sg9',
        }),
      ).toBe('casework/suggestion/index?id=sg9');
    }
  });
  test('a voter hears of a 建议 on their own opinion’s page, never the 建议’s', () => {
    expect(NOTIFICATION_KINDS.suggestion_to_voter.audience).toBe('voter');
    expect(
      notificationPage({
        kind: 'suggestion_to_voter',
        payload: NOTIFICATION_KINDS.suggestion_to_voter.sample,
        createdAt: at,
        subjectId: 'op9',
      }),
    ).toBe('pages/opinion/index?id=op9');
  });
  test('the messages a unit receives are asked for at the unit’s own moment', () => {
    const forUnits = kinds.filter((kind) => NOTIFICATION_KINDS[kind].audience === 'unit');
    expect(forUnits.sort()).toEqual([
      'suggestion_overdue_to_unit',
      'suggestion_reminder_to_unit',
      'suggestion_to_unit',
    ]);
    for (const kind of forUnits) expect(NOTIFICATION_KINDS[kind].moment).toBe('handling');
  });
  test('the in-app line of a 交办 names the 建议 and its due date', () => {
    const { title, text } = notificationText({
      kind: 'suggestion_to_unit',
      payload: { title: '关于青溪路口增设信号灯的建议', what: '交办（主办）', due: '2026-06-04' },
      createdAt: at,
      subjectId: 'suggestion:sg9',
    });
    expect(title).toBe('代表建议：交办（主办）');
    expect(text).toBe('《关于青溪路口增设信号灯的建议》交办（主办），期限：6月4日 周四');
  });
  test('the in-app line of a new assignment names its category and due date', () => {
    const { title, text } = notificationText({
      kind: 'assigned_to_deputy',
      payload: { excerpt: '路灯不亮', category: 'security', due: '2026-12-15' },
      createdAt: at,
      subjectId: 'op9',
    });
    expect(title).toBe('新的群众意见待您答复');
    expect(text).toBe('社会治安：路灯不亮，请于12月15日 周二前答复');
  });
});

describe('asking to be told', () => {
  test('each moment asks for at most three templates, those of its own kinds', () => {
    expect(templatesAt('submit')).toEqual(['opinion_reply', 'opinion_outcome']);
    expect(templatesAt('follow')).toEqual(['session_reminder', 'session_changed']);
    // A deputy hears of 建议 they sign on the outcome template; the committee of 退回 likewise.
    expect(templatesAt('casework')).toEqual(['casework_todo', 'casework_deadline', 'opinion_outcome']);
    expect(templatesAt('oversight')).toEqual(['overdue_alert', 'overdue_digest', 'opinion_outcome']);
    // A 承办单位 contact: 交办 and 再办, the reminder before the due date, 督办 once it has passed.
    expect(templatesAt('handling')).toEqual(['casework_todo', 'casework_deadline', 'overdue_alert']);
  });
  test.each(kinds)('%s: its template is among those asked for at its moment (none cut off by the three)', (kind) => {
    const spec = NOTIFICATION_KINDS[kind];
    expect(templatesAt(spec.moment)).toContain(spec.template);
  });
  test('every template is asked for at some moment', () => {
    const asked = new Set((['submit', 'follow', 'casework', 'oversight', 'handling'] as const).flatMap(templatesAt));
    expect([...asked].sort()).toEqual(Object.keys(TEMPLATES).sort());
  });
});
