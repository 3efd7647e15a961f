import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { PageShell } from '../../components/PageShell';
import { ErrorPage, LoadingPage } from '../../components/StatusView';
import type { ActivityView } from '../../domain/activity-views';
import { formatDateZh, shanghaiDate, shanghaiTime } from '../../domain/dates';
import { shortIdOf } from '../../domain/opinion';
import { useLoaded } from '../../hooks/use-loaded';
import { ActivityStatusChip } from './ActivityChips';
import { AttendanceRow, type MarkRequest } from './AttendanceRow';
import './activity.css';

const REVIEW_NOTE_MAX = 200;
const when = (at: number) => `${formatDateZh(shanghaiDate(at))} ${shanghaiTime(at)}`;

/** 确认 / 不予确认 a deputy's own visit: 不予确认 needs a word on why. */
function ReviewForm(props: { busy: boolean; onReview: (confirm: boolean, note: string) => void }) {
  const [note, setNote] = useState('');
  return (
    <View className='card activity-form review-form'>
      <Text className='card__label'>确认走访</Text>
      <Text className='card__hint'>确认后计入代表的履职档案和走访人数；不予确认请写明原因，代表会看到。</Text>
      <Input
        className='input review-note'
        value={note}
        maxlength={REVIEW_NOTE_MAX}
        placeholder='说明（不予确认时必填）'
        onInput={(e) => setNote(e.detail.value)}
        aria-label='说明'
      />
      <View className='actions'>
        <Button
          className='btn btn--primary review-confirm'
          disabled={props.busy}
          onClick={() => props.onReview(true, note)}
        >
          确认
        </Button>
        <Button
          className='btn review-reject'
          disabled={props.busy || note.trim().length < 2}
          onClick={() => props.onReview(false, note)}
        >
          不予确认
        </Button>
      </View>
    </View>
  );
}

/** What the activity was: kind, date, place, subject, group, voters met, its outcome and what it follows. */
function Facts(props: { a: ActivityView }) {
  const { a } = props;
  return (
    <View className='card activity-head'>
      <View className='card__head'>
        <Text className='card__title activity-title'>{a.title}</Text>
        <ActivityStatusChip status={a.status} label={a.statusLabel} />
      </View>
      <Text className='card__line activity-kind'>
        {a.kindLabel}
        {a.group ? ` · ${a.group.name}` : a.scope === 'committee' ? ' · 人大工委' : ''}
      </Text>
      <Text className='card__line'>日期：{formatDateZh(a.date)}</Text>
      <Text className='card__line'>地点：{a.place}</Text>
      {a.subject && <Text className='card__line'>涉及：{a.subject}</Text>}
      {a.votersVisited !== undefined && (
        <Text className='card__line activity-voters'>走访选民：{a.votersVisited} 人</Text>
      )}
      {a.followsActivity && (
        <View
          className='card__more activity-follows'
          role='link'
          onClick={() => void Taro.navigateTo({ url: `/casework/activity/index?id=${a.followsActivity!.id}` })}
        >
          回头看：{formatDateZh(a.followsActivity.date)} {a.followsActivity.title} ›
        </View>
      )}
      {a.review && (
        <Text className='card__hint activity-review'>
          {a.status === 'rejected' ? '不予确认' : '确认'}（{when(a.review.at)}）
          {a.review.note ? `：${a.review.note}` : ''}
        </Text>
      )}
    </View>
  );
}

/**
 * One 履职活动: what it was, each invited deputy's attendance — with 出席 / 请假 / 缺席 for whoever
 * may mark it (the committee, or the group's 组长) — every correction of a mark, and for a
 * deputy's own visit awaiting confirmation, 确认 / 不予确认 for its station's staff.
 */
export default function ActivityPage() {
  const activityId = useRouter().params.id ?? '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Shown again after the intake page: the visit then lists the opinion just taken down.
  const { state, reload, set } = useLoaded(() => call('activities.get', { activityId }), [activityId], {
    pullDown: true,
    onShow: true,
  });

  const act = async (done: string, action: () => Promise<ActivityView>) => {
    setError(null);
    setBusy(true);
    try {
      set(await action());
      void Taro.showToast({ title: done, icon: 'none' });
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败，请重试');
      return false;
    } finally {
      setBusy(false);
    }
  };
  const mark = (r: MarkRequest) => act('已登记', () => call('activities.markAttendance', { activityId, ...r }));
  const review = (confirm: boolean, note: string) =>
    void act(confirm ? '已确认' : '已不予确认', () =>
      call('activities.review', { activityId, confirm, ...(note.trim() ? { note } : {}) }),
    );

  if (state.kind === 'loading') return <LoadingPage />;
  if (state.kind === 'error') return <ErrorPage message={state.message} onRetry={() => void reload()} />;
  const a = state.data;
  return (
    <PageShell>
      <Facts a={a} />
      {error && (
        <View className='notice notice--error' role='alert'>
          <Text className='notice__text activity-error'>{error}</Text>
        </View>
      )}
      {a.status === 'pending' && a.can.review && <ReviewForm busy={busy} onReview={review} />}

      <View className='card attendees'>
        <Text className='card__label'>
          {a.scope === 'deputy'
            ? '走访代表'
            : `参加代表（${a.attendees.filter((x) => x.attendance === 'present').length}/${a.attendees.length} 出席）`}
        </Text>
        {a.attendees.length === 0 && <Text className='card__line'>没有邀请代表。</Text>}
        {a.attendees.map((x) => (
          <AttendanceRow
            key={x.deputyId}
            attendee={x}
            canMark={a.can.markAttendance}
            own={a.scope === 'deputy'}
            busy={busy}
            onMark={mark}
          />
        ))}
      </View>

      {a.outcome && (
        <View className='card'>
          <Text className='card__label'>活动成果（问题、建议）</Text>
          <Text className='card__line activity-outcome'>{a.outcome}</Text>
        </View>
      )}

      {(a.opinionIds.length > 0 || a.can.intake) && (
        <View className='card visit-opinions'>
          <Text className='card__label'>收集的群众意见（{a.opinionIds.length} 条）</Text>
          {a.opinionIds.map((id) => (
            <View
              key={id}
              className='card__more activity-opinion'
              role='link'
              onClick={() => void Taro.navigateTo({ url: `/casework/case/index?id=${id}` })}
            >
              意见 {shortIdOf(id)} ›
            </View>
          ))}
          {a.can.intake && (
            <Button
              className='btn btn--primary btn--block visit-intake'
              onClick={() => void Taro.navigateTo({ url: `/casework/intake/index?activityId=${a.id}` })}
            >
              登记走访中收集的意见
            </Button>
          )}
        </View>
      )}

      {a.suggestions.length > 0 && (
        <View className='card'>
          <Text className='card__label'>形成的代表建议</Text>
          {a.suggestions.map((s) => (
            <View
              key={s.id}
              className='card__more activity-suggestion'
              role='link'
              onClick={() => void Taro.navigateTo({ url: `/casework/suggestion/index?id=${s.id}` })}
            >
              {s.title} ›
            </View>
          ))}
        </View>
      )}

      {a.corrections.length > 0 && (
        <View className='card corrections'>
          <Text className='card__label'>出席登记更正</Text>
          {a.corrections.map((c) => (
            <View key={`${c.at}-${c.name}`} className='correction'>
              <Text className='correction__what'>
                {c.name}：{c.fromLabel} → {c.toLabel}
              </Text>
              <Text className='card__hint'>
                {when(c.at)} · 原因：{c.reason}
              </Text>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  );
}
