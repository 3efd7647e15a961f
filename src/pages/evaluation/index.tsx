import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { PageShell } from '../../components/PageShell';
import { SatisfactionChoice } from '../../components/SatisfactionChoice';
import { RateLine } from '../../components/RateLine';
import { ErrorPage, LoadingPage } from '../../components/StatusView';
import { formatDateZh, formatYearDateZh } from '../../domain/dates';
import { MIN_RATERS } from '../../domain/evaluation';
import type { DeputyCardView, RoundView } from '../../domain/evaluation-views';
import { SATISFACTION_LABELS, type Satisfaction } from '../../domain/opinion';
import { COMMENT_MAX } from '../../domain/input-limits';
import { useLoaded } from '../../hooks/use-loaded';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** What the data says the deputy did, beside which voters rate them: counts only, no reasons. */
function Activity(props: { card: DeputyCardView }) {
  const a = props.card.activity;
  return (
    <View className='activity'>
      <Text className='card__line'>接待日值班 {a.sessionsOnDuty} 次</Text>
      <Text className='card__line'>
        办理意见 {a.handled} 件，已答复 {a.replied} 件
      </Text>
      <RateLine name='办复率' rate={a.replyRate} />
      <Text className='card__line'>
        答复用时（中位数）：{a.medianReplyDays === null ? '暂无答复' : `${a.medianReplyDays} 天`}
      </Text>
      <Text className='card__line activity-attendance'>
        参加履职活动 {a.activities.present} 次，请假 {a.activities.leave} 次，缺席 {a.activities.absent} 次
      </Text>
      <Text className='card__line activity-visits'>走访选民 {a.votersVisited} 人次</Text>
    </View>
  );
}

/**
 * The published result of one deputy: every answer counted and the rate with its 95% interval;
 * with fewer than the minimum of raters only 样本不足, no count per answer and no comments.
 */
