/** @jest-environment ./tests/pages/jsdom-with-fetch.ts */
import { render, screen } from '@testing-library/react';
import SuggestionsPage from '../../src/casework/suggestions/index';
import UnitFiguresPage from '../../src/casework/unit-figures/index';
import OpinionPage from '../../src/pages/opinion/index';
import { FIXED_NOW } from '../support/local-api';
import { draft } from '../support/opinion-calls';
import { withPageServer } from './page-server';
import { navigations, resetTaroStorage, setRouterParams, setStorageSync } from './stand-ins/taro';

const serverBase = withPageServer();
beforeEach(() => resetTaroStorage());
// The figures page asks for the year so far by the phone's clock: hold it at the server's 1 March 2026.
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

// demo-voter's opinion, routed to 陈建国 (demo-deputy), who makes it a 建议 and submits it.
let opinionId = '';
beforeAll(async () => {
  opinionId = String((await post('opinions', 'demo-voter', { action: 'submit', ...draft() })).opinionId);
  const suggestion = await post('suggestions', 'demo-deputy', {
    action: 'draft',
    title: '关于环城西路口增设左转信号灯的建议',
    reason: '环城西路与文昌路交叉口早晚高峰拥堵，行人过街危险，群众多次反映。',
    content: '建议县交通运输局会同交警大队增设左转信号灯，延长行人绿灯时间。',
    category: 'transport',
    opinionIds: [opinionId],
  });
  await post('suggestions', 'demo-deputy', { action: 'submit', suggestionId: suggestion.id });
});

describe('代表建议 as each side sees it', () => {
  test('the deputy’s box lists it with their part and due date, and offers 起草代表建议', async () => {
    setStorageSync('lianluo.devCaller', 'demo-deputy');
    const { container } = render(<SuggestionsPage />);
    expect(await screen.findByText('我的代表建议')).toBeTruthy();
    const card = await screen.findByText('关于环城西路口增设左转信号灯的建议');
    expect(card).toBeTruthy();
    expect(container.querySelector('.suggestion-card')!.textContent).toContain('您是领衔');
    expect(container.querySelector('.suggestion-card')!.textContent).toContain('前立案交办');
    screen.getByText('起草代表建议').click();
    expect(navigations.at(-1)).toBe('/casework/suggestion-draft/index');
  });

  test('the committee sees it marked 待立案, and no 起草 button', async () => {
    setStorageSync('lianluo.devCaller', 'demo-admin');
    const { container } = render(<SuggestionsPage />);
    expect(await screen.findByText('待立案')).toBeTruthy();
    expect(container.textContent).not.toContain('起草代表建议');
  });

  test('the voter’s opinion says 已形成代表建议 by its status and in a card, and not what the 建议 proposes', async () => {
    setRouterParams({ id: opinionId });
    const { container } = render(<OpinionPage />);
    expect(await screen.findAllByText('已形成代表建议')).toHaveLength(2);
    expect(container.querySelector('.suggestion-formed')).not.toBeNull();
    expect(container.textContent).not.toContain('会同交警大队');
  });

  test('承办单位办理情况 shows the street’s 建议 submitted this year and its rates as 样本不足', async () => {
    setStorageSync('lianluo.devCaller', 'demo-admin');
    const { container } = render(<UnitFiguresPage />);
    expect(await screen.findByText('全街道')).toBeTruthy();
    expect(container.querySelector('.figure-submitted')!.textContent).toBe('1');
    expect(container.textContent).toContain('样本不足');
  });
});
