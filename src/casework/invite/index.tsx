import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { formatDateZh, shanghaiDate } from '../../domain/dates';
import type { PublicDeputy } from '../../domain/station';
import type { MeView, StationSummary } from '../../domain/views';
import { PageShell } from '../../components/PageShell';
import { ErrorState, Loading } from '../../components/StatusView';

type Issued = { code: string; who: string; expiresAt: number; deputy: boolean };

/**
 * Invite codes: staff invite the deputies of their station; the committee also invites the
 * staff of any station. A code is used once and lapses after 30 days; a deputy has one live
 * code, so issuing another revokes the one given before.
 */
export default function InvitePage() {
  const [me, setMe] = useState<MeView | null>(null);
  const [deputies, setDeputies] = useState<PublicDeputy[]>([]);
  const [stations, setStations] = useState<StationSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);

  const load = async () => {
    setError(null);
    try {
      const who = await call('account.me', {});
      setMe(who);
      if (who.station) setDeputies((await call('stations.get', { stationId: who.station.id })).deputies);
      if (who.role === 'admin') setStations((await call('stations.list', {})).items);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const issue = async (input: { role: 'deputy' | 'staff'; deputyId?: string; stationId?: string }, who: string) => {
    setError(null);
    setIssued(null);
    try {
      const result = await call('casework.issueInvite', input);
      setIssued({ code: result.code, who, expiresAt: result.expiresAt, deputy: input.role === 'deputy' });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!me && !error) {
    return (
      <PageShell>
        <Loading />
      </PageShell>
    );
  }
  return (
    <PageShell>
      {error && <ErrorState message={error} onRetry={() => void load()} />}
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
      {me?.role === 'admin' && (
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
    </PageShell>
  );
}
