/** @jest-environment ./tests/pages/jsdom-with-fetch.ts */
import { fireEvent, render, screen } from '@testing-library/react';
import MePage from '../../src/pages/me/index';
import { withPageServer } from './page-server';
import { navigations, resetTaroStorage, setStorageSync } from './stand-ins/taro';

// 2 November 2026, 10:00 in Shanghai: 2027's arrangement is not in the installed calendar.
withPageServer({ now: () => Date.UTC(2026, 10, 2, 2, 0) });
beforeEach(() => resetTaroStorage());

describe('我的: from November the committee is reminded to enter next year’s holiday arrangement', () => {
  test('the committee sees the reminder and goes from it to 节假日安排', async () => {
    setStorageSync('lianluo.devCaller', 'demo-admin');
    render(<MePage />);
    expect(await screen.findByText('请录入2027年节假日安排')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '去录入' }));
    expect(navigations).toContain('/casework/holidays/index');
  });

  test('station staff are not reminded and have no link to the page', async () => {
    setStorageSync('lianluo.devCaller', 'demo-staff');
    render(<MePage />);
    await screen.findByText('联络站工作人员');
    expect(screen.queryByText('请录入2027年节假日安排')).toBeNull();
    expect(screen.queryByRole('button', { name: '节假日安排' })).toBeNull();
  });
});
