import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import { LOCAL_DATE_LENGTH } from '../../domain/dates';
import { acceptsMerges } from '../../domain/opinion';
import type { PublicDeputy } from '../../domain/station';
import type { OpinionSummary, OpinionView } from '../../domain/views';
import { OpinionDetail } from '../../components/OpinionDetail';
import { PageShell } from '../../components/PageShell';
import { ErrorPage, LoadingPage } from '../../components/StatusView';
import { useOpinion } from '../../hooks/use-opinion';
import { REPLY_MAX, UNIT_MAX } from '../../domain/input-limits';
import { CITABLE_STATUSES } from '../suggestion/citable';

/** A case for its deputy or the station's staff: the opinion, and the actions its state allows them. */
export default function CasePage() {
  const opinionId = useRouter().params.id ?? '';
  const [text, setText] = useState('');
  const [unit, setUnit] = useState('');
  const [expectedDate, setExpectedDate] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [deputies, setDeputies] = useState<PublicDeputy[]>([]);
  const [choosingDuplicate, setChoosingDuplicate] = useState(false);
  const [others, setOthers] = useState<OpinionSummary[]>([]);
  const [myDeputyId, setMyDeputyId] = useState<string | null>(null);

  /** Staff pick the opinion of the same station this one repeats. */
  const chooseDuplicateOf = async () => {
    try {
      setOthers((await call('casework.inbox', { filter: 'all', limit: 50 })).items);
      setChoosingDuplicate(true);
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };

  // Staff choose among the station's deputies; the list is public station information. The
  // deputy it is routed to may turn it into a 建议: who is looking is asked only then.
  const { state, busy, reload, run } = useOpinion(opinionId, async (opinion) => {
    if (opinion.can.assign) setDeputies((await call('stations.get', { stationId: opinion.station.id })).deputies);
    if (opinion.assignedDeputy && CITABLE_STATUSES.includes(opinion.status)) {
      setMyDeputyId((await call('account.me', {})).deputy?.id ?? null);
    }
  });

  const act = async (done: string, action: () => Promise<OpinionView>) => {
    setMessage(null);
    const error = await run(action);
    if (error) {
      setMessage({ ok: false, text: error });
      return;
    }
    setText('');
    setMessage({ ok: true, text: done });
  };

  if (state.kind === 'loading') {
    return <LoadingPage />;
  }
  if (state.kind === 'error') {
    return <ErrorPage message={state.message} onRetry={() => void reload()} />;
  }
  const o = state.data;
  const can = o.can;
  // The committee's list holds every station's opinions: a duplicate merges only within its own station.
  const candidates = others.filter((c) => c.id !== o.id && c.stationName === o.station.name && acceptsMerges(c.status));
  const anyText = can.reply || can.resolve || can.reject || can.note || can.close;
  return (
    <PageShell>
      <OpinionDetail opinion={o} />
      {message && (
        <View className={`notice ${message.ok ? 'notice--ok' : 'notice--error'}`}>
          <Text className='notice__text case-message'>{message.text}</Text>
        </View>
      )}
      {anyText && (
        <View className='card'>
          <Text className='card__label'>{can.reply ? '答复选民' : can.resolve ? '确认办结' : '办理说明'}</Text>
          <Textarea
            className='textarea case-text'
            value={text}
            maxlength={REPLY_MAX}
            placeholder={can.reply ? '正式答复，选民会看到' : '写明办结情况或理由'}
            onInput={(e) => setText(e.detail.value)}
          />
          <View className='actions actions--wrap'>
            {can.reply && (
              <Button
                className='btn btn--primary reply-button'
                disabled={busy || !text.trim()}
                onClick={() =>
                  void act('答复已发送给选民', () => call('casework.reply', { opinionId, content: text.trim() }))
                }
              >
                发送答复
              </Button>
            )}
            {can.resolve && (
              <Button
                className='btn btn--primary resolve-button'
                disabled={busy || !text.trim()}
                onClick={() => void act('已确认办结', () => call('casework.resolve', { opinionId, note: text.trim() }))}
              >
                确认已办结
              </Button>
            )}
            {can.close && (
              <Button
                className='btn'
                disabled={busy || !text.trim()}
                onClick={() => void act('已复核结案', () => call('casework.close', { opinionId, note: text.trim() }))}
              >
                复核后结案
              </Button>
            )}
            {can.reject && (
              <Button
                className='btn'
                disabled={busy || !text.trim()}
                onClick={() =>
                  void act('已告知选民不予受理', () =>
                    call('casework.reject', { opinionId, kind: 'out_of_remit', reason: text.trim() }),
                  )
                }
              >
                不予受理
              </Button>
            )}
            {can.reject && (
              <Button className='btn' disabled={busy || !text.trim()} onClick={() => void chooseDuplicateOf()}>
                重复意见，合并办理
              </Button>
            )}
            {can.note && (
              <Button
                className='btn note-button'
                disabled={busy || !text.trim()}
                onClick={() =>
                  void act('内部备注已保存', () => call('casework.note', { opinionId, text: text.trim() }))
                }
              >
                仅记内部备注
              </Button>
            )}
          </View>
        </View>
      )}
      {choosingDuplicate && (
        <View className='card'>
          <Text className='card__label'>与哪一条意见重复？</Text>
          <Text className='card__hint'>选中后本条不再单独办理，选民会看到合并到的编号和理由。</Text>
          {candidates.length === 0 && <Text className='card__line'>本站暂无可合并的其他意见</Text>}
          {candidates.map((c) => (
            <View
              key={c.id}
              className='option'
              role='button'
              data-merge-into={c.id}
              onClick={() =>
                void act('已合并，选民会看到理由', () =>
                  call('casework.reject', { opinionId, kind: 'duplicate', reason: text.trim(), mergedInto: c.id }),
                ).then(() => setChoosingDuplicate(false))
              }
            >
              编号 {c.shortId} · {c.categoryLabel} · {c.excerpt}
            </View>
          ))}
        </View>
      )}
      {can.transfer && (
        <View className='card'>
          <Text className='card__label'>转交承办单位</Text>
          <Input
            className='input'
            value={unit}
            maxlength={UNIT_MAX}
            placeholder='承办单位，如 县交通运输局'
            onInput={(e) => setUnit(e.detail.value)}
          />
          <Input
            className='input'
            value={expectedDate}
            maxlength={LOCAL_DATE_LENGTH}
            placeholder='预计办结日期，如 2027-01-15'
            onInput={(e) => setExpectedDate(e.detail.value)}
          />
          <Button
            className='btn btn--block'
            disabled={busy || !unit.trim() || !expectedDate.trim()}
            onClick={() =>
              void act('已转交，选民会看到承办单位', () =>
                call('casework.transfer', { opinionId, unit: unit.trim(), expectedDate: expectedDate.trim() }),
              )
            }
          >
            转交办理
          </Button>
        </View>
      )}
      {myDeputyId !== null && o.assignedDeputy?.id === myDeputyId && CITABLE_STATUSES.includes(o.status) && (
        <View className='card'>
          <Text className='card__label'>代表建议</Text>
          <Text className='card__hint'>需要有关部门办理的，可以据此起草代表建议，交人大工委交办承办单位。</Text>
          <Button
            className='btn btn--block form-suggestion'
            onClick={() => void Taro.navigateTo({ url: `/casework/suggestion-draft/index?opinionId=${o.id}` })}
          >
            形成代表建议
          </Button>
        </View>
      )}
      {(can.assign || can.release) && (
        <View className='card'>
          <Text className='card__label'>分派</Text>
          {o.routingReason && <Text className='card__hint'>系统建议：{o.routingReason}</Text>}
          {can.release && (
            <Button
              className='btn btn--primary btn--block'
              disabled={busy}
              onClick={() => void act('审核通过，已分派', () => call('casework.release', { opinionId }))}
            >
              审核通过并分派
            </Button>
          )}
          {can.assign && (
            <Button
              className='btn btn--block assign-button'
              disabled={busy}
              onClick={() => void act('已重新分派', () => call('casework.assign', { opinionId }))}
            >
              按规则{o.assignedDeputy ? '改派其他代表' : '分派给代表'}
            </Button>
          )}
          {can.assign &&
            deputies
              .filter((d) => d.id !== o.assignedDeputy?.id)
              .map((d) => (
                <View
                  key={d.id}
                  className='option'
                  role='button'
                  data-deputy-id={d.id}
                  onClick={() =>
                    void act(`已改派给${d.name}`, () => call('casework.assign', { opinionId, deputyId: d.id }))
                  }
                >
                  指定 {d.name}（{d.title}）
                </View>
              ))}
        </View>
      )}
    </PageShell>
  );
}