function Result(props: { card: DeputyCardView }) {
  const r = props.card.result;
  if (!r) return null;
  if (!r.sufficient) {
    return (
      <View className='card__section result'>
        <Text className='card__label'>评议结果（{r.rated} 人参加）</Text>
        <Text className='card__line result__too-few'>样本不足（需至少{r.minimum}位选民评议）</Text>
        <Text className='card__hint'>参加的人太少，为保护评议选民，不公布各项人数和意见。</Text>
      </View>
    );
  }
  return (
    <View className='card__section result'>
      <Text className='card__label'>评议结果（{r.rated} 人参加）</Text>
      <Text className='card__line result__counts'>
        满意 {r.satisfied} · 基本满意 {r.basicallySatisfied} · 不满意 {r.dissatisfied}
      </Text>
      <RateLine name='满意率' rate={r.satisfactionRate} />
      {r.satisfactionRate.interval && r.satisfactionRate.value !== null && (
        <Text className='card__hint'>
          95% 可信区间 {percent(r.satisfactionRate.interval[0])}–{percent(r.satisfactionRate.interval[1])}
          ：参加的人越多，区间越窄。
        </Text>
      )}
      {props.card.comments && props.card.comments.length > 0 && (
        <View className='comments'>
          <Text className='card__label'>选民意见（不显示姓名和时间，顺序随机）</Text>
          {props.card.comments.map((c, i) => (
            <Text key={`${i}-${c.comment}`} className='card__line comment'>
              【{SATISFACTION_LABELS[c.satisfaction]}】{c.comment}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

/** One deputy of an open round, rated by a voter of the district: once, with an optional comment. */
function RateDeputy(props: { card: DeputyCardView; onRate: (s: Satisfaction, comment: string) => Promise<void> }) {
  const [choice, setChoice] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <View className='card__section rate'>
      <Text className='card__label'>您对{props.card.deputy.name}代表的履职满意吗？</Text>
      <SatisfactionChoice value={choice} onChange={setChoice} label={`评议${props.card.deputy.name}`} />
      <Textarea
        className='textarea textarea--short'
        value={comment}
        maxlength={COMMENT_MAX}
        aria-label='评议意见'
        placeholder='对代表的意见和建议（可不填）'
        onInput={(e) => setComment(e.detail.value)}
      />
      <Button
        className='btn btn--primary btn--block rate-deputy-button'
        disabled={!choice || busy}
        onClick={async () => {
          if (!choice) return;
          setBusy(true);
          try {
            await props.onRate(choice, comment.trim());
          } finally {
            setBusy(false);
          }
        }}
      >
        提交评议
      </Button>
      <Text className='card__hint'>
        每轮只能评议一次，提交后不能修改。评议不记名：您的选择与您的身份分开保存，任何人（包括您自己）都查不到您选了什么。
      </Text>
    </View>
  );
}

/** A round of 代表述职评议: each deputy's record from the data, the voter's rating, the results once closed. */
export default function EvaluationPage() {
  const roundId = useRouter().params.roundId ?? '';
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const { state, reload, set } = useLoaded(() => call('evaluations.get', { roundId }), [roundId]);

  const act = async (run: () => Promise<RoundView>, done: string) => {
    setMessage(null);
    try {
      set(await run());
      setMessage({ ok: true, text: done });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof ApiError ? error.message : '操作失败，请重试' });
    }
  };

  const close = async (closesOn: string) => {
    const { confirm } = await Taro.showModal({
      title: '提前结束评议',
      content: `结束后选民不能再评议。结果仍在原定结束日（${formatDateZh(closesOn)}）之后公布。确定结束吗？`,
      confirmText: '结束评议',
    });
    if (confirm) await act(() => call('evaluations.close', { roundId }), '评议已结束，结果在原定结束日之后公布');
  };

  if (state.kind === 'loading') return <LoadingPage />;
  if (state.kind === 'error') return <ErrorPage message={state.message} onRetry={() => void reload()} />;
  const round = state.data;
  return (
    <PageShell>
      <View className='card'>
        <Text className='card__title round-title'>{round.title}</Text>
        <Text className='chip chip--primary round-phase'>{round.phaseLabel}</Text>
        <Text className='card__line'>
          评议时间：{formatDateZh(round.opensOn)} 至 {formatDateZh(round.closedEarlyOn ?? round.closesOn)}
          {round.closedEarlyOn ? '（提前结束）' : ''}
        </Text>
        <Text className='card__line'>
          述职期间：{formatYearDateZh(round.periodFrom)} 至 {formatYearDateZh(round.periodTo)}
        </Text>
        {round.participants !== undefined && <Text className='card__line'>已有 {round.participants} 位选民参加</Text>}
        {!round.published && (
          <Text className='card__hint round-publish-hint'>
            结果在评议期满（{formatDateZh(round.closesOn)}）之后公布，之前任何人都看不到得分；每位代表须有至少
            {MIN_RATERS}位选民评议才公布各项人数。
          </Text>
        )}
      </View>
      {round.cannotRateReason && (
        <View className='notice notice--info'>
          <Text className='notice__text cannot-rate'>{round.cannotRateReason}</Text>
          {round.needsDistrict && (
            <Button
              className='btn btn--primary btn--block choose-district'
              onClick={() => void Taro.navigateTo({ url: '/pages/evaluations/index' })}
            >
              选择我的选区
            </Button>
          )}
        </View>
      )}
      {message && (
        <View className={`notice ${message.ok ? 'notice--ok' : 'notice--error'}`}>
          <Text className='notice__text round-message'>{message.text}</Text>
        </View>
      )}
      {round.deputies.map((card) => (
        <View key={card.deputy.id} className='card deputy-card' data-deputy-id={card.deputy.id}>
          <Text className='card__title'>{card.deputy.name}</Text>
          <Text className='card__hint'>
            {card.deputy.title} · {card.deputy.stationName}
            {card.deputy.groupName ? ` · ${card.deputy.groupName}` : ''}
          </Text>
          <Activity card={card} />
          {card.ratedByMe && <Text className='card__line my-rating'>您已评议这位代表（不记名，不显示您的选择）</Text>}
          {round.canRate && !card.ratedByMe && (
            <RateDeputy
              card={card}
              onRate={(satisfaction, comment) =>
                act(
                  () =>
                    call('evaluations.rate', {
                      roundId,
                      deputyId: card.deputy.id,
                      satisfaction,
                      ...(comment ? { comment } : {}),
                    }),
                  `已提交对${card.deputy.name}代表的评议，谢谢您`,
                )
              }
            />
          )}
          <Result card={card} />
        </View>
      ))}
      {round.canClose && (
        <Button className='btn btn--block close-round-button' onClick={() => void close(round.closesOn)}>
          提前结束评议
        </Button>
      )}
    </PageShell>
  );
}
