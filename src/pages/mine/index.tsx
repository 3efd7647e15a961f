import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../api/client';
import type { OpinionSummary } from '../../domain/views';
import { OpinionCard } from '../../components/OpinionCard';
import { PageShell } from '../../components/PageShell';
import { EmptyState, ErrorState, Loading } from '../../components/StatusView';

type ListState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; items: OpinionSummary[]; nextCursor: string | null };

/** 我的意见: every opinion the voter submitted or claimed, newest first, with its state. */
export default function MinePage() {
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  const [more, setMore] = useState(false);
  const [code, setCode] = useState('');
  const [claimError, setClaimError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const page = await call('opinions.mine', {});
      setState({ kind: 'ready', ...page });
    } catch (e) {
      setState({ kind: 'error', message: (e as Error).message });
    }
  }, []);

  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const loadMore = async () => {
    if (state.kind !== 'ready' || !state.nextCursor) return;
    setMore(true);
    try {
      const page = await call('opinions.mine', { cursor: state.nextCursor });
      setState({ kind: 'ready', items: [...state.items, ...page.items], nextCursor: page.nextCursor });
    } catch (e) {
      void Taro.showToast({ title: (e as Error).message, icon: 'none' });
    } finally {
      setMore(false);
    }
  };

  const claim = async () => {
    setClaimError(null);
    try {
      const opinion = await call('opinions.claim', { claimCode: code });
      setCode('');
      void Taro.navigateTo({ url: `/pages/opinion/index?id=${opinion.id}` });
    } catch (e) {
      setClaimError((e as Error).message);
    }
  };

  const open = (id: string) => void Taro.navigateTo({ url: `/pages/opinion/index?id=${id}` });

  return (
    <PageShell>
      <Button
        className='btn btn--primary btn--block'
        onClick={() => void Taro.navigateTo({ url: '/pages/submit/index' })}
      >
        我要提意见
      </Button>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorState message={state.message} onRetry={() => void load()} />}
      {state.kind === 'ready' && state.items.length === 0 && (
        <EmptyState text='您还没有提过意见。遇到身边的问题，可以点上面的按钮告诉代表。' />
      )}
      {state.kind === 'ready' &&
        state.items.map((o) => <OpinionCard key={o.id} opinion={o} onOpen={() => open(o.id)} />)}
      {state.kind === 'ready' && state.nextCursor && (
        <Button className='btn btn--block' disabled={more} onClick={() => void loadMore()}>
          {more ? '正在加载…' : '加载更多'}
        </Button>
      )}
      <View className='card'>
        <Text className='card__label'>在接待日当面反映过？</Text>
        <Text className='card__hint'>输入工作人员给您的 8 位查询码，在这里跟进办理情况。</Text>
        <Input
          className='input claim-input'
          value={code}
          maxlength={12}
          placeholder='查询码'
          onInput={(e) => setCode(e.detail.value)}
        />
        <Button className='btn' disabled={code.trim().length === 0} onClick={() => void claim()}>
          查询并关注
        </Button>
        {claimError && <Text className='form-message form-message--error'>{claimError}</Text>}
      </View>
    </PageShell>
  );
}
