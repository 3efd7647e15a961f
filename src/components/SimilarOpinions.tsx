import { Button, Text, View } from '@tarojs/components';
import type { SimilarOpinionView } from '../domain/views';
import { StatusChip } from './StatusChip';
import './SimilarOpinions.css';

/**
 * 附近居民也反映过类似问题: the open opinions that read like the voter's draft (opinions.similar),
 * each with its 编号, the start of its text, its status and how many support it, and the large
 * button that supports it instead of writing it again.
 */
export function SimilarOpinions(props: {
  items: readonly SimilarOpinionView[];
  busy: string | null;
  onSupport: (id: string) => void;
  onOpen: (id: string) => void;
}) {
  if (props.items.length === 0) return null;
  return (
    <View className='card similar-opinions' role='region' aria-label='附近居民也反映过类似问题'>
      <Text className='card__label'>附近居民也反映过类似问题</Text>
      <Text className='card__hint'>
        说的是同一件事，点“我也遇到这个问题”就行，不用再写一遍；代表能看到有多少人反映。
      </Text>
      {props.items.map((s) => (
        <View key={s.id} className='similar' data-opinion-id={s.id}>
          <View className='card__head'>
            <Text className='card__title'>编号 {s.shortId}</Text>
            <View>
              <StatusChip status={s.status} label={s.statusLabel} />
            </View>
          </View>
          <Text className='card__line similar__excerpt'>{s.excerpt}</Text>
          <Text className='card__hint similar__count'>
            {s.supportCount > 0 ? `已有${s.supportCount}人附议` : '还没有人附议'}
          </Text>
          {s.mine && <Text className='card__hint'>这是您自己提的意见</Text>}
          {!s.mine && !s.supportedByMe && (
            <Button
              className='btn btn--primary btn--block support-button'
              disabled={props.busy !== null}
              onClick={() => props.onSupport(s.id)}
            >
              {props.busy === s.id ? '正在附议…' : '我也遇到这个问题（附议）'}
            </Button>
          )}
          {(s.mine || s.supportedByMe) && (
            <Button className='btn btn--block similar-open' onClick={() => props.onOpen(s.id)}>
              {s.supportedByMe ? '✓ 已附议，查看办理进展' : '查看办理进展'}
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}
