import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { PageShell } from '../../components/PageShell';
import { ErrorPage, LoadingPage } from '../../components/StatusView';
import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId } from '../../domain/categories';
import type { PublicDeputy } from '../../domain/station';
import {
  MAX_COSIGNERS,
  MAX_SOURCE_OPINIONS,
  SUGGESTION_CONTENT_MAX,
  SUGGESTION_REASON_MAX,
  SUGGESTION_TITLE_MAX,
} from '../../domain/input-limits';
import type { OpinionSummary } from '../../domain/views';
import { useLoaded } from '../../hooks/use-loaded';
import { CITABLE_STATUSES } from '../suggestion/citable';
import '../suggestion/suggestion.css';

const CATEGORIES = CATEGORY_IDS.map((id) => ({ id, label: CATEGORY_LABELS[id] }));

/** The street's deputies by station, for choosing 附议代表. */
interface StationDeputies {
  stationName: string;
  deputies: PublicDeputy[];
}

const toggle = (list: string[], id: string, max: number) =>
  list.includes(id) ? list.filter((x) => x !== id) : list.length < max ? [...list, id] : list;

/** A field's label with its live character count. */
function Counted(props: { label: string; id: string; value: string; max: number }) {
  return (
    <View className='card__head'>
      <Text className='card__label' id={props.id}>
        {props.label}
      </Text>
      <Text className='card__hint suggestion-counter'>
        {props.value.trim().length}/{props.max} 字
      </Text>
    </View>
  );
}

/**
 * 起草代表建议: the 领衔 deputy writes a 建议 (title, 案由, 建议内容, category) from opinions routed to
 * them and chooses 附议代表 from the street's deputies; editing a draft comes here too (?id=). From a
 * case page (?opinionId=) that opinion is chosen already.
 */
