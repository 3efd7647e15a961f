import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../api/client';
import { formatDateZh, shanghaiDate } from '../../domain/dates';
import { PageShell } from '../../components/PageShell';
import { ErrorPage, LoadingPage } from '../../components/StatusView';
import { useLoaded } from '../../hooks/use-loaded';
import './index.css';

type Issued = { code: string; who: string; expiresAt: number; deputy: boolean };

/**
 * Invite codes: staff invite the deputies of their station; the committee also invites the
 * staff of any station and the contacts of 承办单位. A code is used once and lapses after 30 days; a deputy has one live
 * code, so issuing another revokes the one given before.
 */
export default function InvitePage() {
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);

  // Staff invite their station's deputies; the committee also the staff of every station.
  const { state, reload } = useLoaded(async () => {
    const me = await call('account.me', {});
    const deputies = me.station ? (await call('stations.get', { stationId: me.station.id })).deputies : [];
    const stations = me.role === 'admin' ? (await call('stations.list', {})).items : [];
    const units = me.role === 'admin' ? (await call('suggestions.units', {})).units : [];
    return { me, deputies, stations, units };
  }, []);

  const issue = async (
    input: { role: 'deputy' | 'staff' | 'unit'; deputyId?: string; stationId?: string; unitId?: string },
    who: string,
  ) => {
    setError(null);
    setIssued(null);
    try {
      const result = await call('casework.issueInvite', input);
      setIssued({ code: result.code, who, expiresAt: result.expiresAt, deputy: input.role === 'deputy' });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (state.kind === 'loading') return <LoadingPage />;
  if (state.kind === 'error') return <ErrorPage message={state.message} onRetry={() => void reload()} />;
  const { me, deputies, stations, units } = state.data;
  return (
    <PageShell>
      {error && (
        <View className='notice notice--error' role='alert'>
          <Text className='notice__text'>{error}</Text>
        </View>
      )}
      {issued && (
        <View className='card invite-issued'>
          <Text className='card__label'>给 {issued.who} 的邀请码</Text>
          <Text className='invite-code'>{issued.code}</Text>
          <Text className='card__hint'>
            请当面或电话告知本人，在“我的”页面输入。{formatDateZh(shanghaiDate(issued.expiresAt))}前有效，只能使用一次。
            {issued.deputy ? '此前发给这位代表的邀请码（如有）随即作废。' : ''}
          </Text>
        </View>
      )}
      {deputies.length > 0 && (
        <View className='card'>
          <Text className='card__label'>邀请本站代表</Text>
          {deputies.map((d) => (
            <View
              key={d.id}
              className='option'
              role='button'
              data-deputy-id={d.id}
              onClick={() => void issue({ role: 'deputy', deputyId: d.id }, d.name)}
            >
              {d.name}（{d.title}）
            </View>
          ))}
        </View>
      )}
      {me.role === 'admin' && (
        <View className='card'>
          <Text className='card__label'>邀请联络站工作人员</Text>
          {stations.map((s) => (
            <View
              key={s.id}
              className='option'
              role='button'
              onClick={() => void issue({ role: 'staff', stationId: s.id }, `${s.name}工作人员`)}
            >
              {s.name}
            </View>
          ))}
        </View>
      )}
      {me.role === 'admin' && units.length > 0 && (
        <View className='card'>
          <Text className='card__label'>邀请承办单位联系人</Text>
          <Text className='card__hint'>联系人用邀请码认证后，可以办理交给本单位的代表建议。</Text>
          {units.map((u) => (
            <View
              key={u.id}
              className='option'
              role='button'
              data-unit-id={u.id}
              onClick={() => void issue({ role: 'unit', unitId: u.id }, `${u.name}联系人`)}
            >
              {u.name}
            </View>
          ))}
        </View>
      )}
    </PageShell>
  );
}
