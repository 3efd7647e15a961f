import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { PageShell } from '../../components/PageShell';
import { ErrorPage, LoadingPage } from '../../components/StatusView';
import { shanghaiDate } from '../../domain/dates';
import { SUGGESTION_STATUS_LABELS } from '../../domain/suggestion';
import { UNIT_ANSWER_MAX } from '../../domain/input-limits';
import type { SuggestionPermissions } from '../../domain/suggestion-views';
import { useLoaded } from '../../hooks/use-loaded';
import {
  AnswerForm,
  AssignForm,
  DeclineForm,
  ExtendForm,
  FeedbackForm,
  NoteForm,
  RuleReturnForm,
  type Act,
} from './ActionForms';
import { SuggestionDetail } from './SuggestionDetail';
import './suggestion.css';

/** The actions that open a form, in the order their buttons show, each with its button's words. */
type FormAction = Exclude<keyof SuggestionPermissions, 'edit' | 'cosign' | 'submit'>;
const FORM_BUTTONS: Array<[FormAction, string]> = [
  ['answer', '答复'],
  ['coView', '提出协办意见'],
  ['fulfil', '报告落实情况'],
  ['requestReturn', '申请退回'],
  ['feedback', '填写征询意见'],
  ['assign', '立案交办'],
  ['decline', '不予立案'],
  ['ruleReturn', '处理退回申请'],
  ['extend', '延长答复期限'],
  ['supervise', '重点督办'],
  ['withdraw', '撤回建议'],
];

/**
 * One 代表建议 for its deputies, the committee, station staff and its units: everything about it,
 * and a button for each thing the caller may do now (the server's `can`), each opening its form.
 * After an action the page shows the 建议 as the action answered it.
 */
export default function SuggestionPage() {
  const suggestionId = useRouter().params.id ?? '';
  const [open, setOpen] = useState<FormAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Reloaded on show: back from editing the draft.
  const { state, reload, set } = useLoaded(
    async () => {
      const [me, s] = await Promise.all([call('account.me', {}), call('suggestions.get', { suggestionId })]);
      // The unit register is needed only to hand it over.
      const units = s.can.assign || s.can.ruleReturn ? (await call('suggestions.units', {})).units : [];
      return { me, s, units };
    },
    [suggestionId],
    { onShow: true, pullDown: true },
  );

  const act: Act = async (done, action) => {
    setError(null);
    setBusy(true);
    try {
      const s = await action();
      set((shown) => ({ ...shown, s }));
      setOpen(null);
      void Taro.showToast({ title: done, icon: 'none' });
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败，请重试');
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    const { confirm } = await Taro.showModal({
      title: '提交代表建议',
      content: '提交后由人大工委在5个工作日内决定是否立案交办，不能再修改。确定提交吗？',
    });
    if (confirm) await act('已提交人大工委', () => call('suggestions.submit', { suggestionId }));
  };

  if (state.kind === 'loading') return <LoadingPage />;
  if (state.kind === 'error') return <ErrorPage message={state.message} onRetry={() => void reload()} />;
  const { me, s, units } = state.data;
  const can = s.can;
  const decides = me.role === 'admin' || me.role === 'staff';
  const today = shanghaiDate(Date.now());
  const forms = FORM_BUTTONS.filter(([action]) => can[action]);
  const formProps = { s, act, busy, today };
  return (
    <PageShell>
      <SuggestionDetail suggestion={s} decides={decides} />
      {error && (
        <View className='notice notice--error' role='alert'>
          <Text className='notice__text suggestion-error'>{error}</Text>
        </View>
      )}
      {(can.cosign || can.submit || can.edit || forms.length > 0) && (
        <View className='card suggestion-actions'>
          <Text className='card__label'>可以办理的事项</Text>
          {s.status === 'draft' && can.submit === false && can.edit && (
            <Text className='card__hint'>附议代表全部确认后才能提交。</Text>
          )}
          <View className='actions actions--wrap'>
            {can.cosign && (
              <Button
                className='btn btn--primary action-cosign'
                disabled={busy}
                onClick={() => void act('已确认附议', () => call('suggestions.cosign', { suggestionId }))}
              >
                确认附议
              </Button>
            )}
            {can.submit && (
              <Button className='btn btn--primary action-submit' disabled={busy} onClick={() => void submit()}>
                提交人大工委
              </Button>
            )}
            {can.edit && (
              <Button
                className='btn action-edit'
                disabled={busy}
                onClick={() => void Taro.navigateTo({ url: `/casework/suggestion-draft/index?id=${s.id}` })}
              >
                修改草稿
              </Button>
            )}
            {forms.map(([action, label]) => (
              <Button
                key={action}
                className={`btn ${open === action ? 'btn--primary' : ''} action-${action}`}
                disabled={busy}
                onClick={() => setOpen(open === action ? null : action)}
              >
                {label}
              </Button>
            ))}
          </View>
        </View>
      )}
      {open === 'answer' && <AnswerForm {...formProps} />}
      {open === 'feedback' && <FeedbackForm {...formProps} />}
      {open === 'assign' && <AssignForm {...formProps} units={units} />}
      {open === 'decline' && <DeclineForm {...formProps} />}
      {open === 'ruleReturn' && <RuleReturnForm {...formProps} units={units} />}
      {open === 'extend' && <ExtendForm {...formProps} />}
      {open === 'coView' && (
        <NoteForm
          {...formProps}
          name='co-view'
          title='协办意见'
          hint='写给主办单位，代表也会看到。'
          placeholder='本单位的意见和可以配合的工作（至少10个字）'
          send='提交协办意见'
          done='协办意见已提交'
          max={UNIT_ANSWER_MAX}
          action={(content) => call('suggestions.coView', { suggestionId, content })}
        />
      )}
      {open === 'fulfil' && (
        <NoteForm
          {...formProps}
          name='fulfil'
          title='落实情况'
          hint='B类答复列入计划的事项完成后，请报告落实情况。'
          placeholder='完成了什么、什么时候完成的'
          send='报告落实'
          done='落实情况已报告'
          action={(note) => call('suggestions.fulfil', { suggestionId, note })}
        />
      )}
      {open === 'requestReturn' && (
        <NoteForm
          {...formProps}
          name='request-return'
          title='申请退回'
          hint='不属于本单位职责的，可申请退回一次，由人大工委决定是否改交。退回期间答复期限照常计算。'
          placeholder='退回理由，以及建议由哪个单位办理'
          send='提交退回申请'
          done='退回申请已提交人大工委'
          action={(reason) => call('suggestions.requestReturn', { suggestionId, reason })}
        />
      )}
      {open === 'supervise' && (
        <NoteForm
          {...formProps}
          name='supervise'
          title='列为重点督办'
          placeholder='重点督办的理由'
          send='确认重点督办'
          done='已列为重点督办'
          action={(reason) => call('suggestions.supervise', { suggestionId, reason })}
        />
      )}
      {open === 'withdraw' && (
        <NoteForm
          {...formProps}
          name='withdraw'
          title='撤回建议'
          hint={`撤回后不再办理（当前：${SUGGESTION_STATUS_LABELS[s.status]}）。`}
          placeholder='撤回原因'
          send='确认撤回'
          done='建议已撤回'
          action={(reason) => call('suggestions.withdraw', { suggestionId, reason })}
        />
      )}
    </PageShell>
  );
}
