import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { DEV_CALLERS, getDevCaller, setDevCaller } from '../settings/dev-caller';
import './DevCallerSwitcher.h5.css';

/** Local mode only: choose which demo caller the local server sees (X-Dev-Openid). */
export function DevCallerSwitcher(props: { onChange?: () => void }) {
  const [current, setCurrent] = useState(getDevCaller);
  return (
    <View className='dev-switcher' aria-label='本地演示身份切换'>
      <Text className='dev-switcher__title'>本地演示 · 当前身份</Text>
      <View className='dev-switcher__options'>
        {DEV_CALLERS.map((caller) => (
          <View
            key={caller.openid}
            className={`dev-switcher__option ${caller.openid === current ? 'dev-switcher__option--on' : ''}`}
            data-openid={caller.openid}
            role='button'
            aria-pressed={caller.openid === current}
            onClick={() => {
              setDevCaller(caller.openid);
              setCurrent(caller.openid);
              props.onChange?.();
            }}
          >
            {caller.label}
          </View>
        ))}
      </View>
    </View>
  );
}
