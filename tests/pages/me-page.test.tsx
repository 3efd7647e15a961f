/** @jest-environment ./tests/pages/jsdom-with-fetch.ts */
import { fireEvent, render, screen } from '@testing-library/react';
import MePage from '../../src/pages/me/index';
import { withPageServer } from './page-server';
import { resetTaroStorage, setStorageSync } from './stand-ins/taro';

withPageServer();
beforeEach(() => resetTaroStorage());

async function enterCode(code: string): Promise<void> {
  fireEvent.change(await screen.findByPlaceholderText('例如 ABCD2345'), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: '确认身份' }));
}

describe('我的: who the app takes the caller to be', () => {
  test('the default caller (demo-voter) is a 选民', async () => {
    render(<MePage />);
    expect(await screen.findByText('选民')).toBeTruthy();
  });

  test('demo-staff is 联络站工作人员 of 青溪街道人大代表联络站', async () => {
    setStorageSync('lianluo.devCaller', 'demo-staff');
    render(<MePage />);
    expect(await screen.findByText('联络站工作人员')).toBeTruthy();
    expect(screen.getByText('所属：青溪街道人大代表联络站')).toBeTruthy();
    expect(screen.queryByPlaceholderText('例如 ABCD2345')).toBeNull();
  });
});

describe('我的: 大字模式', () => {
  test('the switch turns large text on and off for the whole page', async () => {
    const { container } = render(<MePage />);
    const page = container.firstElementChild!;
    const toggle = screen.getByRole('switch', { name: '大字模式' });
    expect(page.classList.contains('page--large')).toBe(false);

    fireEvent.click(toggle);
    expect(page.classList.contains('page--large')).toBe(true);

    fireEvent.click(toggle);
    expect(page.classList.contains('page--large')).toBe(false);
    await screen.findByText('选民');
  });
});

describe('我的: redeeming an invite code', () => {
  test('确认身份 stays disabled until a code is typed', async () => {
    render(<MePage />);
    await screen.findByPlaceholderText('例如 ABCD2345');
    expect((screen.getByRole('button', { name: '确认身份' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('a malformed code is refused with the server’s Chinese message', async () => {
    render(<MePage />);
    await enterCode('ABC');
    expect(await screen.findByText('邀请码是8位字母和数字')).toBeTruthy();
    expect(screen.getByText('选民')).toBeTruthy();
  });

  // Last: redeeming makes demo-voter a deputy on this file's server for good.
  test('the demo code DBQX2345 makes the voter 人大代表 王秀英 of 青溪街道人大代表联络站', async () => {
    render(<MePage />);
    await enterCode('DBQX2345');
    expect(await screen.findByText('人大代表')).toBeTruthy();
    expect(screen.getByText('王秀英')).toBeTruthy();
    expect(screen.getByText('所属：青溪街道人大代表联络站')).toBeTruthy();
  });
});
