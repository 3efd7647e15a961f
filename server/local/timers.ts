import type { Clock } from '../../src/domain/dates';
import type { FileStorage } from '../ports/documents';
import type { Notifier } from '../ports/notifier';
import type { Store } from '../ports/store';
import type { ServiceConfig } from '../services/context';
import { dispatchOutbox } from '../services/outbox-dispatch';
import { runScheduledJobs, type ScheduledRun } from '../services/scheduled-jobs';

const MINUTE = 60_000;

/**
 * The scheduler's timers on the local server: the scheduled jobs once now and then every minute
 * (CloudBase's one trigger, `0 * * * * * *`), and the outbox every two seconds, so a change is
 * "sent" to the log at once. A tick is skipped while the previous one of its kind is still
 * running; `first` settles when the run at start is done; `stop` clears both and waits for a
 * tick under way, so the store can be closed after.
 */
export function startLocalTimers(
  deps: {
    store: Store;
    notifier: Notifier;
    clock: Clock;
    files: FileStorage;
    config: Pick<ServiceConfig, 'adminOpenids'>;
  },
  log: (line: string) => void = (line) => console.log(line),
) {
  const running = new Set<Promise<unknown>>();
  const once = (name: string, work: () => Promise<unknown>) => {
    let busy = false;
    return async () => {
      if (busy) return;
      busy = true;
      const task = work()
        .catch((error: unknown) => console.error(`[${name}]`, error))
        .finally(() => {
          busy = false;
          running.delete(task);
        });
      running.add(task);
      await task;
    };
  };
  const jobs = once('scheduler', async () => report(await runScheduledJobs(deps, { outbox: false }), log));
  const outbox = once('outbox', () => dispatchOutbox(deps.store, deps.notifier, deps.clock));
  const first = jobs();
  const jobTimer = setInterval(() => void jobs(), MINUTE);
  const outboxTimer = setInterval(() => void outbox(), 2000);
  return {
    /** Settles when the run at start has finished. */
    first,
    async stop() {
      clearInterval(jobTimer);
      clearInterval(outboxTimer);
      await Promise.all(running);
    },
  };
}

/** One log line for a run that did something, in the words of the jobs. */
function report(run: ScheduledRun, log: (line: string) => void) {
  const parts: string[] = [];
  if (run.deadlines) {
    parts.push(
      'failed' in run.deadlines
        ? `期限检查失败：${run.deadlines.failed}`
        : `期限检查：催办 ${run.deadlines.reminded} 件，督办 ${run.deadlines.escalated} 件`,
    );
  }
  if (run.sessions) {
    parts.push(
      'failed' in run.sessions ? `接待日提醒失败：${run.sessions.failed}` : `接待日提醒 ${run.sessions.queued} 条`,
    );
  }
  if (run.digest) {
    parts.push(
      'failed' in run.digest ? `每周超期汇总失败：${run.digest.failed}` : `每周超期汇总 ${run.digest.queued} 条`,
    );
  }
  if (run.files) {
    parts.push(
      'failed' in run.files ? `清理过期文件失败：${run.files.failed}` : `清理过期文件 ${run.files.deleted} 个`,
    );
  }
  if (run.suggestions) {
    parts.push(
      'failed' in run.suggestions
        ? `代表建议督办失败：${run.suggestions.failed}`
        : `代表建议：提醒 ${run.suggestions.reminded} 件，超期督办 ${run.suggestions.overdue} 件，B类跟踪 ${run.suggestions.planOverdue} 件`,
    );
  }
  if (parts.length > 0) log(`[定时任务] ${parts.join('；')}`);
}
