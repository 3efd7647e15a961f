import { addDays, type Clock } from '../../src/domain/dates';
import { dueJobs, type SlottedJob } from '../../src/domain/job-schedule';
import type { FileStorage } from '../ports/documents';
import type { Notifier } from '../ports/notifier';
import type { Store } from '../ports/store';
import { openMonthCounters } from './counter-opening';
import { watchDeadlines } from './deadline-watch';
import { purgeGeneratedFiles } from './generated-files';
import { dispatchOutbox } from './outbox-dispatch';
import { eraseExpiredContacts } from './personal-data';
import { sendOverdueDigest } from './overdue-digest';
import { remindSessions } from './sessions';
import { watchSuggestionDeadlines } from './suggestion-deadline-watch';
import type { ServiceConfig } from './context';

export interface ScheduledJobDeps {
  store: Store;
  notifier: Notifier;
  clock: Clock;
  files: FileStorage;
  /** The committee's OPENIDs (ADMIN_OPENIDS) hear of overdue 建议: the environment's, never a caller's. */
  config: Pick<ServiceConfig, 'adminOpenids'>;
}

/** What a slotted job did in its slot, or why it did not finish. */
export type JobOutcome<T> = { slot: string } & (T | { failed: string });

export interface ScheduledRun {
  deadlines?: JobOutcome<Awaited<ReturnType<typeof watchDeadlines>>>;
  sessions?: JobOutcome<Awaited<ReturnType<typeof remindSessions>>>;
  digest?: JobOutcome<Awaited<ReturnType<typeof sendOverdueDigest>>>;
  files?: JobOutcome<Awaited<ReturnType<typeof purgeGeneratedFiles>>>;
  retention?: JobOutcome<Awaited<ReturnType<typeof eraseExpiredContacts>>>;
  suggestions?: JobOutcome<Awaited<ReturnType<typeof watchSuggestionDeadlines>>>;
  counters?: JobOutcome<Awaited<ReturnType<typeof openMonthCounters>>>;
  outbox?: Awaited<ReturnType<typeof dispatchOutbox>>;
}

/** The marker that claims one job's slot; its value records when it was claimed. */
export function slotMarker(job: SlottedJob, slot: string): string {
  return `job:${job}:${slot}`;
}

/**
 * The slot of each job this instance has already seen claimed (by itself or another run), per
 * store: once a slot is claimed it stays claimed, so a warm instance's later runs in the same
 * slot skip it without asking the store again. On CloudBase that is one refused write and one
 * read saved per job per minute (docs/SCALING.md); a new instance asks once per slot.
 */
const claimedSlots = new WeakMap<Store, Map<SlottedJob, string>>();

/** Claim the slot, then run the job; undefined when another run has claimed it already. */
async function inSlot<T>(
  store: Store,
  job: SlottedJob,
  slot: string,
  now: number,
  work: () => Promise<T>,
): Promise<JobOutcome<T> | undefined> {
  let seen = claimedSlots.get(store);
  if (!seen) claimedSlots.set(store, (seen = new Map()));
  if (seen.get(job) === slot) return undefined;
  const won = await store.setMarkerOnce(slotMarker(job, slot), new Date(now).toISOString());
  seen.set(job, slot);
  if (!won) return undefined;
  try {
    return { slot, ...(await work()) };
  } catch (error) {
    return { slot, failed: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * One run of the scheduler's every-minute timer: each job whose slot is due (src/domain/
 * job-schedule.ts) first claims the slot with a marker — only the run that wins the claim runs
 * the job, so two overlapping runs never both run a job for one slot, and a later run in the
 * slot finds it claimed and does nothing. Then the due notifications are sent (unless
 * `outbox: false`, for a caller that sends them on its own, more often), so what the jobs queued
 * goes out in the same run. A job that throws is reported with its reason and does not stop
 * the others; its slot stays claimed, so the job waits for its next slot (each job is itself
 * idempotent: whatever the failed run did write is not sent twice).
 */
export async function runScheduledJobs(deps: ScheduledJobDeps, options: { outbox?: boolean } = {}) {
  const { store, clock } = deps;
  const now = clock.now();
  const run: ScheduledRun = {};
  for (const due of dueJobs(now)) {
    if (due.job === 'deadlines') {
      const outcome = await inSlot(store, due.job, due.slot, now, () => watchDeadlines(store, clock));
      if (outcome) run.deadlines = outcome;
    } else if (due.job === 'sessions') {
      // The evening slot of day D announces the sessions of D + 1, even when it is caught up the next morning.
      const sessionsOn = addDays(due.slot, 1);
      const outcome = await inSlot(store, due.job, due.slot, now, () => remindSessions(store, clock, sessionsOn));
      if (outcome) run.sessions = outcome;
    } else if (due.job === 'digest') {
      const week = due.slot;
      const outcome = await inSlot(store, due.job, week, now, () => sendOverdueDigest(store, clock, week));
      if (outcome) run.digest = outcome;
    } else if (due.job === 'files') {
      const outcome = await inSlot(store, due.job, due.slot, now, () => purgeGeneratedFiles(deps));
      if (outcome) run.files = outcome;
    } else if (due.job === 'retention') {
      const outcome = await inSlot(store, due.job, due.slot, now, () => eraseExpiredContacts(store, clock));
      if (outcome) run.retention = outcome;
    } else if (due.job === 'suggestions') {
      const outcome = await inSlot(store, due.job, due.slot, now, () => watchSuggestionDeadlines(deps));
      if (outcome) run.suggestions = outcome;
    } else if (due.job === 'counters') {
      const outcome = await inSlot(store, due.job, due.slot, now, () => openMonthCounters(store, clock));
      if (outcome) run.counters = outcome;
    } else if (options.outbox !== false) {
      run.outbox = await dispatchOutbox(store, deps.notifier, clock);
    }
  }
  return run;
}
