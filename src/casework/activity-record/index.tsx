import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { PageShell } from '../../components/PageShell';
import { ErrorPage, LoadingPage } from '../../components/StatusView';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, GROUP_KINDS, type ActivityKind } from '../../domain/activity';
import {
  ACTIVITY_OUTCOME_MAX,
  ACTIVITY_PLACE_MAX,
  ACTIVITY_SUBJECT_MAX,
  ACTIVITY_TITLE_MAX,
  MAX_VOTERS_VISITED,
} from '../../domain/input-limits';
import type { GroupView } from '../../domain/activity-views';
import { formatDateZh, shanghaiDate, type LocalDate } from '../../domain/dates';
import { useLoaded } from '../../hooks/use-loaded';
import { DeputyPicker, type StationDeputies } from './DeputyPicker';
import { DatePickerField } from '../DatePickerField';
import '../form-fields.css';
import '../activity/activity.css';

const kindChoices = (kinds: readonly ActivityKind[]) => kinds.map((id) => ({ id, label: ACTIVITY_KIND_LABELS[id] }));

/** How many earlier activities are offered to follow up (回头看): the latest ones. */
const FOLLOW_CHOICES = 20;

/** A one-line field's label with its live character count. */
function Counted(props: { label: string; id: string; value: string; max: number; optional?: boolean }) {
  return (
    <View className='card__head field-head'>
      <Text className='field-label' id={props.id}>
        {props.label}
        {props.optional ? '（可不填）' : ''}
      </Text>
      <Text className='card__hint field-counter'>
        {props.value.trim().length}/{props.max}
      </Text>
    </View>
  );
}

/**
 * 登记履职活动. The committee records any kind with any deputies, for the committee or a 人大小组;
 * a group's 组长 records that group's activities; every other deputy records their own 走访选民 /
 * 上门访谈, which counts once station staff confirm it. The server checks each of these again.
 */
