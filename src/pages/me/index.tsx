import { Button, Input, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { DevCallerSwitcher } from '../../components/DevCallerSwitcher';
import { PageShell } from '../../components/PageShell';
import { ErrorState, Loading } from '../../components/StatusView';
import { INVITE_CODE_INPUT_MAX } from '../../domain/invites';
import { useLoaded } from '../../hooks/use-loaded';
import { setLargeFont, useLargeFont } from '../../settings/large-font';
import { showUnreadBadge } from '../../platform/badge';

/**
 * 我的: who the app takes the caller to be (a 承办单位 contact: their unit and its box; a deputy,
 * staff or the committee: their boxes, 履职活动 and, for a deputy, their 履职档案), 大字模式,
 * redeeming an invite code and, for a voter, erasing their personal data; the committee also sees what is due (next year's holiday arrangement) with a link to do it.
 */
export default function MePage() {
  const [code, setCode] = useState('');
  const [redeemMessage, setRedeemMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const large = useLargeFont();

  // Reloaded on show: the unread count and the reminders change while the caller is elsewhere.
  const { state, reload, set } = useLoaded(
    async () => {
      const me = await call('account.me', {});
      showUnreadBadge(me.unreadMessages);
      return me;
    },
    [],
    { onShow: true },
  );

  const redeem = async () => {
    setRedeemMessage(null);
    try {
      const me = await call('account.redeemInvite', { code });
      set(me);
      setCode('');
      setRedeemMessage({ ok: true, text: `已确认身份：${me.roleLabel}` });
    } catch (error) {
      setRedeemMessage({ ok: false, text: error instanceof ApiError ? error.message : '操作失败，请重试' });
    }
  };

  const [eraseMessage, setEraseMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Asked first in plain words: the opinions stay, but nobody can reach the voter about them any more.
  const eraseAccount = async () => {
    setEraseMessage(null);
    const { confirm } = await Taro.showModal({
      title: '删除我的个人信息',
      content:
        '将删除您所有意见里的姓名和电话，以及关注、消息和选区。意见内容会留作统计，但您以后在“我的意见”里看不到它们，也收不到办理结果。确定删除吗？',
      confirmText: '删除',
      confirmColor: '#8e1414',
      cancelText: '不删了',
    });
    if (!confirm) return;
    try {
      await call('account.erase', {});
      setEraseMessage({ ok: true, text: '已删除您的个人信息。' });
      void reload();
    } catch (error) {
      setEraseMessage({ ok: false, text: error instanceof ApiError ? error.message : '操作失败，请重试' });
    }
  };

  return (
    <PageShell>
      <DevCallerSwitcher onChange={() => void reload()} />
      {state.kind === 'ready' &&
        state.data.reminders?.map((r) => (
          <View className='notice reminder' role='alert' key={`${r.kind}-${r.year}`} data-reminder={r.kind}>
            <View className='reminder__body'>
              <Text className='reminder__title'>请录入{r.year}年节假日安排</Text>
              <Text className='notice__text'>
                {r.year}年的放假安排还没有录入，这一年的接待日显示“待公布”。国务院办公厅通知发布后请尽快录入。
              </Text>
              <Button
                className='btn btn--primary btn--block reminder__action'
                onClick={() => void Taro.navigateTo({ url: '/casework/holidays/index' })}
              >
                去录入
              </Button>
            </View>
          </View>
        ))}
      <View className='card'>
        <Text className='card__label'>我的身份</Text>
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'error' && <ErrorState message={state.message} onRetry={() => void reload()} />}
        {state.kind === 'ready' && (
          <View className='me'>
            <Text className='me__role' data-role={state.data.role}>
              {state.data.roleLabel}
            </Text>
            {state.data.displayName && state.data.displayName !== state.data.unit?.name && (
              <Text className='card__line'>{state.data.displayName}</Text>
            )}
            {state.data.station && <Text className='card__line'>所属：{state.data.station.name}</Text>}
            {state.data.role === 'deputy' && (
              <Button
                className='btn btn--primary btn--block inbox-entry'
                onClick={() => void Taro.navigateTo({ url: '/casework/inbox/index' })}
              >
                我的待办意见
              </Button>
            )}
            {(state.data.role === 'staff' || state.data.role === 'admin') && (
              <Button
                className='btn btn--primary btn--block inbox-entry'
                onClick={() => void Taro.navigateTo({ url: '/casework/inbox/index' })}
              >
                {state.data.role === 'staff' ? '本站意见办理' : '各站意见办理'}
              </Button>
            )}
            {(state.data.role === 'deputy' || state.data.role === 'staff' || state.data.role === 'admin') && (
              <Button
                className='btn btn--block suggestions-entry'
                onClick={() => void Taro.navigateTo({ url: '/casework/suggestions/index' })}
              >
                代表建议
              </Button>
            )}
            {(state.data.role === 'deputy' || state.data.role === 'staff' || state.data.role === 'admin') && (
              <Button
                className='btn btn--block activities-entry'
                onClick={() => void Taro.navigateTo({ url: '/casework/activities/index' })}
              >
                履职活动
              </Button>
            )}
            {state.data.role === 'deputy' && (
              <Button
                className='btn btn--block deputy-record-entry'
                onClick={() => void Taro.navigateTo({ url: '/casework/deputy-record/index' })}
              >
                我的履职档案
              </Button>
            )}
            {state.data.role === 'unit' && (
              <>
                <Text className='card__line unit-name'>承办单位：{state.data.unit?.name ?? ''}</Text>
                <Button
                  className='btn btn--primary btn--block suggestions-entry'
                  onClick={() => void Taro.navigateTo({ url: '/casework/suggestions/index' })}
                >
                  待办建议
                </Button>
              </>
            )}
            {state.data.role !== 'voter' && state.data.role !== 'unit' && (
              <Button
                className='btn btn--block figures-entry'
                onClick={() => void Taro.navigateTo({ url: '/casework/dashboard/index' })}
              >
                办理统计
              </Button>
            )}
            {state.data.role === 'admin' && (
              <Button
                className='btn btn--block holidays-entry'
                onClick={() => void Taro.navigateTo({ url: '/casework/holidays/index' })}
              >
                节假日安排
              </Button>
            )}
            {state.data.role === 'voter' && (
              <Text className='card__hint'>选民可查看联络站和接待日，向代表反映意见建议。</Text>
            )}
          </View>
        )}
      </View>

      <Button
        className='btn btn--block messages-entry'
        onClick={() => void Taro.navigateTo({ url: '/pages/messages/index' })}
      >
        {state.kind === 'ready' && state.data.unreadMessages > 0
          ? `消息（${state.data.unreadMessages}条未读）`
          : '消息'}
      </Button>

      <Button
        className='btn btn--block evaluations-entry'
        onClick={() => void Taro.navigateTo({ url: '/pages/evaluations/index' })}
      >
        代表述职评议
      </Button>

      <View className='card'>
        <View className='setting'>
          <View className='setting__text'>
            <Text className='setting__title'>大字模式</Text>
            <Text className='card__hint'>放大全部文字，方便阅读</Text>
          </View>
          <Switch checked={large} onChange={(e) => setLargeFont(Boolean(e.detail.value))} aria-label='大字模式' />
        </View>
      </View>

      {state.kind === 'ready' && state.data.role === 'voter' && (
        <View className='card'>
          <Text className='card__label'>代表、工作人员或承办单位认证</Text>
          <Text className='card__hint'>请输入联络站或人大工委发给您的 8 位邀请码。</Text>
          <Input
            className='input invite-input'
            value={code}
            maxlength={INVITE_CODE_INPUT_MAX}
            placeholder='例如 ABCD2345'
            onInput={(e) => setCode(e.detail.value)}
          />
          <Button className='btn btn--primary' disabled={code.trim().length === 0} onClick={() => void redeem()}>
            确认身份
          </Button>
          {redeemMessage && (
            <Text className={`form-message ${redeemMessage.ok ? 'form-message--ok' : 'form-message--error'}`}>
              {redeemMessage.text}
            </Text>
          )}
        </View>
      )}

      {state.kind === 'ready' && state.data.role === 'voter' && (
        <View className='card'>
          <Text className='card__label'>我的个人信息</Text>
          <Text className='card__hint'>
            可以删除您留下的姓名、电话和关注、消息等记录。只删某一条意见的电话，请到“我的意见”里打开那条意见。
          </Text>
          <Button className='btn btn--block erase-account-button' onClick={() => void eraseAccount()}>
            删除我的个人信息
          </Button>
          {eraseMessage && (
            <Text className={`form-message ${eraseMessage.ok ? 'form-message--ok' : 'form-message--error'}`}>
              {eraseMessage.text}
            </Text>
          )}
        </View>
      )}
    </PageShell>
  );
}
