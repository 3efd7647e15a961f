/** @jest-environment ./tests/pages/jsdom-with-fetch.ts */
import { render, screen } from '@testing-library/react';
import PublicFiguresPage from '../../src/pages/figures/index';
import OpinionPage from '../../src/pages/opinion/index';
import { withPageServer } from './page-server';
import { resetTaroStorage, setRouterParams, shareCard } from './stand-ins/taro';

withPageServer();
beforeEach(() => resetTaroStorage());

describe('各站办理情况, the figures open to everyone', () => {
  test('shows the street’s figures and a card per station', async () => {
    const { container } = render(<PublicFiguresPage />);
    expect(await screen.findByText('全街道')).toBeTruthy();
    expect(container.querySelectorAll('.public-station').length).toBeGreaterThan(0);
  });

  test('转发 sends a card that opens these figures', async () => {
    render(<PublicFiguresPage />);
    await screen.findByText('全街道');
    expect(shareCard()).toEqual({ title: '各站意见办理情况 · 征集、答复和满意率', path: '/pages/figures/index' });
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
