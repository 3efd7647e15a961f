import { Button, Text, View } from '@tarojs/components';
import type { PublicDeputy } from '../../domain/station';
import { MAX_ATTENDEES } from '../../domain/input-limits';

/** The street's deputies by station, to invite to an activity. */
export interface StationDeputies {
  stationName: string;
  deputies: PublicDeputy[];
}

const toggle = (list: string[], id: string) =>
  list.includes(id) ? list.filter((x) => x !== id) : list.length < MAX_ATTENDEES ? [...list, id] : list;

/**
 * 参加代表: every deputy of the street by station, each a large checkbox; with a group chosen, one
 * tap invites its members.
 */
export function DeputyPicker(props: {
  byStation: StationDeputies[];
  value: string[];
  onChange: (ids: string[]) => void;
  group?: { name: string; memberIds: string[] };
}) {
  const { group } = props;
  return (
    <View className='card deputy-picker'>
      <View className='card__head'>
        <Text className='card__label'>参加代表</Text>
        <Text className='card__hint picked-count'>已选 {props.value.length} 位</Text>
      </View>
      <Text className='card__hint'>被邀请的代表先记为“待登记”，活动后在活动页面登记出席、请假或缺席。</Text>
      {group && group.memberIds.length > 0 && (
        <Button
          className='btn btn--block invite-group'
          onClick={() => props.onChange([...new Set([...props.value, ...group.memberIds])])}
        >
          邀请{group.name}全体成员
        </Button>
      )}
      {props.byStation.map((s) => (
        <View key={s.stationName} className='card__section'>
          <Text className='card__line picker-station'>{s.stationName}</Text>
          <View className='options'>
            {s.deputies.map((d) => (
              <View
                key={d.id}
                className={`option option--inline invite-option ${props.value.includes(d.id) ? 'option--on' : ''}`}
                role='checkbox'
                aria-checked={props.value.includes(d.id)}
                aria-label={`${d.name}，${d.title}`}
                data-deputy-id={d.id}
                onClick={() => props.onChange(toggle(props.value, d.id))}
              >
                {props.value.includes(d.id) ? '✓ ' : ''}
                {d.name}
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
