import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import type { Satisfaction } from '../../domain/opinion';
import type { OpinionView } from '../../domain/views';
import { OpinionDetail } from '../../components/OpinionDetail';
import { SatisfactionChoice } from '../../components/SatisfactionChoice';
import { PageShell } from '../../components/PageShell';
import { ErrorPage, LoadingPage } from '../../components/StatusView';
import { useOpinion } from '../../hooks/use-opinion';
import { COMMENT_MAX } from '../../domain/input-limits';

/** How long after submitting the result page still says 提交成功. */
const JUST_SUBMITTED_MS = 10 * 60_000;

/** 意见详情 for the voter: where it stands, the reply, the timeline, and what they may do now. */
export default function OpinionPage() {
  const router = useRouter();
  const opinionId = router.params.id ?? '';
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);

  const { state, busy, reload, run } = useOpinion(opinionId);

  const act = async (action: () => Promise<OpinionView>) => {
    setActionError(null);
    setActionError(await run(action));
  };

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回意见',
      content: '撤回后代表将不再办理，您留下的姓名和电话也会一起删除。确定撤回吗？',
    });
    if (confirm) await act(() => call('opinions.withdraw', { opinionId }));
  };

  // Asked first in plain words: once erased, nobody can call the voter back about this opinion.
  const eraseContact = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除联系方式',
      content: '删除后，代表和工作人员就看不到您的姓名和电话，也没法打电话找您。意见照常办理。确定删除吗？',
      confirmText: '删除',
      confirmColor: '#8e1414',
      cancelText: '不删了',
    });
    if (confirm) await act(() => call('opinions.eraseContact', { opinionId }));
  };

  if (state.kind === 'loading') {
    return <LoadingPage />;
  }
  if (state.kind === 'error') {
    return <ErrorPage message={state.message} onRetry={() => void reload()} />;
  }
  const o = state.data;
  // The success notice belongs to the moment of submitting: the result page opened again later
  // (from the history, or a kept link) shows the opinion without it.
  const justSubmitted = router.params.submitted === '1' && Date.now() - o.createdAt < JUST_SUBMITTED_MS;
  return (
    <PageShell>
      {justSubmitted && (
        <View className='notice notice--ok'>
          <Text className='notice__text'>提交成功！办理进展会显示在这里。</Text>
        </View>
      )}
      <OpinionDetail opinion={o} />
      {o.can.rate && (
        <View className='card rate'>
          <Text className='card__label'>对办理结果满意吗？</Text>
          <SatisfactionChoice value={satisfaction} onChange={setSatisfaction} label='对办理结果的评价' />
          {satisfaction === 'dissatisfied' && o.reopenCount === 0 && (
            <Text className='card__hint'>选择不满意，意见会退回代表重新办理一次。</Text>
          )}
          <Textarea
            className='textarea textarea--short'
            value={comment}
            maxlength={COMMENT_MAX}
            placeholder='还想说点什么（可不填）'
            onInput={(e) => setComment(e.detail.value)}
          />
          <Button
            className='btn btn--primary btn--block rate-button'
            disabled={!satisfaction || busy}
            onClick={() =>
              satisfaction &&
              void act(() =>
                call('opinions.rate', {
                  opinionId,
                  satisfaction,
                  ...(comment.trim() ? { comment: comment.trim() } : {}),
                }),
              )
            }
          >
            提交评价
          </Button>
        </View>
      )}
      {actionError && (
        <View className='notice notice--error'>
          <Text className='notice__text'>{actionError}</Text>
        </View>
      )}
      {o.can.withdraw && (
        <Button className='btn btn--block withdraw-button' disabled={busy} onClick={() => void withdraw()}>
          撤回这条意见
        </Button>
      )}
      {o.can.eraseContact && (
        <Button className='btn btn--block erase-contact-button' disabled={busy} onClick={() => void eraseContact()}>
          删除我的联系方式
        </Button>
      )}
    </PageShell>
  );
}
