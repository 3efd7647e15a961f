import { Text, View } from '@tarojs/components';
import { formatDateZh, shanghaiDate, shanghaiTime } from '../../domain/dates';
import type { SuggestionView } from '../../domain/suggestion-views';
import { SuggestionChips } from './SuggestionChips';
import '../../components/timeline.css';

const day = (at: number) => formatDateZh(shanghaiDate(at));
const when = (at: number) => `${day(at)} ${shanghaiTime(at)}`;

/** A 退回 asked twice over is the 推诿 the committee watches for: it is said in words, not only counted. */
const SECOND_RETURN = 2;

/**
 * Everything about a 建议 its viewer may see, in the order it happened: what it says, who signed
 * it, the opinions it grew from (never who raised them), 交办, 退回, the units' answers, the
 * 领衔 deputy's 征询意见, 督办 and its own timeline.
 */
export function SuggestionDetail(props: { suggestion: SuggestionView; decides: boolean }) {
  const s = props.suggestion;
  const a = s.assignment;
  return (
    <>
      <View className='card suggestion-head'>
        <View className='card__head'>
          <Text className='card__title suggestion-title'>{s.title}</Text>
          <View className='suggestion-chips'>
            <SuggestionChips
              status={s.status}
              label={s.statusLabel}
              overdue={s.overdue}
              keySupervision={Boolean(s.keySupervision)}
              awaitingDecision={props.decides && s.status === 'submitted'}
            />
          </View>
        </View>
        <Text className='card__hint'>
          编号 {s.shortId} · {s.categoryLabel}
          {s.submittedAt ? ` · ${day(s.submittedAt)}提交` : ' · 草稿'}
        </Text>
        {s.pendingDueDate && (
          <Text className={`card__line ${s.overdue ? 'form-message--error' : ''} suggestion-due`}>
            {s.status === 'submitted' ? '立案交办期限' : '答复期限'}：{formatDateZh(s.pendingDueDate)}
            {s.overdue ? '（已超期）' : ''}
          </Text>
        )}
        {s.overdueCount > 0 && <Text className='card__hint'>已因超期督办{s.overdueCount}次</Text>}
        <Text className='card__label card__section'>案由</Text>
        <Text className='card__line suggestion-text suggestion-reason'>{s.reason}</Text>
        <Text className='card__label card__section'>建议内容</Text>
        <Text className='card__line suggestion-text suggestion-content'>{s.content}</Text>
      </View>

      <View className='card suggestion-signers'>
        <Text className='card__label'>提出代表</Text>
        <View className='suggestion-person'>
          <Text>领衔：{s.lead.name}</Text>
        </View>
        {s.coSigners.map((c) => (
          <View className='suggestion-person' key={c.deputyId} data-cosigner={c.deputyId}>
            <Text>附议：{c.name}</Text>
            <Text className={`chip ${c.confirmed ? 'chip--ok' : 'chip--warn'}`}>
              {c.confirmed ? '已确认' : '待确认'}
            </Text>
          </View>
        ))}
      </View>

      <View className='card suggestion-sources'>
        <Text className='card__label'>来源的群众意见（{s.sources.length}条）</Text>
        {s.sources.map((o) => (
          <View className='suggestion-source' key={o.opinionId}>
            <Text className='card__hint'>
              编号 {o.shortId} · {o.stationName} · {o.categoryLabel} · {day(o.createdAt)}
              {o.supportCount > 0 ? ` · 附议 ${o.supportCount} 人` : ''}
            </Text>
            <Text className='card__line'>{o.excerpt}</Text>
          </View>
        ))}
      </View>

      {s.decline && (
        <View className='card suggestion-decline'>
          <Text className='card__label'>不予立案</Text>
          <Text className='card__line'>{s.decline.groundLabel}</Text>
          <Text className='card__line suggestion-text'>{s.decline.note}</Text>
          <Text className='card__hint'>{when(s.decline.at)}</Text>
        </View>
      )}

      {a && (
        <View className='card suggestion-assignment'>
          <Text className='card__label'>交办</Text>
          <Text className='card__line'>主办单位：{a.leadUnit.name}</Text>
          {a.coUnits.length > 0 && (
            <Text className='card__line'>协办单位：{a.coUnits.map((u) => u.name).join('、')}</Text>
          )}
          <Text className='card__hint'>
            {formatDateZh(a.assignedOn)}交办 · 应于{formatDateZh(a.dueDate)}前答复
            {a.coUnits.length > 0 ? ` · 协办意见${formatDateZh(a.coViewDueDate)}前` : ''}
          </Text>
          {a.extension && (
            <Text className='card__line'>
              已延期至{formatDateZh(a.extension.dueDate)}：{a.extension.reason}
            </Text>
          )}
        </View>
      )}

      {s.returns.length > 0 && (
        <View className='card suggestion-returns'>
          <View className='card__head'>
            <Text className='card__label'>退回（{s.returns.length}次）</Text>
            {s.returns.length >= SECOND_RETURN && <Text className='chip chip--danger'>二次退回</Text>}
          </View>
          {s.returns.map((r, i) => (
            <View className='suggestion-entry' key={`${r.at}-${i}`}>
              <Text className='card__line'>
                {r.unitName}申请退回：{r.reason}
              </Text>
              <Text className='card__hint'>{when(r.at)}</Text>
              {r.ruling ? (
                <Text className='card__line'>
                  人大工委{r.ruling.label}：{r.ruling.note}
                </Text>
              ) : (
                <Text className='card__hint'>待人大工委决定</Text>
              )}
            </View>
          ))}
        </View>
      )}

      {s.coViews.length > 0 && (
        <View className='card suggestion-coviews'>
          <Text className='card__label'>协办意见</Text>
          {s.coViews.map((v, i) => (
            <View className='suggestion-entry' key={`${v.at}-${i}`}>
              <Text className='card__line'>{v.unitName}</Text>
              <Text className='card__line suggestion-text'>{v.content}</Text>
              <Text className='card__hint'>{when(v.at)}</Text>
            </View>
          ))}
        </View>
      )}

      {s.answers.length > 0 && (
        <View className='card reply suggestion-answers'>
          <Text className='card__label'>承办单位答复</Text>
          {s.answers.map((x, i) => (
            <View className='suggestion-entry suggestion-answer' key={`${x.at}-${i}`}>
              <View className='suggestion-entry__head'>
                <Text>{x.round > 1 ? `第${x.round}次答复` : '答复'}</Text>
                <Text className='chip chip--primary'>{x.classLabel}</Text>
                <Text className={`chip ${x.onTime ? 'chip--ok' : 'chip--danger'}`}>
                  {x.onTime ? '按期' : '超期答复'}
                </Text>
              </View>
              {x.plannedDate && <Text className='card__line'>计划完成：{formatDateZh(x.plannedDate)}</Text>}
              <Text className='card__line suggestion-text'>{x.content}</Text>
              <Text className='card__hint'>
                {x.unitName} · {when(x.at)}
              </Text>
            </View>
          ))}
        </View>
      )}

      {s.feedback.length > 0 && (
        <View className='card suggestion-feedback'>
          <Text className='card__label'>代表征询意见</Text>
          {s.feedback.map((f, i) => (
            <View className='suggestion-entry' key={`${f.at}-${i}`}>
              <Text className='card__line'>
                {f.round > 1 ? `对第${f.round}次答复：` : ''}
                {f.satisfactionLabel}
                {f.comment ? `。${f.comment}` : ''}
              </Text>
              <Text className='card__hint'>{when(f.at)}</Text>
            </View>
          ))}
        </View>
      )}

      {s.fulfilment && (
        <View className='card suggestion-fulfilment'>
          <Text className='card__label'>落实情况</Text>
          <Text className='card__line suggestion-text'>{s.fulfilment.note}</Text>
          <Text className='card__hint'>{when(s.fulfilment.at)}</Text>
        </View>
      )}

      {s.keySupervision && (
        <View className='card suggestion-supervision'>
          <Text className='card__label'>重点督办</Text>
          <Text className='card__line suggestion-text'>{s.keySupervision.reason}</Text>
          <Text className='card__hint'>{when(s.keySupervision.at)}</Text>
        </View>
      )}

      <View className='card'>
        <Text className='card__label'>办理进度</Text>
        <View className='timeline suggestion-timeline'>
          {s.events.map((e, i) => (
            <View className='timeline__item' key={`${e.at}-${i}`}>
              <Text className='timeline__when'>{when(e.at)}</Text>
              <Text className='timeline__text'>
                {e.actorName}：{e.text}
              </Text>
            </View>
          ))}
        </View>
      </View>
    </>
  );
}
