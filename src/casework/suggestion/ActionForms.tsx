import { Button, Text, Textarea, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { call } from '../../api/client';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { DatePickerField } from '../DatePickerField';
import { SatisfactionChoice } from '../../components/SatisfactionChoice';
import { addDays, addMonths, formatDateZh, type LocalDate } from '../../domain/dates';
import type { Satisfaction } from '../../domain/opinion';
import {
  ANSWER_CLASS_LABELS,
  DECLINE_GROUND_LABELS,
  type AnswerClass,
  type DeclineGround,
  type HandlingUnit,
} from '../../domain/suggestion';
import { latestExtendedDueDate } from '../../domain/suggestion-deadlines';
import { MAX_CO_UNITS, SUGGESTION_NOTE_MAX, UNIT_ANSWER_MAX } from '../../domain/input-limits';
import type { SuggestionView } from '../../domain/suggestion-views';
import '../form-fields.css';

/** Runs an action and shows its answer; resolves true when it succeeded. */
export type Act = (done: string, action: () => Promise<SuggestionView>) => Promise<boolean>;

interface FormProps {
  s: SuggestionView;
  act: Act;
  busy: boolean;
  /** The phone's today, for the date wheels' defaults; the server checks every date itself. */
  today: LocalDate;
}

/** A form's frame: its title, what it needs, and the one button that sends it. */
function Form(props: {
  name: string;
  title: string;
  children: ReactNode;
  send: string;
  ready: boolean;
  busy: boolean;
  onSend: () => void;
}) {
  return (
    <View className={`card suggestion-form form-${props.name}`}>
      <Text className='card__label'>{props.title}</Text>
      {props.children}
      <Button
        className={`btn btn--primary btn--block send-${props.name}`}
        disabled={props.busy || !props.ready}
        onClick={props.onSend}
      >
        {props.send}
      </Button>
    </View>
  );
}

/** A text of at most `max` characters, with its count. */
function Note(props: {
  value: string;
  onChange: (v: string) => void;
  max: number;
  placeholder: string;
  tall?: boolean;
}) {
  return (
    <>
      <Textarea
        className={`textarea ${props.tall ? '' : 'textarea--short'} form-text`}
        value={props.value}
        maxlength={props.max}
        placeholder={props.placeholder}
        onInput={(e) => props.onChange(e.detail.value)}
      />
      <Text className='card__hint suggestion-counter'>
        {props.value.trim().length}/{props.max} 字
      </Text>
    </>
  );
}

/** A reason or note and one button: withdraw, requestReturn, supervise, fulfil, coView. */
export function NoteForm(
  props: FormProps & {
    name: string;
    title: string;
    hint?: string;
    placeholder: string;
    send: string;
    done: string;
    max?: number;
    action: (text: string) => Promise<SuggestionView>;
  },
) {
  const [text, setText] = useState('');
  return (
    <Form
      name={props.name}
      title={props.title}
      send={props.send}
      ready={text.trim().length > 0}
      busy={props.busy}
      onSend={() => void props.act(props.done, () => props.action(text.trim()))}
    >
      {props.hint && <Text className='card__hint'>{props.hint}</Text>}
      <Note
        value={text}
        onChange={setText}
        max={props.max ?? SUGGESTION_NOTE_MAX}
        placeholder={props.placeholder}
        tall={props.max !== undefined}
      />
    </Form>
  );
}

const GROUNDS = (Object.keys(DECLINE_GROUND_LABELS) as DeclineGround[]).map((id) => ({
  id,
  label: DECLINE_GROUND_LABELS[id],
}));

/** 不予立案: one of the grounds of local rules, and a note the deputies read. */
export function DeclineForm(props: FormProps) {
  const [ground, setGround] = useState<DeclineGround | null>(null);
  const [note, setNote] = useState('');
  return (
    <Form
      name='decline'
      title='不予立案'
      send='确认不予立案'
      ready={ground !== null && note.trim().length > 0}
      busy={props.busy}
      onSend={() =>
        ground &&
        void props.act('已不予立案，代表会收到通知', () =>
          call('suggestions.decline', { suggestionId: props.s.id, ground, note: note.trim() }),
        )
      }
    >
      <ChoiceGroup choices={GROUNDS} value={ground} onChange={setGround} label='不予立案的理由' kind='ground' />
      <Note value={note} onChange={setNote} max={SUGGESTION_NOTE_MAX} placeholder='向代表说明理由' />
    </Form>
  );
}

/** One 主办 unit and any 协办 units (not the 主办), as large choices. */
function UnitPicker(props: {
  units: HandlingUnit[];
  lead: string | null;
  co: string[];
  onLead: (id: string) => void;
  onCo: (ids: string[]) => void;
}) {
  const choices = props.units.map((u) => ({ id: u.id, label: u.name }));
  return (
    <>
      <Text className='field-label'>主办单位（选一个）</Text>
      <ChoiceGroup
        choices={choices}
        value={props.lead}
        onChange={(id) => {
          props.onLead(id);
          props.onCo(props.co.filter((x) => x !== id));
        }}
        label='主办单位'
        kind='lead-unit'
      />
      <Text className='field-label'>协办单位（可多选，最多{MAX_CO_UNITS}个）</Text>
      <View className='options'>
        {props.units
          .filter((u) => u.id !== props.lead)
          .map((u) => {
            const on = props.co.includes(u.id);
            return (
              <View
                key={u.id}
                className={`option option--inline ${on ? 'option--on' : ''}`}
                role='checkbox'
                aria-checked={on}
                data-co-unit={u.id}
                onClick={() =>
                  props.onCo(
                    on
                      ? props.co.filter((x) => x !== u.id)
                      : props.co.length < MAX_CO_UNITS
                        ? [...props.co, u.id]
                        : props.co,
                  )
                }
              >
                {on ? '✓ ' : ''}
                {u.name}
              </View>
            );
          })}
      </View>
    </>
  );
}

/** 立案 and 交办: one 主办 and any 协办 units; the 3 months start that day. */
export function AssignForm(props: FormProps & { units: HandlingUnit[] }) {
  const [lead, setLead] = useState<string | null>(null);
  const [co, setCo] = useState<string[]>([]);
  return (
    <Form
      name='assign'
      title='立案交办'
      send='立案并交办'
      ready={lead !== null}
      busy={props.busy}
      onSend={() =>
        lead &&
        void props.act('已立案交办，承办单位会收到通知', () =>
          call('suggestions.assign', { suggestionId: props.s.id, leadUnitId: lead, coUnitIds: co }),
        )
      }
    >
      <Text className='card__hint'>主办单位应在交办之日起3个月内答复，协办单位1个月内向主办单位提出协办意见。</Text>
      <UnitPicker units={props.units} lead={lead} co={co} onLead={setLead} onCo={setCo} />
    </Form>
  );
}

const RULINGS = [
  { id: 'reassign' as const, label: '同意改交' },
  { id: 'refuse' as const, label: '不同意退回' },
];

/** The committee's ruling on a 退回: hand it to other units, or keep it where it is, with a note. */
export function RuleReturnForm(props: FormProps & { units: HandlingUnit[] }) {
  const [decision, setDecision] = useState<'reassign' | 'refuse' | null>(null);
  const [lead, setLead] = useState<string | null>(null);
  const [co, setCo] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const ready = decision !== null && note.trim().length > 0 && (decision === 'refuse' || lead !== null);
  return (
    <Form
      name='rule-return'
      title='处理退回申请'
      send='确认'
      ready={ready}
      busy={props.busy}
      onSend={() =>
        decision &&
        void props.act(decision === 'reassign' ? '已改交新的承办单位' : '已不同意退回，原单位继续办理', () =>
          call('suggestions.ruleReturn', {
            suggestionId: props.s.id,
            decision,
            note: note.trim(),
            ...(decision === 'reassign' && lead ? { leadUnitId: lead, coUnitIds: co } : { coUnitIds: [] }),
          }),
        )
      }
    >
      <ChoiceGroup choices={RULINGS} value={decision} onChange={setDecision} label='是否同意退回' kind='ruling' />
      {decision === 'reassign' && (
        <UnitPicker
          units={props.units.filter((u) => u.id !== props.s.assignment?.leadUnit.id)}
          lead={lead}
          co={co}
          onLead={setLead}
          onCo={setCo}
        />
      )}
      <Note value={note} onChange={setNote} max={SUGGESTION_NOTE_MAX} placeholder='说明（承办单位会看到）' />
    </Form>
  );
}

/** 延期: a later due date, at most 6 months after 交办, with a reason. */
export function ExtendForm(props: FormProps) {
  const a = props.s.assignment;
  const latest = a ? latestExtendedDueDate(a.assignedOn) : props.today;
  const current = a?.extension?.dueDate ?? a?.dueDate ?? props.today;
  const [dueDate, setDueDate] = useState<LocalDate>(latest);
  const [reason, setReason] = useState('');
  return (
    <Form
      name='extend'
      title='延长答复期限'
      send='确认延期'
      ready={reason.trim().length > 0}
      busy={props.busy}
      onSend={() =>
        void props.act('已延期，承办单位会收到通知', () =>
          call('suggestions.extend', { suggestionId: props.s.id, dueDate, reason: reason.trim() }),
        )
      }
    >
      <Text className='card__hint'>最长可延至交办之日起6个月，即{formatDateZh(latest)}。</Text>
      <DatePickerField
        label='延期至'
        value={dueDate}
        start={addDays(current, 1)}
        end={latest}
        field='extend'
        onChange={setDueDate}
      />
      <Note value={reason} onChange={setReason} max={SUGGESTION_NOTE_MAX} placeholder='延期理由' />
    </Form>
  );
}

const CLASSES = (['A', 'B', 'C'] as const).map((id) => ({ id, label: ANSWER_CLASS_LABELS[id] }));

/** 答复: its class, for B the planned date, and the answer itself. */
export function AnswerForm(props: FormProps) {
  const [answerClass, setAnswerClass] = useState<AnswerClass | null>(null);
  const [plannedDate, setPlannedDate] = useState<LocalDate>(addMonths(props.today, 6));
  const [content, setContent] = useState('');
  const again = props.s.status === 'redo';
  return (
    <Form
      name='answer'
      title={again ? '再次答复（代表不满意）' : '答复代表建议'}
      send='提交答复'
      ready={answerClass !== null && content.trim().length > 0}
      busy={props.busy}
      onSend={() =>
        answerClass &&
        void props.act('答复已提交，代表和提出意见的群众会看到', () =>
          call('suggestions.answer', {
            suggestionId: props.s.id,
            answerClass,
            content: content.trim(),
            ...(answerClass === 'B' ? { plannedDate } : {}),
          }),
        )
      }
    >
      <Text className='field-label'>答复类别</Text>
      <ChoiceGroup
        choices={CLASSES}
        value={answerClass}
        onChange={setAnswerClass}
        label='答复类别'
        kind='answer-class'
      />
      {answerClass === 'B' && (
        <DatePickerField
          label='计划完成'
          value={plannedDate}
          start={props.today}
          field='planned'
          onChange={setPlannedDate}
        />
      )}
      {answerClass === 'C' && <Text className='card__hint'>请在答复中说明受哪些条件限制、今后如何处理。</Text>}
      <Text className='field-label'>答复内容（至少20个字）</Text>
      <Note value={content} onChange={setContent} max={UNIT_ANSWER_MAX} placeholder='办理情况和结果' tall />
    </Form>
  );
}

/** 征询意见: the 领衔 deputy's 满意 / 基本满意 / 不满意; 不满意 says what was wrong and sends it back. */
export function FeedbackForm(props: FormProps) {
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const needsComment = satisfaction === 'dissatisfied';
  return (
    <Form
      name='feedback'
      title='对答复的意见'
      send='提交意见'
      ready={satisfaction !== null && (!needsComment || comment.trim().length > 0)}
      busy={props.busy}
      onSend={() =>
        satisfaction &&
        void props.act(needsComment ? '已退回承办单位再办' : '意见已提交，建议办结', () =>
          call('suggestions.feedback', {
            suggestionId: props.s.id,
            satisfaction,
            ...(comment.trim() ? { comment: comment.trim() } : {}),
          }),
        )
      }
    >
      <SatisfactionChoice value={satisfaction} onChange={setSatisfaction} label='对答复的意见' />
      {needsComment && <Text className='card__hint'>选择不满意，承办单位须在1个月内再次答复。请写明哪里不满意。</Text>}
      <Note
        value={comment}
        onChange={setComment}
        max={SUGGESTION_NOTE_MAX}
        placeholder={needsComment ? '哪里不满意（必填）' : '还想说点什么（可不填）'}
      />
    </Form>
  );
}
