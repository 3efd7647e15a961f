import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useSubscribe } from '../hooks/use-subscribe';

const WHAT = {
  casework: '新交办的意见和催办',
  oversight: '超期意见和每周统计',
  handling: '交办、催办和督办的代表建议',
} as const;

/**
 * 消息提醒 in a deputy's or staff member's queue, or a 承办单位's box: every notice is in 我的 → 消息, and where
 * WeChat messages are configured a 接收微信提醒 button asks WeChat's permission from the tap.
 * Each acceptance allows one message, so the button stays for the next time.
 */
export function ReminderCard(props: { moment: 'casework' | 'oversight' | 'handling' }) {
  const wechat = useSubscribe(props.moment);
  const [accepted, setAccepted] = useState<number | null>(null);
  const what = WHAT[props.moment];
  return (
    <View className='card reminder-card'>
      <Text className='card__label'>消息提醒</Text>
      <Text className='card__hint'>{`${what}都会出现在“我的 → 消息”中。`}</Text>
      {wechat.available && (
        <Button
          className='btn btn--block reminder-card__button'
          onClick={() => {
            void wechat.ask().then((n) => {
              setAccepted(n);
              if (n > 0) void Taro.showToast({ title: `已开启${n}项微信提醒，每项可收到一次`, icon: 'none' });
            });
          }}
        >
          接收微信提醒
        </Button>
      )}
      {accepted === 0 && <Text className='card__hint'>未开启微信提醒，仍可在“消息”中查看。</Text>}
    </View>
  );
}
