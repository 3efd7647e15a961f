/** @jest-environment ./tests/pages/jsdom-with-fetch.ts */
import { fireEvent, render, screen, within } from '@testing-library/react';
import StationPage from '../../src/pages/station/index';
import { withPageServer } from './page-server';
import { phoneCalls, resetTaroStorage, setRouterParams, shareCard, titles } from './stand-ins/taro';

withPageServer();
beforeEach(() => resetTaroStorage());

describe('联络站 detail (id=qx-jiedao)', () => {
  beforeEach(() => setRouterParams({ id: 'qx-jiedao' }));

  test('shows where the station is and how to call it; the title bar carries its name', async () => {
    render(<StationPage />);
    expect(await screen.findByText('地址：青溪街道环城西路 88 号街道办事处一楼东侧')).toBeTruthy();
    expect(screen.getByText('电话：0574-65710288')).toBeTruthy();
    expect(titles).toEqual(['青溪街道人大代表联络站']);
  });

  test('拨打电话 dials the station’s number', async () => {
    render(<StationPage />);
    fireEvent.click(await screen.findByRole('button', { name: '拨打电话' }));
    expect(phoneCalls).toEqual(['0574-65710288']);
  });

  test('states the reception rule: the 5th of odd months, the 20th of even months', async () => {
    render(<StationPage />);
    expect(await screen.findByText('单月5日、双月20日 08:30–11:30')).toBeTruthy();
  });

  test('lists the next 6 reception days, the first on Thursday 5 March', async () => {
    const { container } = render(<StationPage />);
    await screen.findByText('接下来的接待日');
    const sessions = container.querySelectorAll('.session-list .session');
    expect(sessions).toHaveLength(6);
    expect(within(sessions[0] as HTMLElement).getByText('3月5日 周四')).toBeTruthy();
  });

  test('转发 sends a card named after the station that opens this same station', async () => {
    render(<StationPage />);
    await screen.findByText('驻站人大代表');
    expect(shareCard()).toEqual({
      title: '青溪街道人大代表联络站 · 接待日和驻站代表',
      path: '/pages/station/index?id=qx-jiedao',
    });
  });

  test('lists the deputies who receive voters here', async () => {
    const { container } = render(<StationPage />);
    await screen.findByText('驻站人大代表');
    const names = Array.from(container.querySelectorAll('.deputy__name'), (n) => n.textContent);
    expect(names).toEqual(['陈建国', '王秀英', '李志强']);
  });
});

describe('联络站 detail of a station that does not exist (id=nope)', () => {
  beforeEach(() => setRouterParams({ id: 'nope' }));

  test('says the station was not found and offers to try again', async () => {
    render(<StationPage />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('没有找到这个联络站，可能已被撤并')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: '重试' })).toBeTruthy();
  });
});
