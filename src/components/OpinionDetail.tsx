import { Text, View } from '@tarojs/components';
import { formatDateZh, shanghaiDate, shanghaiTime } from '../domain/dates';
import { suggestionOnOpinion } from '../domain/suggestion-timeline';
import type { OpinionView } from '../domain/views';
import { PhotoGrid } from './PhotoGrid';
import { StatusChip } from './StatusChip';
import './timeline.css';
import './OpinionDetail.css';

const when = (at: number) => `${formatDateZh(shanghaiDate(at))} ${shanghaiTime(at)}`;

/** Everything about an opinion that its viewer may see, in the order a voter reads it. */
export function OpinionDetail(props: { opinion: OpinionView }) {
  const o = props.opinion;
  const suggestion = suggestionOnOpinion(o.timeline);
  return (
    <>
      <View className='card'>
        <View className='card__head'>
          <Text className='card__title'>{o.categoryLabel}</Text>
          <View>
            <StatusChip status={o.status} label={o.statusLabel} overdue={o.overdue} />
            {suggestion.formed && <Text className='chip chip--primary suggestion-formed'>已形成代表建议</Text>}
          </View>
        </View>
        <Text className='card__hint'>
          编号 {o.shortId} · {o.station.name}
        </Text>
        {o.supportedByMe && <Text className='chip chip--ok support-tag'>我附议的</Text>}
        <Text className='card__line opinion-content'>{o.content}</Text>
        {o.images.length > 0 && <PhotoGrid fileIds={o.images} />}
        {o.contact && (
          <Text className='card__hint'>
            联系人：{o.contact.name} {o.contact.phone}
          </Text>
        )}
        {o.supportCount > 0 && (
          <Text className='card__line support-count'>
            附议 {o.supportCount} 人{o.supportedByMe ? '（含您）' : ''}
          </Text>
        )}
        {o.anonymous && !o.supportedByMe && <Text className='card__hint'>已选择对代表匿名</Text>}
        {o.assignedDeputy && <Text className='card__line'>办理代表：{o.assignedDeputy.name}</Text>}
        {o.replyDueDate && ['assigned', 'transferred'].includes(o.status) && (
          <Text className='card__line'>答复期限：{formatDateZh(o.replyDueDate)}</Text>
        )}
        {o.routingReason && <Text className='card__hint'>分派理由：{o.routingReason}</Text>}
        {o.claimCode && (
          <Text className='card__hint'>
            选民查询码：{o.claimCode}
            {o.claimCodeExpiresAt ? `（${formatDateZh(shanghaiDate(o.claimCodeExpiresAt))}前有效）` : ''}
          </Text>
        )}
      </View>

      {suggestion.formed && (
        <View className='card reply suggestion-summary'>
          <Text className='card__label'>{suggestion.answer ? '承办单位答复' : '已形成代表建议'}</Text>
          {suggestion.answer ? (
            <>
              <Text className='card__line reply__content suggestion-answer-text'>{suggestion.answer.text}</Text>
              <Text className='card__hint'>{when(suggestion.answer.at)}</Text>
            </>
          ) : (
            <Text className='card__line'>
              代表已将这条意见写进代表建议，交人大工委交办有关单位，办理结果会显示在这里。
            </Text>
          )}
        </View>
      )}
      {o.transfer && (
        <View className='card'>
          <Text className='card__label'>转交承办单位</Text>
          <Text className='card__line'>
            {o.transfer.unit}，预计{formatDateZh(o.transfer.expectedDate)}前办结
          </Text>
        </View>
      )}
      {o.reply && (
        <View className='card reply'>
          <Text className='card__label'>代表答复</Text>
          <Text className='card__line reply__content'>{o.reply.content}</Text>
          <Text className='card__hint'>
            {o.reply.deputyName} · {when(o.reply.at)}
          </Text>
        </View>
      )}
      {o.resolution && (
        <View className='card'>
          <Text className='card__label'>办结情况</Text>
          <Text className='card__line'>{o.resolution.note}</Text>
        </View>
      )}
      {o.rejection && (
        <View className='card'>
          <Text className='card__label'>{o.rejection.kind === 'duplicate' ? '合并办理' : '不予受理'}</Text>
          <Text className='card__line'>{o.rejection.reason}</Text>
        </View>
      )}
      {o.rating && (
        <View className='card'>
          <Text className='card__label'>评价</Text>
          <Text className='card__line'>
            {o.rating.label}
            {o.rating.comment ? `：${o.rating.comment}` : ''}
          </Text>
        </View>
      )}

      <View className='card'>
        <Text className='card__label'>办理进度</Text>
        <View className='timeline'>
          {o.timeline.map((line, i) => (
            <View
              className={`timeline__item ${line.internal ? 'timeline__item--internal' : ''}`}
              key={`${line.at}-${i}`}
            >
              <Text className='timeline__when'>{when(line.at)}</Text>
              <Text className='timeline__text'>
                {line.internal ? '【内部】' : ''}
                {line.actorName}：{line.text}
              </Text>
            </View>
          ))}
        </View>
      </View>
    </>
  );
}
