/** @jest-environment ./tests/pages/jsdom-with-fetch.ts */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import HolidaysPage from '../../src/casework/holidays/index';
import { withPageServer } from './page-server';
import { resetTaroStorage, setStorageSync } from './stand-ins/taro';

// The server's day is 2026-03-01: 2026 is in the installed chinese-days, 2027 is not published.
const base = withPageServer();
beforeEach(() => {
  resetTaroStorage();
  setStorageSync('lianluo.devCaller', 'demo-admin');
});

async function sourceOf2027(): Promise<string> {
  const response = await fetch(`${base()}/api/stations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': 'demo-admin' },
    body: JSON.stringify({ action: 'holidayYears' }),
  });
  const body = (await response.json()) as { data: { years: Array<{ year: number; source: string }> } };
  return body.data.years.find((y) => y.year === 2027)!.source;
}

const entry = (container: HTMLElement, name: string) =>
  within(container.querySelector(`[data-holiday="${name}"]`) as HTMLElement);

describe('节假日安排: the committee sees which years are covered and by what', () => {
  test('2026 has the official arrangement built in; 2027 only the statutory days, 待公布', async () => {
    const { container } = render(<HolidaysPage />);
    await screen.findByText('保存2027年放假安排');
    const y2026 = container.querySelector('[data-year="2026"]')!;
    const y2027 = container.querySelector('[data-year="2027"]')!;
    expect(y2026.getAttribute('data-source')).toBe('package');
    expect(within(y2026 as HTMLElement).getByText('已有官方安排（系统内置）')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '查看2026年放假日期' }));
    expect(within(y2026 as HTMLElement).getByText('2月14日（周六）、2月28日（周六）上班')).toBeTruthy();
    expect(y2027.getAttribute('data-source')).toBe('statutory');
    expect(within(y2027 as HTMLElement).getByText('待公布')).toBeTruthy();
  });

  test('the form starts from 2027’s statutory holidays, one entry each', async () => {
    const { container } = render(<HolidaysPage />);
    await screen.findByText('保存2027年放假安排');
    const names = [...container.querySelectorAll('[data-holiday]')].map((e) => e.getAttribute('data-holiday'));
    expect(names).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
    expect(entry(container, '春节').getByText('2月5日 周五 ›')).toBeTruthy();
  });
});

describe('节假日安排: entering 2027 as the notice states it', () => {
  test('a make-up working day inside the days off is refused in Chinese, and nothing is saved', async () => {
    const { container } = render(<HolidaysPage />);
    await screen.findByText('保存2027年放假安排');
    const spring = entry(container, '春节');
    fireEvent.click(spring.getByRole('button', { name: '添加调休上班日' }));
    fireEvent.change(spring.getByLabelText('上班'), { target: { value: '2027-02-06' } });
    fireEvent.click(screen.getByRole('button', { name: '保存2027年放假安排' }));
    expect(await screen.findByText('春节的调休上班日2月6日在放假期间内')).toBeTruthy();
    expect(await sourceOf2027()).toBe('statutory');
  });

  test('a weekday entered as a make-up working day is caught before saving', async () => {
    const { container } = render(<HolidaysPage />);
    await screen.findByText('保存2027年放假安排');
    const national = entry(container, '国庆节');
    fireEvent.click(national.getByRole('button', { name: '添加调休上班日' }));
    fireEvent.change(national.getByLabelText('上班'), { target: { value: '2027-10-13' } });
    fireEvent.click(screen.getByRole('button', { name: '保存2027年放假安排' }));
    expect(await screen.findByText('调休上班日应是周六或周日，10月13日是星期三，请核对')).toBeTruthy();
    expect(await sourceOf2027()).toBe('statutory');
  });

  test('the Spring Festival of the notice is saved and shown back; 2027 is no longer 待公布', async () => {
    const { container } = render(<HolidaysPage />);
    await screen.findByText('保存2027年放假安排');
    const spring = entry(container, '春节');
    fireEvent.change(spring.getByLabelText('到'), { target: { value: '2027-02-11' } });
    fireEvent.click(spring.getByRole('button', { name: '添加调休上班日' }));
    expect((spring.getByLabelText('上班') as HTMLInputElement).value).toBe('2027-02-13');
    fireEvent.click(screen.getByRole('button', { name: '保存2027年放假安排' }));
    expect(
      await screen.findByText('已保存2027年放假安排：放假16天，调休上班1天。这一年的接待日已按此安排。'),
    ).toBeTruthy();
    // The years are read again after the save; under load that answer may come after the message.
    await waitFor(() => {
      const y2027 = within(container.querySelector('[data-year="2027"]') as HTMLElement);
      expect(y2027.getByText('人大工委已按国务院通知录入')).toBeTruthy();
      expect(y2027.getByText('2月5日至2月11日放假，共7天')).toBeTruthy();
      expect(y2027.getByText('2月13日（周六）上班')).toBeTruthy();
    });
    expect(await sourceOf2027()).toBe('loaded');
  });
});

describe('节假日安排: only for the committee', () => {
  test('station staff are told the page is the committee’s', async () => {
    setStorageSync('lianluo.devCaller', 'demo-staff');
    render(<HolidaysPage />);
    expect(await screen.findByText('只有人大工委可以查看和录入节假日安排')).toBeTruthy();
  });
});
