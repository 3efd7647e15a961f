import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { call } from '../../api/client';
import { useLoaded } from '../../hooks/use-loaded';
import { useSubscribe } from '../../hooks/use-subscribe';
import { CATEGORY_LABELS } from '../../domain/categories';
import { STATION_KIND_LABELS, STATION_SETTING_LABELS } from '../../domain/station';
import { PageShell } from '../../components/PageShell';
import { SessionCalendar } from '../../components/SessionCalendar';
import { SessionLine } from '../../components/SessionLine';
import { ErrorPage, LoadingPage } from '../../components/StatusView';
import { openMap } from '../../platform/navigate';
import './index.css';

/** One station: how to get there and call, its reception days, and who receives voters. */
export default function StationPage() {
  const router = useRouter();
  const stationId = router.params.id ?? '';

  const { state, reload, set } = useLoaded(async () => {
    const station = await call('stations.get', { stationId });
    void Taro.setNavigationBarTitle({ title: station.name });
    return station;
  }, [stationId]);

  // The card opens this same station: its id travels in the path.
  useShareAppMessage(() => ({
    title: `${state.kind === 'ready' ? state.data.name : '代表联络站'} · 接待日和驻站代表`,
    path: `/pages/station/index?id=${encodeURIComponent(stationId)}`,
  }));

  const reminders = useSubscribe('follow');
  const toggleFollow = async (follow: boolean) => {
    if (state.kind !== 'ready') return;
    // From the tap itself, before anything is awaited: WeChat's prompt for the reminders.
    if (follow) void reminders.ask();
    try {
      await call('stations.follow', { stationId, follow });
      set((station) => ({ ...station, following: follow }));
      void Taro.showToast({ title: follow ? '已开启接待日提醒' : '已取消提醒', icon: 'none' });
    } catch (e) {
      void Taro.showToast({ title: (e as Error).message, icon: 'none' });
    }
  };

  if (state.kind === 'loading') {
    return <LoadingPage />;
  }
  if (state.kind === 'error') {
    return <ErrorPage message={state.message} onRetry={() => void reload()} />;
  }
  const station = state.data;
  const rule = station.receptionRule;
  return (
    <PageShell>
      <View className='card'>
        <View className='card__head'>
          <Text className='card__title station-title'>{station.name}</Text>
          <Text className={`chip ${station.kind === 'liaison_station' ? 'chip--primary' : 'chip--muted'}`}>
            {STATION_KIND_LABELS[station.kind]}
          </Text>
        </View>
        <Text className='card__line'>
          {STATION_SETTING_LABELS[station.setting]} · 服务{station.districts.join('、')}
        </Text>
        <Text className='card__line'>地址：{station.address}</Text>
        <Text className='card__line'>电话：{station.phone}</Text>
        <View className='actions'>
          <Button className='btn btn--primary' onClick={() => void Taro.makePhoneCall({ phoneNumber: station.phone })}>
            拨打电话
          </Button>
          <Button className='btn' onClick={() => void openMap(station)}>
            导航前往
          </Button>
        </View>
      </View>

      <Button
        className='btn btn--primary btn--block submit-entry'
        onClick={() => void Taro.navigateTo({ url: `/pages/submit/index?stationId=${station.id}` })}
      >
        向本站提意见
      </Button>

      <View className='card'>
        <Text className='card__label'>接待时间</Text>
        <Text className='card__line rule-text'>
          单月{rule.oddMonthDay}日、双月{rule.evenMonthDay}日 {rule.start}–{rule.end}
        </Text>
        <Text className='card__hint'>遇周末或法定节假日顺延至下一个工作日；当月没有该日的，安排在月末最后一天。</Text>
      </View>

      {station.following !== undefined && (
        <View className='card'>
          <View className='setting'>
            <View className='setting__text'>
              <Text className='setting__title'>接待日提醒</Text>
              <Text className='card__hint'>接待日前一天提醒您；暂停或改期也会通知您</Text>
            </View>
            <Button
              className={`btn btn--small follow-button ${station.following ? '' : 'btn--primary'}`}
              onClick={() => void toggleFollow(!station.following)}
            >
              {station.following ? '取消提醒' : '提醒我'}
            </Button>
          </View>
        </View>
      )}

      <View className='card'>
        <Text className='card__label'>接下来的接待日</Text>
        <View className='session-list'>
          {station.sessions.map((s) => (
            <SessionLine key={s.date + s.status} session={s} showDeputies />
          ))}
        </View>
      </View>

      <View className='card'>
        <Text className='card__label'>接待日历</Text>
        <SessionCalendar sessions={station.sessions} />
      </View>

      <View className='card'>
        <Text className='card__label'>驻站人大代表</Text>
        {station.deputies.length === 0 && <Text className='card__line'>暂无驻站代表，意见由工作人员受理</Text>}
        {station.deputies.map((d) => (
          <View className='deputy' key={d.id}>
            <Text className='deputy__name'>{d.name}</Text>
            <Text className='deputy__title'>{d.title}</Text>
            {d.groupName && <Text className='deputy__group'>{d.groupName}</Text>}
            <Text className='deputy__focus'>关注：{d.focusCategories.map((c) => CATEGORY_LABELS[c]).join('、')}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
