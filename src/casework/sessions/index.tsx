import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { formatDateZh, LOCAL_DATE_LENGTH } from '../../domain/dates';
import { PageShell } from '../../components/PageShell';
import { SessionLine } from '../../components/SessionLine';
import { ErrorPage, LoadingPage } from '../../components/StatusView';
import { SESSION_REASON_MAX, SESSION_THEME_MAX } from '../../domain/input-limits';
import { useLoaded } from '../../hooks/use-loaded';

/** Staff set the theme of a coming session, or cancel or move it with a reason followers are told. */
export default function SessionsPage() {
  const [editing, setEditing] = useState<string | null>(null);
  const [theme, setTheme] = useState('');
  const [reason, setReason] = useState('');
  const [movedTo, setMovedTo] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const { state, reload } = useLoaded(async () => {
    const me = await call('account.me', {});
    if (!me.station) throw new ApiError('FORBIDDEN', '您还没有所属的联络站');
    return call('stations.get', { stationId: me.station.id });
  }, []);
  const station = state.kind === 'ready' ? state.data : null;

  const save = async (
    month: string,
    change: { theme?: string; cancelled?: boolean; movedTo?: string },
    done: string,
  ) => {
    if (!station) return;
    setMessage(null);
    try {
      await call('stations.setSession', {
        stationId: station.id,
        month,
        ...change,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setMessage({ ok: true, text: done });
      setEditing(null);
      setTheme('');
      setReason('');
      setMovedTo('');
      await reload();
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };

  if (state.kind === 'error') {
    return <ErrorPage message={state.message} onRetry={() => void reload()} />;
  }
  if (!station) {
    return <LoadingPage />;
  }
  return (
    <PageShell>
      <View className='hero'>
        <Text className='hero__title'>{station.name}</Text>
      </View>
      {message && (
        <View className={`notice ${message.ok ? 'notice--ok' : 'notice--error'}`}>
          <Text className='notice__text'>{message.text}</Text>
        </View>
      )}
      {station.sessions.map((s) => {
        // The session's own month, not its date's: a session moved into the next month is still this one.
        const month = s.month;
        return (
          <View className='card' key={`${s.date}-${s.status}`}>
            <SessionLine session={s} showDeputies />
            {editing === month ? (
              <View>
                <Input
                  className='input'
                  value={theme}
                  maxlength={SESSION_THEME_MAX}
                  placeholder='本次主题，如 剿劣治水'
                  onInput={(e) => setTheme(e.detail.value)}
                />
                <Input
                  className='input'
                  value={reason}
                  maxlength={SESSION_REASON_MAX}
                  placeholder='取消或改期的原因（选民会收到）'
                  onInput={(e) => setReason(e.detail.value)}
                />
                <Input
                  className='input'
                  value={movedTo}
                  maxlength={LOCAL_DATE_LENGTH}
                  placeholder='改到哪天，如 2027-01-12'
                  onInput={(e) => setMovedTo(e.detail.value)}
                />
                <View className='actions actions--wrap'>
                  <Button
                    className='btn btn--primary'
                    disabled={!theme.trim()}
                    onClick={() => void save(month, { theme: theme.trim() }, '主题已保存')}
                  >
                    保存主题
                  </Button>
                  <Button
                    className='btn'
                    disabled={!movedTo.trim()}
                    onClick={() => void save(month, { movedTo: movedTo.trim() }, `已改期，并通知关注的选民`)}
                  >
                    改期
                  </Button>
                  <Button
                    className='btn'
                    onClick={() =>
                      void save(month, { cancelled: true }, `${formatDateZh(s.date)}的接待已暂停，并通知关注的选民`)
                    }
                  >
                    暂停本次
                  </Button>
                </View>
              </View>
            ) : (
              s.status !== 'cancelled' && (
                <Button className='btn btn--small' onClick={() => setEditing(month)}>
                  调整
                </Button>
              )
            )}
          </View>
        );
      })}
    </PageShell>
  );
}
