import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { formatDistance } from '../../domain/distance';
import { STATION_KIND_LABELS, STATION_SETTING_LABELS, type GeoPoint } from '../../domain/station';
import { PageShell } from '../../components/PageShell';
import { SessionLine } from '../../components/SessionLine';
import { EmptyState, ErrorState, Loading } from '../../components/StatusView';
import { locateVoter } from '../../platform/location';
import { useLoaded } from '../../hooks/use-loaded';

type LocationState = 'asking' | 'granted' | 'denied';

/** 联络站 list: every station of the street, nearest first once the voter's location is known. */
export default function StationsPage() {
  const [location, setLocation] = useState<LocationState>('asking');
  // Where the voter is, once known: the next load orders the list from there.
  const here = useRef<GeoPoint | null>(null);

  // Shown at once in the default order; reloaded in order when the position arrives. The
  // unsorted first answer can arrive after the sorted one: the hook keeps the latest request's.
  // `byDistance`: the items shown are the ones ordered from the voter's position, not the default order.
  const { state, reload } = useLoaded(async () => {
    const near = here.current;
    const { items } = await call('stations.list', near ? { near } : {});
    return { items, byDistance: near !== null };
  }, []);

  // `always`: load again even without a position (a retry, a pull-down). Otherwise a voter whose
  // position is unknown keeps the default-order list already loading: asking for it a second
  // time would only draw the same list again while the page is still starting.
  const locateAndLoad = useCallback(
    async (always: boolean) => {
      setLocation('asking');
      here.current = await locateVoter();
      setLocation(here.current ? 'granted' : 'denied');
      if (here.current || always) await reload();
    },
    [reload],
  );

  useEffect(() => {
    void locateAndLoad(false);
  }, [locateAndLoad]);

  // A card for 转发: whoever opens it sees the list, nearest first from their own position.
  useShareAppMessage(() => ({ title: '找身边的人大代表 · 联络站接待日和代表', path: '/pages/stations/index' }));

  usePullDownRefresh(() => {
    void locateAndLoad(true).finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <PageShell>
      <View className='hero'>
        <Text className='hero__title'>找代表，说说您的意见</Text>
        <Text className='hero__sub'>到离您最近的联络站、接待点，在接待日当面反映，也可以在这里留言</Text>
        <Button
          className='btn btn--primary btn--block'
          onClick={() => void Taro.navigateTo({ url: '/pages/submit/index' })}
        >
          我要提意见
        </Button>
        <View
          className='card__more public-figures-link'
          role='link'
          onClick={() => void Taro.navigateTo({ url: '/pages/public-figures/index' })}
        >
          各站意见办理情况 ›
        </View>
      </View>
      {/* With the list, not before it: appearing above the loading line would push it down. */}
      {location === 'denied' && state.kind !== 'loading' && (
        <View className='notice' role='status'>
          <Text className='notice__text'>未能获取您的位置，按街道默认顺序显示。</Text>
          <Button className='btn btn--small' onClick={() => void locateAndLoad(false)}>
            重新定位
          </Button>
        </View>
      )}
      {/* Said only of the list actually on screen: the default-order answer can be showing while the
          position is known and the ordered one is still on its way. */}
      {location === 'granted' && state.kind === 'ready' && state.data.byDistance && (
        <View className='notice notice--ok'>
          <Text className='notice__text'>已按离您的距离由近到远排列</Text>
        </View>
      )}
      {state.kind === 'loading' && <Loading text='正在查找联络站…' />}
      {state.kind === 'error' && <ErrorState message={state.message} onRetry={() => void locateAndLoad(true)} />}
      {state.kind === 'ready' && state.data.items.length === 0 && <EmptyState text='本街道暂未设立联络站' />}
      {state.kind === 'ready' &&
        state.data.items.map((station) => (
          <View
            className='card station-card'
            key={station.id}
            data-station-id={station.id}
            role='link'
            onClick={() => void Taro.navigateTo({ url: `/pages/station/index?id=${station.id}` })}
          >
            <View className='card__head'>
              <Text className='card__title'>{station.name}</Text>
              <Text className={`chip ${station.kind === 'liaison_station' ? 'chip--primary' : 'chip--muted'}`}>
                {STATION_KIND_LABELS[station.kind]}
              </Text>
            </View>
            <Text className='card__line'>
              {STATION_SETTING_LABELS[station.setting]} · {station.address}
            </Text>
            {station.distanceMeters !== undefined && (
              <Text className='card__line card__distance'>距您{formatDistance(station.distanceMeters)}</Text>
            )}
            <View className='card__section'>
              <Text className='card__label'>近期接待日</Text>
              {station.nextSessions.length === 0 ? (
                <Text className='card__line'>暂无安排</Text>
              ) : (
                station.nextSessions.slice(0, 2).map((s) => <SessionLine key={s.date + s.status} session={s} />)
              )}
            </View>
            <Text className='card__more'>查看详情、联系电话与驻站代表 ›</Text>
          </View>
        ))}
    </PageShell>
  );
}
