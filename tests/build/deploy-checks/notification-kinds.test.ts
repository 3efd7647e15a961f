import { join } from 'node:path';
import {
  checkNotificationKinds,
  kindsWritten,
  notificationRegistry,
  type Registry,
} from '../../../scripts/deploy-checks/notification-kinds';
import { validateKeyword } from '../../../src/domain/template-keywords';
import { fixture, problemsOf } from './fixture';

const services = (source: string) => {
  const root = fixture({ 'server/services/casework.ts': source });
  return { registryFile: join(root, 'src/domain/notifications.ts'), servicesDir: join(root, 'server/services') };
};
const TWENTY_ONE = `${'代表联络站'.repeat(4)}站`;
const REPLY = `notify(opinion, now, 'reply_to_voter', opinion.authorOpenid, { excerpt, reply: input.content });`;

describe('the notification-kind check', () => {
  test('the registry’s every kind formats its sample into values WeChat accepts', () => {
    expect(notificationRegistry.problems()).toEqual([]);
  });

  test('reads the kinds written from the syntax: notify and outboxMessage, spread or not', () => {
    const source = `
      const a = notify(opinion, now, 'reply_to_voter', openid, { excerpt, reply });
      const b = { ...outboxMessage(\`station:\${id}\`, now, 'session_changed', openid, { station, text }), dedupeKey: k };
      export function notify(o, at, kind, r, p) { return [outboxMessage(o.id, at, kind, r, p)]; }`;
    expect(kindsWritten(source).map(({ kind, fields }) => ({ kind, fields }))).toEqual([
      { kind: 'reply_to_voter', fields: ['excerpt', 'reply'] },
      { kind: 'session_changed', fields: ['station', 'text'] },
    ]);
  });

  test('passes a service writing a registered kind with the fields its template reads', () => {
    expect(checkNotificationKinds(services(REPLY)).flatMap((r) => r.problems)).toEqual([]);
  });

  test('fails on the service file that writes a kind the registry does not know', () => {
    const paths = services(`${REPLY}\nnotify(opinion, now, 'reply_to_deputy', openid, { excerpt });`);
    expect(problemsOf(checkNotificationKinds(paths), 'server/services/casework.ts')).toEqual([
      expect.stringMatching(/casework\.ts:2 writes "reply_to_deputy", which the registry does not know$/),
    ]);
  });

  test('fails when a kind is written without a field its template reads', () => {
    const paths = services(`notify(opinion, now, 'reply_to_voter', openid, { excerpt });`);
    expect(problemsOf(checkNotificationKinds(paths), 'casework.ts')).toEqual([
      expect.stringMatching(/casework\.ts:1 writes "reply_to_voter" without reply, which its template reads$/),
    ]);
  });

  test('fails on the registry file when a kind’s value breaks its keyword rule (a 21-character thing)', () => {
    const registry: Registry = {
      ...notificationRegistry,
      problems: () => {
        const problem = validateKeyword('thing', TWENTY_ONE);
        return problem ? [`reply_to_voter · 意见内容（thing1）：${problem}`] : [];
      },
    };
    const paths = services(REPLY);
    expect(problemsOf(checkNotificationKinds(paths, registry), 'src/domain/notifications.ts')).toEqual([
      'reply_to_voter · 意见内容（thing1）：超过20个字（21）',
    ]);
  });
});
