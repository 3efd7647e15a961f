import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import { OpinionCard } from '../../components/OpinionCard';
import { PageShell } from '../../components/PageShell';
import { EmptyState, ErrorState, Loading } from '../../components/StatusView';
import { CLAIM_CODE_INPUT_MAX } from '../../domain/input-limits';
import { useLoaded } from '../../hooks/use-loaded';

/**
 * 我的意见: every opinion the voter submitted or claimed, newest first, with its state; then those
 * they support (我附议的), the latest 附议 first.
 */
export default function MinePage() {
  const [more, setMore] = useState(false);
  const [code, setCode] = useState('');
  const [claimError, setClaimError] = useState<string | null>(null);

  // Reloaded on show: back from an opinion, its state may have changed. The voter's own opinions
  // and those they support (附议) are two lists, each paged on its own.
  const { state, reload, set } = useLoaded(
    async () => {
      const [own, supported] = await Promise.all([
        call('opinions.mine', {}),
        call('opinions.mine', { supported: true }),
      ]);
      return { own, supported };
    },
    [],
    { onShow: true, pullDown: true },
  );

  const loadMore = async (list: 'own' | 'supported') => {
    if (state.kind !== 'ready' || !state.data[list].nextCursor) return;
    setMore(true);
    try {
      const page = await call('opinions.mine', {
        cursor: state.data[list].nextCursor,
        ...(list === 'supported' ? { supported: true } : {}),
      });
      set((shown) => ({
        ...shown,
        [list]: { items: [...shown[list].items, ...page.items], nextCursor: page.nextCursor },
      }));
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
      {state.kind === 'error' && <ErrorState message={state.message} onRetry={() => void reload()} />}
      {state.kind === 'ready' && state.data.own.items.length === 0 && state.data.supported.items.length === 0 && (
        <EmptyState text='您还没有提过意见。遇到身边的问题，可以点上面的按钮告诉代表。' />
      )}
      {state.kind === 'ready' &&
        state.data.own.items.map((o) => <OpinionCard key={o.id} opinion={o} onOpen={() => open(o.id)} />)}
      {state.kind === 'ready' && state.data.own.nextCursor && (
        <Button className='btn btn--block' disabled={more} onClick={() => void loadMore('own')}>
          {more ? '正在加载…' : '加载更多'}
        </Button>
      )}
      {state.kind === 'ready' && state.data.supported.items.length > 0 && (
        <View className='hero supported-opinions'>
          <Text className='hero__sub'>我附议的意见（别人提的，您也遇到了）</Text>
        </View>
      )}
      {state.kind === 'ready' &&
        state.data.supported.items.map((o) => <OpinionCard key={o.id} opinion={o} onOpen={() => open(o.id)} />)}
      {state.kind === 'ready' && state.data.supported.nextCursor && (
        <Button className='btn btn--block' disabled={more} onClick={() => void loadMore('supported')}>
          {more ? '正在加载…' : '加载更多附议的意见'}
        </Button>
      )}
      <View className='card'>
        <Text className='card__label'>在接待日当面反映过？</Text>
        <Text className='card__hint'>输入工作人员给您的 8 位查询码，在这里跟进办理情况。</Text>
        <Input
          className='input claim-input'
          value={code}
          maxlength={CLAIM_CODE_INPUT_MAX}
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
