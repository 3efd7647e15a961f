import { act, render, screen } from '@testing-library/react';
import { ApiError } from '../../src/api/client';
import { useLoaded } from '../../src/hooks/use-loaded';

/** Loads whose answers the test gives, in the order it chooses. */
function answers() {
  const pending: Array<{ id: string; resolve: (data: string) => void; reject: (error: unknown) => void }> = [];
  const load = (id: string) =>
    new Promise<string>((resolve, reject) => {
      pending.push({ id, resolve, reject });
    });
  /** Answers the n-th load asked for (0 first). */
  const answer = (n: number, data: string) => act(async () => pending[n]!.resolve(data));
  const fail = (n: number, error: unknown) => act(async () => pending[n]!.reject(error));
  return { pending, load, answer, fail };
}

type Hook = ReturnType<typeof useLoaded<string>>;
let hook: Hook;

/** A page that loads `id` and says what it shows. */
function Page({ id, load }: { id: string; load: (id: string) => Promise<string> }) {
  // `load` stands for the page's call: what it asks for is `id`, the one dependency.
  hook = useLoaded(() => load(id), [id]); // eslint-disable-line react-hooks/exhaustive-deps
  const { state } = hook;
  return <p>{state.kind === 'ready' ? `ready ${state.data}` : state.kind === 'error' ? state.message : 'loading'}</p>;
}

const shown = () => screen.getByRole('paragraph').textContent;
/** The page loads the same thing again: a retry, a show, a pull-down. */
const reload = () =>
  act(() => {
    void hook.reload();
  });

describe('useLoaded: one state for what a page loads', () => {
  test('loading until the first answer, then the data', async () => {
    const { load, answer } = answers();
    render(<Page id='a' load={load} />);
    expect(shown()).toBe('loading');
    await answer(0, 'A');
    expect(shown()).toBe('ready A');
  });

  test('a failed call shows its own Chinese message; anything else a plain one', async () => {
    const first = answers();
    const { unmount } = render(<Page id='a' load={first.load} />);
    await first.fail(0, new ApiError('NOT_FOUND', '没有找到这个联络站'));
    expect(shown()).toBe('没有找到这个联络站');
    unmount();

    const second = answers();
    render(<Page id='a' load={second.load} />);
    await second.fail(0, new TypeError('x is undefined'));
    expect(shown()).toBe('加载失败，请重试');
  });

  test('only the latest request counts: an older answer arriving late does not replace a newer one', async () => {
    const { load, answer } = answers();
    render(<Page id='a' load={load} />);
    reload();
    await answer(1, 'newer');
    await answer(0, 'older');
    expect(shown()).toBe('ready newer');
  });

  test('a late failure of an older request does not replace the newer data', async () => {
    const { load, answer, fail } = answers();
    render(<Page id='a' load={load} />);
    reload();
    await answer(1, 'newer');
    await fail(0, new ApiError('NETWORK', '网络连接失败，请检查网络后重试'));
    expect(shown()).toBe('ready newer');
  });

  test('a reload keeps the data on screen until its answer arrives', async () => {
    const { load, answer } = answers();
    render(<Page id='a' load={load} />);
    await answer(0, 'A');
    reload();
    expect(shown()).toBe('ready A');
    await answer(1, 'A again');
    expect(shown()).toBe('ready A again');
  });

  test('retrying after an error shows loading again, then the data', async () => {
    const { load, answer, fail } = answers();
    render(<Page id='a' load={load} />);
    await fail(0, new ApiError('NETWORK', '网络连接失败，请检查网络后重试'));
    reload();
    expect(shown()).toBe('loading');
    await answer(1, 'A');
    expect(shown()).toBe('ready A');
  });

  test('loading something else shows loading, and the answer about the old one is dropped', async () => {
    const { pending, load, answer } = answers();
    const { rerender } = render(<Page id='a' load={load} />);
    await answer(0, 'A');
    rerender(<Page id='b' load={load} />);
    expect(shown()).toBe('loading');
    expect(pending.map((p) => p.id)).toEqual(['a', 'b']);
    reload();
    await answer(2, 'B');
    await answer(1, 'B, asked earlier');
    expect(shown()).toBe('ready B');
  });

  test("an action's answer (set) replaces the data, and a load still on its way is dropped", async () => {
    const { load, answer } = answers();
    render(<Page id='a' load={load} />);
    await answer(0, 'A');
    reload();
    act(() => hook.set('after the action'));
    expect(shown()).toBe('ready after the action');
    await answer(1, 'before the action');
    expect(shown()).toBe('ready after the action');
  });

  test('set with a function changes the data shown (a next page added), and nothing while none is shown', async () => {
    const { load, answer } = answers();
    render(<Page id='a' load={load} />);
    act(() => hook.set((data) => `${data} + more`));
    expect(shown()).toBe('loading');
    reload();
    await answer(1, 'A');
    act(() => hook.set((data) => `${data} + more`));
    expect(shown()).toBe('ready A + more');
  });
});
