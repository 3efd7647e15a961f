/** @jest-environment ./tests/pages/jsdom-with-fetch.ts */
import { render, screen } from '@testing-library/react';
import PublicFiguresPage from '../../src/pages/public-figures/index';
import OpinionPage from '../../src/pages/opinion/index';
import { FIXED_NOW } from '../support/local-api';
import { draft } from '../support/opinion-calls';
import { withPageServer } from './page-server';
import { resetTaroStorage, setRouterParams, shareCard } from './stand-ins/taro';

const serverBase = withPageServer();
beforeEach(() => resetTaroStorage());

// The page asks for the year so far by the phone's clock: hold it at the server's 1 March 2026.
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(FIXED_NOW));
afterEach(() => jest.restoreAllMocks());

// Ten opinions at 青溪街道 on 1 March; the other seven stations have none.
beforeAll(async () => {
  for (let i = 0; i < 10; i += 1) {
    await fetch(`${serverBase()}/api/opinions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': `voter-page-figures-${i}` },
      body: JSON.stringify({ action: 'submit', ...draft({ requestId: `page-figures-${i}` }) }),
    });
  }
});

describe('各站办理情况, the figures open to everyone', () => {
  test('shows the street’s figures and a card per station', async () => {
    const { container } = render(<PublicFiguresPage />);
    expect(await screen.findByText('全街道')).toBeTruthy();
    expect(container.querySelectorAll('.public-station').length).toBeGreaterThan(0);
  });

  test('a station with ten opinions shows its counts; one with fewer shows 样本不足 and no number at all', async () => {
    const { container } = render(<PublicFiguresPage />);
    await screen.findByText('全街道');
    const cards = Array.from(container.querySelectorAll('.public-station'));
    expect(cards).toHaveLength(8);
    expect(cards[0]!.textContent).toContain('征集 10 · 答复 0 · 解决 0');
    const withheld = container.querySelectorAll('.public-station--withheld');
    expect(withheld).toHaveLength(7);
    for (const card of Array.from(withheld)) {
      expect(card.textContent).toContain('样本不足');
      expect(card.textContent).not.toMatch(/\d/);
    }
  });

  test('转发 sends a card that opens these figures', async () => {
    render(<PublicFiguresPage />);
    await screen.findByText('全街道');
    expect(shareCard()).toEqual({
      title: '各站意见办理情况 · 征集、答复和满意率',
      path: '/pages/public-figures/index',
    });
  });
});

describe('an opinion is never offered for 转发', () => {
  test('its page sets no share card', async () => {
    setRouterParams({ id: 'no-such-opinion' });
    render(<OpinionPage />);
    await screen.findByRole('alert');
    expect(shareCard()).toBeNull();
  });
});
