/** @jest-environment ./tests/pages/jsdom-with-fetch.ts */
import { render, screen } from '@testing-library/react';
import OpinionPage from '../../src/pages/opinion/index';
import { FIXED_NOW } from '../support/local-api';
import { draft } from '../support/opinion-calls';
import { withPageServer } from './page-server';
import { resetTaroStorage, setRouterParams, setStorageSync } from './stand-ins/taro';

// The result page a submit leads to (…&submitted=1) says 提交成功 at that moment only: opened
// again later from the history or a kept link, it shows the opinion without it.

const serverBase = withPageServer();
const MINUTE = 60_000;

let opinionId = '';
beforeAll(async () => {
  const res = await fetch(`${serverBase()}/api/opinions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': 'demo-voter' },
    body: JSON.stringify({ action: 'submit', ...draft() }),
  });
  opinionId = String(((await res.json()) as { data: { opinionId: string } }).data.opinionId);
});
beforeEach(() => {
  resetTaroStorage();
  setStorageSync('lianluo.devCaller', 'demo-voter');
  setRouterParams({ id: opinionId, submitted: '1' });
});
afterEach(() => jest.restoreAllMocks());

test('right after submitting, the page says 提交成功 above the opinion', async () => {
  jest.spyOn(Date, 'now').mockReturnValue(FIXED_NOW + MINUTE);
  render(<OpinionPage />);
  expect(await screen.findByText('提交成功！办理进展会显示在这里。')).toBeTruthy();
});

test('opened again an hour later, the same address shows the opinion without it', async () => {
  jest.spyOn(Date, 'now').mockReturnValue(FIXED_NOW + 60 * MINUTE);
  render(<OpinionPage />);
  expect(await screen.findByText('办理进度')).toBeTruthy();
  expect(screen.queryByText('提交成功！办理进展会显示在这里。')).toBeNull();
});
