import { Text, View } from '@tarojs/components';
import { formatDateZh, shanghaiDate } from '../domain/dates';
import type { OpinionSummary } from '../domain/views';
import { StatusChip } from './StatusChip';

/** One opinion in a list: category, status, the start of the text, when, and its 附议. */
export function OpinionCard(props: { opinion: OpinionSummary; onOpen: () => void }) {
  const o = props.opinion;
  return (
    <View className='card opinion-card' role='link' data-opinion-id={o.id} onClick={props.onOpen}>
      <View className='card__head'>
        <Text className='card__title'>{o.categoryLabel}</Text>
        <View>
          <StatusChip status={o.status} label={o.statusLabel} overdue={o.overdue} />
        </View>
      </View>
      {o.supportedByMe && <Text className='chip chip--ok support-tag'>我附议的</Text>}
      <Text className='card__line'>{o.excerpt}</Text>
      <Text className='card__hint'>
        {o.stationName} · 编号 {o.shortId} · {formatDateZh(shanghaiDate(o.createdAt))}提交
      </Text>
      {o.assignedDeputyName && <Text className='card__hint'>办理代表：{o.assignedDeputyName}</Text>}
      {o.replyDueDate && ['assigned', 'transferred'].includes(o.status) && (
        <Text className='card__hint'>应于{formatDateZh(o.replyDueDate)}前答复</Text>
      )}
      {o.staffReview && <Text className='card__hint'>选民再次不满意，待复核</Text>}
      {o.supportCount > 0 && <Text className='card__hint support-count'>附议 {o.supportCount} 人</Text>}
    </View>
  );
}
