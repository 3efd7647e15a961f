/** @jest-environment ./tests/pages/jsdom-with-fetch.ts */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import StationsPage from '../../src/pages/stations/index';
import { setApiBase } from '../../src/api/transport.h5';
import { withPageServer } from './page-server';
import { navigations, resetTaroStorage, shareCard } from './stand-ins/taro';

const serverBase = withPageServer();

/** The station cards: the links that name a station (the page also links to the figures). */
const stationCards = () =>
  waitFor(() => {
    const cards = screen.getAllByRole('link').filter((el) => el.hasAttribute('data-station-id'));
    expect(cards.length).toBeGreaterThan(0);
    return cards;
  });
beforeEach(() => resetTaroStorage());

describe('联络站 list', () => {
  test('says it is looking before the answer arrives', async () => {
    render(<StationsPage />);
    expect(screen.getByText('正在查找联络站…')).toBeTruthy();
    await stationCards();
  });

  test('lists all 8 stations of the street, each with its kind', async () => {
    render(<StationsPage />);
    const cards = await stationCards();
    expect(cards).toHaveLength(8);
    expect(within(cards[0]!).getByText('青溪街道人大代表联络站')).toBeTruthy();
    expect(within(cards[0]!).getByText('代表联络站')).toBeTruthy();
    expect(within(cards[3]!).getByText('油车巷村人大代表接待点')).toBeTruthy();
    expect(within(cards[3]!).getByText('代表接待点')).toBeTruthy();
  });

  test("a card shows the station's next reception day: odd months the 5th, so Thursday 5 March", async () => {
    render(<StationsPage />);
    const cards = await stationCards();
    expect(within(cards[0]!).getByText('3月5日 周四')).toBeTruthy();
  });

  test('without the voter’s location, says so and keeps the street’s own order', async () => {
    render(<StationsPage />);
    expect(await screen.findByText('未能获取您的位置，按街道默认顺序显示。')).toBeTruthy();
    const cards = await stationCards();
    expect(cards[0]!.getAttribute('data-station-id')).toBe('qx-jiedao');
  });

  test('without the voter’s location, the list is asked for once, not again in the same order', async () => {
    const asked: string[] = [];
    const realFetch = globalThis.fetch;
    const spy = jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      asked.push(String(input));
      return realFetch(input, init);
    });
    try {
      render(<StationsPage />);
      await screen.findByText('未能获取您的位置，按街道默认顺序显示。');
      await stationCards();
      expect(asked.filter((url) => url.endsWith('/api/stations'))).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  test('转发 sends a card that opens the station list', async () => {
    render(<StationsPage />);
    await stationCards();
    expect(shareCard()).toEqual({ title: '找身边的人大代表 · 联络站接待日和代表', path: '/pages/stations/index' });
  });

  test('tapping a card opens that station', async () => {
    render(<StationsPage />);
    const cards = await stationCards();
    fireEvent.click(cards[0]!);
    expect(navigations).toEqual(['/pages/station/index?id=qx-jiedao']);
  });
});

describe('联络站 list without a server', () => {
  test('shows the network failure; 重试 loads the list once the server answers', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    setApiBase(`http://127.0.0.1:${port}`);

    render(<StationsPage />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    const retry = within(alert).getByRole('button', { name: '重试' });

    setApiBase(serverBase());
    fireEvent.click(retry);
    expect(await stationCards()).toHaveLength(8);
  });
});
