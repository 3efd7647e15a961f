import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { DEMO_STATIONS } from '../../server/local/demo-street';
import type { OutboxMessage } from '../../server/ports/opinion-store';
import type { Opinion, TimelineEvent } from '../../src/domain/opinion';

/** 2026-03-01 10:00 in Shanghai. */
export const T0 = Date.UTC(2026, 2, 1, 2, 0);

/** A fresh SQLite store with the 青溪街道 station, and a way to throw it away. */
export async function scratchStore() {
  const dir = mkdtempSync(join(tmpdir(), 'lianluo-opinions-'));
  const store = createSqliteStore(join(dir, 'store.sqlite'));
  const station = DEMO_STATIONS[0]!;
  await store.putStation(station, {
    at: T0,
    actor: 'system',
    action: 'test.station',
    targetType: 'station',
    targetId: station.id,
  });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An assigned transport opinion of `author`, created `n` seconds after T0. */
export function opinion(n: number, overrides: Partial<Opinion> = {}): Opinion {
  const author = overrides.authorOpenid ?? 'voter-store';
  return {
    id: `op-store-${author}-${String(n).padStart(4, '0')}`,
    stationId: 'qx-jiedao',
    category: 'transport',
    content: `环城西路第${n}号路灯不亮，夜间行人看不清路面，希望尽快修复。`,
    images: [],
    anonymous: false,
    authorOpenid: author,
    source: 'app',
    submittedBy: author,
    requestId: `req-${author}-${n}`,
    status: 'assigned',
    version: 1,
    assignedDeputyId: 'd01',
    replyDueDate: '2026-03-13',
    createdAt: T0 + n * 1000,
    reopenCount: 0,
    updatedAt: T0 + n * 1000,
    ...overrides,
  };
}

export function line(o: Pick<Opinion, 'id'>, at: number, kind: string, text: string): TimelineEvent {
  return { opinionId: o.id, at, actorRole: 'system', actorName: '系统', kind, text, visibility: 'public' };
}

export function message(o: Pick<Opinion, 'id'>, at: number, kind: string, recipient: string): OutboxMessage {
  return {
    kind,
    recipientOpenid: recipient,
    subjectId: o.id,
    payload: { excerpt: '环城西路路灯不亮' },
    createdAt: at,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at,
  };
}
