import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { ChoiceGroup } from '../../components/ChoiceGroup';

/** The requirements the committee picks from: a few round figures are all it sets. */
const PRESETS = ['0.5', '0.6', '0.7', '0.8'] as const;
type Preset = (typeof PRESETS)[number];
const CHOICES = PRESETS.map((id) => ({ id, label: `${Math.round(Number(id) * 100)}%` }));

/**
 * 出席要求 for the committee: 50% / 60% / 70% / 80%, the current one marked (none when it was set
 * otherwise); a pick is saved at once and the figures are read again.
 */
export function MinAttendanceChoice(props: { value: number; onSaved: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = PRESETS.find((p) => Number(p) === props.value) ?? null;
  const pick = async (id: Preset) => {
    if (busy || id === current) return;
    setError(null);
    setBusy(true);
    try {
      await call('activities.setMinAttendance', { minAttendance: Number(id) });
      void Taro.showToast({ title: '出席要求已更新', icon: 'none' });
      props.onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '保存失败，请重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card min-attendance'>
      <Text className='card__label'>设置出席要求（出席率不低于）</Text>
      <ChoiceGroup choices={CHOICES} value={current} onChange={(id) => void pick(id)} label='出席要求' kind='min' />
      {error && (
        <View className='notice notice--error' role='alert'>
          <Text className='notice__text'>{error}</Text>
        </View>
      )}
    </View>
  );
}
