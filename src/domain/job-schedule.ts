import { mondayOf, shanghaiDate, shanghaiHour } from './dates';

/** The scheduler's jobs that run once per slot (the outbox is sent on every run instead). */
export type SlottedJob = 'deadlines' | 'sessions' | 'digest' | 'files' | 'retention' | 'suggestions' | 'counters';

/** A job due at a run: a slotted job with the slot it would claim, or the outbox (nothing to claim). */
export type DueJob = { job: SlottedJob; slot: string } | { job: 'outbox'; slot: null };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Where each slot begins, as an offset into its hour, day or week (Asia/Shanghai): shifting an
 * instant back by it gives the hour, day or week whose slot the instant falls in. A slot stays
 * due from its start until the next one begins, so a run that was missed is caught up by any
 * later run in the same slot.
 */
const SLOT_START = {
  /** 催办 and escalation: hourly, from minute 05 of each hour. */
  deadlines: 5 * MINUTE,
  /** Reminders of tomorrow's reception sessions: daily from 18:00. */
  sessions: 18 * HOUR,
  /** The overdue digest: weekly from Monday 08:30. */
  digest: 8 * HOUR + 30 * MINUTE,
  /** Deleting generated files past their hour: hourly, from minute 35 of each hour. */
  files: 35 * MINUTE,
  /** Erasing contacts past their retention (src/domain/personal-data.ts): daily from 03:00. */
  retention: 3 * HOUR,
  /** 代表建议's reminders and 督办 (server/services/suggestion-deadline-watch.ts): daily from 08:00, as units start work. */
  suggestions: 8 * HOUR,
  /** Opening this month's and next month's figure counters (server/services/counter-opening.ts): daily from 02:00. */
  counters: 2 * HOUR,
} as const;

/**
 * The slot of `job` that the instant `now` falls in: 'YYYY-MM-DDTHH' for deadlines (the hour
 * whose minute 05 last passed) and for files (minute 35), 'YYYY-MM-DD' for sessions (the day whose
 * 18:00 last passed), retention (03:00), suggestions (08:00) and counters (02:00), and for the digest the date of
 * the Monday whose 08:30 last passed — all in Asia/Shanghai, whatever the process time zone.
 */
export function jobSlot(job: SlottedJob, now: number): string {
  const shifted = now - SLOT_START[job];
  if (job === 'deadlines' || job === 'files') return shanghaiHour(shifted);
  if (job === 'sessions' || job === 'retention' || job === 'suggestions' || job === 'counters')
    return shanghaiDate(shifted);
  return mondayOf(shanghaiDate(shifted));
}

/**
 * What one run of the every-minute timer does at `now`: each slotted job with the slot it is
 * due for (the runner claims each slot once, so a job runs once per slot however many runs
 * overlap), then the outbox, which is sent on every run.
 */
export function dueJobs(now: number): DueJob[] {
  return [
    { job: 'deadlines', slot: jobSlot('deadlines', now) },
    { job: 'sessions', slot: jobSlot('sessions', now) },
    { job: 'digest', slot: jobSlot('digest', now) },
    { job: 'files', slot: jobSlot('files', now) },
    { job: 'retention', slot: jobSlot('retention', now) },
    { job: 'suggestions', slot: jobSlot('suggestions', now) },
    { job: 'counters', slot: jobSlot('counters', now) },
    { job: 'outbox', slot: null },
  ];
}
