import type { TimelineEvent } from '../../../src/domain/opinion';
import type { OutboxMessage } from '../../ports/opinion-store';
import { pushLines } from './opinion-timeline';

/** The slice of a transaction that `writeSideEffects` needs. */
interface SideEffectTx {
  collection(name: 'opinions' | 'outbox'): {
    doc(id: string): { set(data: object): Promise<unknown>; update(data: object): Promise<unknown> };
  };
}

/**
 * Writes, inside the transaction of a change (of an opinion or a 建议), the timeline lines it adds
 * to opinions whose documents it does not rewrite (`pushLines`: into each opinion's own document)
 * and the messages it queues. Message ids follow from what they hold, so a callback CloudBase
 * runs again writes the same documents again, not copies.
 */
export async function writeSideEffects(
  tx: SideEffectTx,
  _: { push(values: unknown[]): unknown },
  events: readonly TimelineEvent[],
  outbox: readonly OutboxMessage[],
): Promise<void> {
  await pushLines(tx, _, events);
  for (const [i, m] of outbox.entries()) {
    const id = `${m.subjectId}-${m.kind}-${m.createdAt}-${i}`;
    await tx
      .collection('outbox')
      .doc(id)
      .set({ ...m, id });
  }
}
