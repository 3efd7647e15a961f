import type { ChangeEvent, MouseEventHandler, ReactNode } from 'react';

/**
 * DOM stand-ins for the Taro components the pages use. They keep what a test can observe
 * (class, role, aria-*, data-*, text, clicks, values) and the Taro event shape `{ detail }`.
 */
type Common = {
  children?: ReactNode;
  className?: string;
  role?: string;
  onClick?: MouseEventHandler;
  [attribute: `data-${string}` | `aria-${string}`]: unknown;
};

/** className, role, onClick and every data-* / aria-* prop; everything Taro-only is dropped. */
function domProps(props: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props)) {
    if (['className', 'role', 'onClick'].includes(name) || name.startsWith('data-') || name.startsWith('aria-')) {
      kept[name] = value;
    }
  }
  return kept;
}

export function View(props: Common) {
  return <div {...domProps(props)}>{props.children}</div>;
}

export function ScrollView(props: Common) {
  return <div {...domProps(props)}>{props.children}</div>;
}

export function Text(props: Common) {
  return <span {...domProps(props)}>{props.children}</span>;
}

export function Button(props: Common & { disabled?: boolean }) {
  return (
    <button type='button' {...domProps(props)} disabled={props.disabled}>
      {props.children}
    </button>
  );
}

export function Input(
  props: Common & {
    value?: string;
    placeholder?: string;
    maxlength?: number;
    onInput?: (event: { detail: { value: string } }) => void;
  },
) {
  return (
    <input
      {...domProps(props)}
      value={props.value ?? ''}
      placeholder={props.placeholder}
      maxLength={props.maxlength}
      onChange={(e: ChangeEvent<HTMLInputElement>) => props.onInput?.({ detail: { value: e.target.value } })}
    />
  );
}

export function Textarea(
  props: Common & {
    value?: string;
    placeholder?: string;
    maxlength?: number;
    onInput?: (event: { detail: { value: string } }) => void;
  },
) {
  return (
    <textarea
      {...domProps(props)}
      value={props.value ?? ''}
      placeholder={props.placeholder}
      maxLength={props.maxlength}
      onChange={(e: ChangeEvent<HTMLTextAreaElement>) => props.onInput?.({ detail: { value: e.target.value } })}
    />
  );
}

export function Switch(
  props: Common & { checked?: boolean; onChange?: (event: { detail: { value: boolean } }) => void },
) {
  return (
    <input
      type='checkbox'
      role='switch'
      {...domProps(props)}
      checked={props.checked ?? false}
      onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange?.({ detail: { value: e.target.checked } })}
    />
  );
}

/** A date Picker as a date input (named by its aria-label) beside what the page shows in it. */
export function Picker(
  props: Common & {
    mode?: string;
    value?: string;
    start?: string;
    end?: string;
    onChange?: (event: { detail: { value: string } }) => void;
  },
) {
  const { ['aria-label']: label, ...rest } = props;
  return (
    <div {...domProps(rest)}>
      {props.children}
      <input
        type='date'
        aria-label={label as string | undefined}
        value={props.value ?? ''}
        min={props.start}
        max={props.end}
        onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange?.({ detail: { value: e.target.value } })}
      />
    </div>
  );
}