export default function SuggestionDraftPage() {
  const { id: suggestionId, opinionId } = useRouter().params;
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const [content, setContent] = useState('');
  const [category, setCategory] = useState<CategoryId | null>(null);
  const [opinionIds, setOpinionIds] = useState<string[]>(opinionId ? [opinionId] : []);
  const [coSignerIds, setCoSignerIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const { state, reload } = useLoaded(async () => {
    const [me, inbox, stations, current] = await Promise.all([
      call('account.me', {}),
      call('casework.inbox', { filter: 'all', limit: 50 }),
      call('stations.list', {}),
      suggestionId ? call('suggestions.get', { suggestionId }) : Promise.resolve(null),
    ]);
    // stations.list counts each station's deputies; their names come with each station.
    const details = await Promise.all(stations.items.map((s) => call('stations.get', { stationId: s.id })));
    const byStation: StationDeputies[] = details
      .map((d) => ({ stationName: d.name, deputies: d.deputies.filter((x) => x.id !== me.deputy?.id) }))
      .filter((g) => g.deputies.length > 0);
    const opinions: OpinionSummary[] = inbox.items.filter(
      (o) => CITABLE_STATUSES.includes(o.status) || current?.sources.some((s) => s.opinionId === o.id),
    );
    if (current) {
      setTitle(current.title);
      setReason(current.reason);
      setContent(current.content);
      setCategory(CATEGORY_IDS.find((c) => CATEGORY_LABELS[c] === current.categoryLabel) ?? null);
      setOpinionIds(current.sources.map((s) => s.opinionId));
      setCoSignerIds(current.coSigners.map((c) => c.deputyId));
    } else if (opinionId) {
      const from = opinions.find((o) => o.id === opinionId);
      if (from) setCategory(from.category);
    }
    return { me, opinions, byStation };
  }, [suggestionId, opinionId]);

  const save = async () => {
    if (!category) {
      setError('请选择建议类别');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const body = { title, reason, content, category, opinionIds, coSignerIds };
      const saved = suggestionId
        ? await call('suggestions.edit', { suggestionId, ...body })
        : await call('suggestions.draft', body);
      void Taro.showToast({ title: '草稿已保存', icon: 'none' });
      await Taro.redirectTo({ url: `/casework/suggestion/index?id=${saved.id}` });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '保存失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  if (state.kind === 'loading') return <LoadingPage />;
  if (state.kind === 'error') return <ErrorPage message={state.message} onRetry={() => void reload()} />;
  const { me, opinions, byStation } = state.data;
  if (me.role !== 'deputy') return <ErrorPage message='只有人大代表可以起草代表建议' onRetry={() => void reload()} />;
  return (
    <PageShell>
      <View className='card'>
        <Text className='card__label'>引用的群众意见</Text>
        <Text className='card__hint'>
          从交由您办理的意见中选择，最多{MAX_SOURCE_OPINIONS}条。建议提交后，这些意见的选民会看到“已形成代表建议”。
        </Text>
        {opinions.length === 0 && <Text className='card__line'>暂无可以引用的意见。</Text>}
        {opinions.map((o) => (
          <View
            key={o.id}
            className={`option source-option ${opinionIds.includes(o.id) ? 'option--on' : ''}`}
            role='checkbox'
            aria-checked={opinionIds.includes(o.id)}
            data-opinion-id={o.id}
            onClick={() => setOpinionIds((ids) => toggle(ids, o.id, MAX_SOURCE_OPINIONS))}
          >
            {opinionIds.includes(o.id) ? '✓ ' : ''}编号 {o.shortId} · {o.categoryLabel}
            {o.supportCount > 0 ? ` · 附议 ${o.supportCount} 人` : ''}：{o.excerpt}
          </View>
        ))}
      </View>

      <View className='card'>
        <Counted label='建议标题' id='draft-title-label' value={title} max={SUGGESTION_TITLE_MAX} />
        <Input
          className='input draft-title'
          value={title}
          maxlength={SUGGESTION_TITLE_MAX}
          placeholder='如：关于加快青草巷安置房交付的建议'
          onInput={(e) => setTitle(e.detail.value)}
          aria-labelledby='draft-title-label'
        />
        <Text className='card__label'>建议类别</Text>
        <ChoiceGroup choices={CATEGORIES} value={category} onChange={setCategory} label='建议类别' kind='category' />
      </View>

      <View className='card'>
        <Counted label='案由' id='draft-reason-label' value={reason} max={SUGGESTION_REASON_MAX} />
        <Text className='card__hint'>群众反映了什么问题，现状如何（至少10个字）。</Text>
        <Textarea
          className='textarea draft-reason'
          value={reason}
          maxlength={SUGGESTION_REASON_MAX}
          placeholder='写明问题和现状'
          onInput={(e) => setReason(e.detail.value)}
          nativeProps={{ 'aria-labelledby': 'draft-reason-label' }}
        />
      </View>

      <View className='card'>
        <Counted label='建议内容' id='draft-content-label' value={content} max={SUGGESTION_CONTENT_MAX} />
        <Text className='card__hint'>希望有关部门怎么做（至少10个字）。</Text>
        <Textarea
          className='textarea draft-content'
          value={content}
          maxlength={SUGGESTION_CONTENT_MAX}
          placeholder='写明具体建议'
          onInput={(e) => setContent(e.detail.value)}
          nativeProps={{ 'aria-labelledby': 'draft-content-label' }}
        />
      </View>

      <View className='card'>
        <Text className='card__label'>附议代表（联名，可不选）</Text>
        <Text className='card__hint'>选中的代表会收到邀请，全部确认附议后才能提交。最多{MAX_COSIGNERS}位。</Text>
        {byStation.map((g) => (
          <View key={g.stationName} className='card__section'>
            <Text className='card__line'>{g.stationName}</Text>
            {g.deputies.map((d) => (
              <View
                key={d.id}
                className={`option cosigner-option ${coSignerIds.includes(d.id) ? 'option--on' : ''}`}
                role='checkbox'
                aria-checked={coSignerIds.includes(d.id)}
                data-deputy-id={d.id}
                onClick={() => setCoSignerIds((ids) => toggle(ids, d.id, MAX_COSIGNERS))}
              >
                {coSignerIds.includes(d.id) ? '✓ ' : ''}
                {d.name}（{d.title}）
              </View>
            ))}
          </View>
        ))}
      </View>

      {error && (
        <View className='notice notice--error' role='alert'>
          <Text className='notice__text draft-error'>{error}</Text>
        </View>
      )}
      <Button
        className='btn btn--primary btn--block draft-save'
        disabled={busy || opinionIds.length === 0 || !title.trim()}
        onClick={() => void save()}
      >
        {suggestionId ? '保存修改' : '保存草稿'}
      </Button>
      <Text className='card__hint'>保存后可在建议页面提交给人大工委。</Text>
    </PageShell>
  );
}