export default function ActivityRecordPage() {
  const today = shanghaiDate(Date.now());
  const [chosenKind, setKind] = useState<ActivityKind | null>(null);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState<LocalDate>(today);
  const [place, setPlace] = useState('');
  const [subject, setSubject] = useState('');
  const [groupId, setGroupId] = useState<string | null>(null);
  const [deputyIds, setDeputyIds] = useState<string[]>([]);
  const [voters, setVoters] = useState('');
  const [outcome, setOutcome] = useState('');
  const [followsId, setFollowsId] = useState<string | null>(null);
  const [choosingFollow, setChoosingFollow] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const { state, reload } = useLoaded(async () => {
    const [me, { groups }, stations, earlier] = await Promise.all([
      call('account.me', {}),
      call('activities.groups', {}),
      call('stations.list', {}),
      call('activities.list', {}),
    ]);
    const details = await Promise.all(stations.items.map((s) => call('stations.get', { stationId: s.id })));
    const byStation: StationDeputies[] = details
      .map((d) => ({ stationName: d.name, deputies: d.deputies }))
      .filter((s) => s.deputies.length > 0);
    const led = me.deputy ? groups.filter((g) => g.leader?.id === me.deputy?.id) : [];
    return { me, groups, led, byStation, earlier: earlier.items.slice(0, FOLLOW_CHOICES) };
  }, []);

  if (state.kind === 'loading') return <LoadingPage />;
  if (state.kind === 'error') return <ErrorPage message={state.message} onRetry={() => void reload()} />;
  const { me, groups, led, byStation, earlier } = state.data;
  if (me.role !== 'admin' && me.role !== 'deputy') {
    return <ErrorPage message='履职活动由人大工委、小组组长或代表本人登记' onRetry={() => void reload()} />;
  }
  const committee = me.role === 'admin';
  // A 组长 chooses between their own visit (no group) and an activity of the group they lead.
  const asGroup: GroupView | undefined = groups.find((g) => g.id === groupId);
  const ownVisit = !committee && !asGroup;
  const kinds = committee ? ACTIVITY_KINDS : GROUP_KINDS;
  // A deputy's own record is a visit: the kind is chosen for them.
  const kind = ownVisit ? 'voter_visit' : chosenKind;
  const chooseGroup = (id: string | null) => {
    setGroupId(id);
    const group = groups.find((g) => g.id === id);
    if (!committee && group && chosenKind && !GROUP_KINDS.includes(chosenKind)) setKind(null);
    // A group's activity invites its members unless the recorder changes that.
    if (group && deputyIds.length === 0) setDeputyIds(group.members.map((m) => m.id));
  };

  const save = async () => {
    if (!kind) {
      setError('请选择活动类型');
      return;
    }
    const votersVisited = kind === 'voter_visit' ? Number(voters) : undefined;
    if (votersVisited !== undefined && !(Number.isInteger(votersVisited) && votersVisited > 0)) {
      setError('请填写走访了多少位选民');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const saved = await call('activities.record', {
        kind,
        title,
        date,
        place,
        ...(subject.trim() ? { subject } : {}),
        ...(groupId ? { groupId } : {}),
        // A deputy's own visit is theirs alone: the server records them as its one attendee.
        deputyIds: ownVisit ? [] : deputyIds,
        ...(votersVisited !== undefined ? { votersVisited } : {}),
        ...(outcome.trim() ? { outcome } : {}),
        ...(followsId ? { followsActivityId: followsId } : {}),
      });
      void Taro.showToast({ title: saved.status === 'pending' ? '已登记，待工作人员确认' : '已登记', icon: 'none' });
      await Taro.redirectTo({ url: `/casework/activity/index?id=${saved.id}` });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登记失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const follows = earlier.find((a) => a.id === followsId);
  return (
    <PageShell>
      {(committee || led.length > 0) && (
        <View className='card'>
          <Text className='card__label'>{committee ? '由谁组织' : '登记什么'}</Text>
          <View className='options' role='radiogroup' aria-label={committee ? '由谁组织' : '登记什么'}>
            <View
              className={`option option--inline ${groupId === null ? 'option--on' : ''}`}
              role='radio'
              aria-checked={groupId === null}
              data-group='none'
              onClick={() => chooseGroup(null)}
            >
              {committee ? '人大工委' : '我本人的走访'}
            </View>
            {(committee ? groups : led).map((g) => (
              <View
                key={g.id}
                className={`option option--inline ${groupId === g.id ? 'option--on' : ''}`}
                role='radio'
                aria-checked={groupId === g.id}
                data-group={g.id}
                onClick={() => chooseGroup(g.id)}
              >
                {g.name}
              </View>
            ))}
          </View>
        </View>
      )}

      <View className='card'>
        <Text className='card__label'>活动类型</Text>
        {ownVisit ? (
          <>
            <Text className='card__line own-visit-kind'>走访选民（上门访谈）</Text>
            <Text className='card__hint'>
              登记后由{me.station?.name ?? '联络站'}工作人员确认，确认后计入您的履职档案。
            </Text>
          </>
        ) : (
          <ChoiceGroup choices={kindChoices(kinds)} value={kind} onChange={setKind} label='活动类型' kind='kind' />
        )}
      </View>

      <View className='card'>
        <Counted label='活动名称' id='record-title-label' value={title} max={ACTIVITY_TITLE_MAX} />
        <Input
          className='input record-title'
          value={title}
          maxlength={ACTIVITY_TITLE_MAX}
          placeholder={ownVisit ? '如：走访青草巷周转房住户' : '如：《道路交通安全法》执法检查'}
          onInput={(e) => setTitle(e.detail.value)}
          aria-labelledby='record-title-label'
        />
        <DatePickerField label='活动日期' value={date} end={today} field='date' onChange={setDate} />
        <Counted label='活动地点' id='record-place-label' value={place} max={ACTIVITY_PLACE_MAX} />
        <Input
          className='input record-place'
          value={place}
          maxlength={ACTIVITY_PLACE_MAX}
          placeholder={ownVisit ? '如：青草巷12号' : '如：街道人大工委会议室'}
          onInput={(e) => setPlace(e.detail.value)}
          aria-labelledby='record-place-label'
        />
        {!ownVisit && (
          <>
            <Counted
              label='涉及单位或事项'
              id='record-subject-label'
              value={subject}
              max={ACTIVITY_SUBJECT_MAX}
              optional
            />
            <Input
              className='input record-subject'
              value={subject}
              maxlength={ACTIVITY_SUBJECT_MAX}
              placeholder='如：县交通运输局'
              onInput={(e) => setSubject(e.detail.value)}
              aria-labelledby='record-subject-label'
            />
          </>
        )}
        {kind === 'voter_visit' && (
          <>
            <Text className='field-label' id='record-voters-label'>
              走访选民人数
            </Text>
            <Input
              className='input record-voters'
              type='number'
              value={voters}
              maxlength={String(MAX_VOTERS_VISITED).length}
              placeholder='见了多少位选民'
              onInput={(e) => setVoters(e.detail.value)}
              aria-labelledby='record-voters-label'
            />
          </>
        )}
      </View>

      {!ownVisit && (
        <DeputyPicker
          byStation={byStation}
          value={deputyIds}
          onChange={setDeputyIds}
          {...(asGroup ? { group: { name: asGroup.name, memberIds: asGroup.members.map((m) => m.id) } } : {})}
        />
      )}

      <View className='card'>
        <Counted
          label='活动成果（问题、建议）'
          id='record-outcome-label'
          value={outcome}
          max={ACTIVITY_OUTCOME_MAX}
          optional
        />
        <Text className='card__hint'>
          {ownVisit ? '选民反映了什么，您怎么答复的。' : '发现的问题、提出的意见建议。'}
        </Text>
        <Textarea
          className='textarea textarea--short record-outcome'
          value={outcome}
          maxlength={ACTIVITY_OUTCOME_MAX}
          placeholder='写明问题和建议'
          onInput={(e) => setOutcome(e.detail.value)}
          nativeProps={{ 'aria-labelledby': 'record-outcome-label' }}
        />
      </View>

      {earlier.length > 0 && (
        <View className='card'>
          <View
            className='option follow-toggle'
            role='button'
            aria-expanded={choosingFollow}
            onClick={() => setChoosingFollow(!choosingFollow)}
          >
            回头看：{follows ? follows.title : '不是跟进以前的活动'} {choosingFollow ? '▲' : '▼'}
          </View>
          {choosingFollow &&
            [null, ...earlier].map((a) => (
              <View
                key={a?.id ?? 'none'}
                className={`option follow-option ${(a?.id ?? null) === followsId ? 'option--on' : ''}`}
                role='radio'
                aria-checked={(a?.id ?? null) === followsId}
                data-activity-id={a?.id ?? 'none'}
                onClick={() => {
                  setFollowsId(a?.id ?? null);
                  setChoosingFollow(false);
                }}
              >
                {a ? `${formatDateZh(a.date)} ${a.kindLabel}：${a.title}` : '不是跟进以前的活动'}
              </View>
            ))}
        </View>
      )}

      {error && (
        <View className='notice notice--error' role='alert'>
          <Text className='notice__text record-error'>{error}</Text>
        </View>
      )}
      <Button
        className='btn btn--primary btn--block record-save'
        disabled={busy || !kind || !title.trim() || !place.trim()}
        onClick={() => void save()}
      >
        {ownVisit ? '登记走访' : '登记活动'}
      </Button>
    </PageShell>
  );
}
