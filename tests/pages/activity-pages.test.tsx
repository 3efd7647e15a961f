/** @jest-environment ./tests/pages/jsdom-with-fetch.ts */
import { fireEvent, render, screen, within } from '@testing-library/react';
import ActivityFiguresPage from '../../src/casework/activity-figures/index';
import ActivityPage from '../../src/casework/activity/index';
import ActivitiesPage from '../../src/casework/activities/index';
import ActivityRecordPage from '../../src/casework/activity-record/index';
import DeputyRecordPage from '../../src/casework/deputy-record/index';
import MePage from '../../src/pages/me/index';
import { FIXED_NOW } from '../support/local-api';
import { withPageServer } from './page-server';
import { navigations, resetTaroStorage, setRouterParams, setStorageSync, toasts } from './stand-ins/taro';

const serverBase = withPageServer();
beforeEach(() => resetTaroStorage());
// The pages ask for this year by the phone's clock: hold it at the server's 1 March 2026.
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(FIXED_NOW));
afterEach(() => jest.restoreAllMocks());

const post = async (fn: string, openid: string, body: Record<string, unknown>) => {
  const res = await fetch(`${serverBase()}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as { ok: boolean; data: Record<string, unknown>; error?: { message: string } };
  if (!answer.ok) throw new Error(`${fn}.${String(body.action)}: ${answer.error?.message}`);
  return answer.data;
};
const as = (openid: string) => setStorageSync('lianluo.devCaller', openid);

// The committee's 执法检查 with 陈建国 (demo-deputy) and 王秀英, and 陈建国's own visit of 12 voters.
let inspectionId = '';
let visitId = '';
beforeAll(async () => {
  const inspection = await post('activities', 'demo-admin', {
    action: 'record',
    kind: 'law_enforcement_inspection',
    title: '《道路交通安全法》执法检查',
    date: '2026-02-26',
    place: '县交通运输局',
    deputyIds: ['d01', 'd02'],
  });
  inspectionId = String(inspection.id);
  const visit = await post('activities', 'demo-deputy', {
    action: 'record',
    kind: 'voter_visit',
    title: '走访青草巷周转房住户',
    date: '2026-02-27',
    place: '青草巷周转房小区',
    votersVisited: 12,
  });
  visitId = String(visit.id);
});

describe('履职 as each side sees it', () => {
  test('我的 leads a deputy to 履职活动 and their 履职档案; a voter to neither', async () => {
    as('demo-deputy');
    const { unmount } = render(<MePage />);
    fireEvent.click(await screen.findByText('我的履职档案'));
    expect(navigations.at(-1)).toBe('/casework/deputy-record/index');
    fireEvent.click(screen.getByText('履职活动'));
    expect(navigations.at(-1)).toBe('/casework/activities/index');
    unmount();
    as('demo-voter');
    const { container } = render(<MePage />);
    await screen.findByText('选民可查看联络站和接待日，向代表反映意见建议。');
    expect(container.textContent).not.toContain('履职');
  });

  test('station staff see the deputy’s visit first, under 待确认的走访, and no 登记 button', async () => {
    as('demo-staff');
    const { container } = render(<ActivitiesPage />);
    const pending = await screen.findByText(/待确认的走访/);
    const box = pending.parentElement as HTMLElement;
    expect(within(box).getByText('走访青草巷周转房住户')).toBeTruthy();
    expect(container.querySelector('.record-entry')).toBeNull();
  });

  test('a deputy who leads no group records only their own visit: the kind is set, nobody to invite', async () => {
    as('demo-deputy');
    const { container } = render(<ActivityRecordPage />);
    expect(await screen.findByText(/走访选民（上门访谈）/)).toBeTruthy();
    expect(container.querySelectorAll('[data-kind]')).toHaveLength(0);
    expect(container.querySelector('.deputy-picker')).toBeNull();
    expect(screen.getByText('走访选民人数')).toBeTruthy();
  });

  test('the committee chooses any kind and invites deputies of every station', async () => {
    as('demo-admin');
    const { container } = render(<ActivityRecordPage />);
    await screen.findByText('参加代表');
    expect(container.querySelectorAll('[data-kind]')).toHaveLength(10);
    expect(container.querySelector('.invite-option[data-deputy-id="d04"]')).not.toBeNull();
  });

  test('the deputy reads the 执法检查 without marks to make; the committee marks 出席 at a tap', async () => {
    setRouterParams({ id: inspectionId });
    as('demo-deputy');
    const first = render(<ActivityPage />);
    await screen.findByText('《道路交通安全法》执法检查');
    expect(first.container.querySelector('.mark-present')).toBeNull();
    first.unmount();
    as('demo-admin');
    const { container } = render(<ActivityPage />);
    await screen.findByText('《道路交通安全法》执法检查');
    const chen = container.querySelector('.attendee[data-deputy-id="d01"]') as HTMLElement;
    fireEvent.click(within(chen).getByText('出席'));
    await within(chen).findByText('出席', { selector: '.attendance-chip' });
  });

  test('请假 is not sent until a reason is written', async () => {
    setRouterParams({ id: inspectionId });
    as('demo-admin');
    const { container } = render(<ActivityPage />);
    await screen.findByText('《道路交通安全法》执法检查');
    const wang = container.querySelector('.attendee[data-deputy-id="d02"]') as HTMLElement;
    fireEvent.click(within(wang).getByText('请假'));
    const send = within(wang).getByText('登记请假') as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.change(wang.querySelector('.leave-reason')!, { target: { value: '外出开会' } });
    expect(send.disabled).toBe(false);
    fireEvent.click(send);
    expect(await within(wang).findByText('请假原因：外出开会')).toBeTruthy();
  });

  test('staff confirm the visit, and the deputy’s 履职档案 counts its 12 voters', async () => {
    setRouterParams({ id: visitId });
    as('demo-staff');
    const { unmount } = render(<ActivityPage />);
    fireEvent.click(await screen.findByText('确认'));
    expect(await screen.findByText('已确认')).toBeTruthy();
    unmount();
    as('demo-deputy');
    const { container } = render(<DeputyRecordPage />);
    await screen.findByText('陈建国');
    expect(container.querySelector('.record-voters')!.textContent).toBe('12');
  });

  test('履职统计 counts the 执法检查 and opens a deputy’s 履职档案', async () => {
    as('demo-admin');
    const { container } = render(<ActivityFiguresPage />);
    await screen.findByText('各代表出席情况');
    const line = container.querySelector('.kind-line[data-kind="law_enforcement_inspection"]')!;
    expect(line.textContent).toContain('1 次');
    fireEvent.click(container.querySelector('.deputy-figures[data-deputy-id="d02"]')!);
    expect(navigations.at(-1)).toBe('/casework/deputy-record/index?deputyId=d02');
  });

  test('the committee sets the 出席要求 on 履职统计; staff only read it', async () => {
    as('demo-admin');
    const { container, unmount } = render(<ActivityFiguresPage />);
    await screen.findByText(/出席率不低于60%/);
    expect(container.querySelector('.option[data-min="0.6"]')!.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(container.querySelector('.option[data-min="0.8"]')!);
    await screen.findByText(/出席率不低于80%/);
    expect(toasts.at(-1)).toBe('出席要求已更新');
    expect(container.querySelector('.option[data-min="0.8"]')!.getAttribute('aria-checked')).toBe('true');
    unmount();
    as('demo-staff');
    const staff = render(<ActivityFiguresPage />);
    await screen.findByText(/出席率不低于80%/);
    expect(staff.container.querySelector('.min-attendance')).toBeNull();
    await post('activities', 'demo-admin', { action: 'setMinAttendance', minAttendance: 0.6 });
  });
});
