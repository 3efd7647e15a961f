import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { reportsActions } from '../../src/domain/actions/reports';
import { CATEGORY_LABELS } from '../../src/domain/categories';
import { formatDateZh, shanghaiDate, shanghaiTime } from '../../src/domain/dates';
import { AppError } from '../../src/domain/errors';
import type { ExportRow } from '../../src/domain/export-row';
import { periodInstants } from '../../src/domain/figures';
import {
  maskPhone,
  OPINION_SOURCE_LABELS,
  OPINION_STATUS_LABELS,
  SATISFACTION_LABELS,
  shortIdOf,
  type Opinion,
} from '../../src/domain/opinion';
import { actorOf } from './actor';
import type { ServiceContext } from './context';
import { saveGeneratedFile } from './generated-files';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_ROWS = 20_000;

const when = (at: number) => `${shanghaiDate(at)} ${shanghaiTime(at)}`;

/**
 * reports.exportOpinions: the opinions created in a period as .xlsx, for staff (their station)
 * and the committee (any station, or all). Personal data only where the exporter may see it:
 * the station's own staff get phone numbers in full, the committee masked, as in the app.
 */
export async function exportOpinions(
  input: ActionInput<typeof reportsActions, 'exportOpinions'>,
  ctx: ServiceContext,
): Promise<{ fileId: string; expiresAt: number; rows: number }> {
  const actor = await actorOf(ctx);
  if (actor.role !== 'staff' && actor.role !== 'admin')
    throw new AppError('FORBIDDEN', '只有联络站工作人员和人大工委可以导出');
  if (actor.role === 'staff' && input.stationId && input.stationId !== actor.stationId) {
    throw new AppError('FORBIDDEN', '只能导出本联络站的意见');
  }
  const stationId = actor.role === 'staff' ? actor.stationId : input.stationId;
  const { fromMs, toMs } = periodInstants(input);
  const [stations, deputies] = await Promise.all([ctx.store.listStations(), ctx.store.listDeputies()]);
  const stationName = new Map(stations.map((s) => [s.id, s.name]));
  const deputyName = new Map(deputies.map((d) => [d.id, d.name]));

  // Newest first: skip what is after the period, stop at the first opinion before it.
  const picked: Opinion[] = [];
  let cursor: string | undefined;
  outer: do {
    const page = await ctx.store.listOpinions({
      ...(stationId ? { stationId } : {}),
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    for (const o of page.items) {
      if (o.createdAt >= toMs) continue;
      if (o.createdAt < fromMs) break outer;
      picked.push(o);
      if (picked.length > MAX_ROWS) throw new AppError('INVALID_INPUT', `一次最多导出${MAX_ROWS}条，请缩短时间段`);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  const rows: ExportRow[] = picked.map((o) => {
    const ownStation = actor.role === 'staff' && o.stationId === actor.stationId;
    // A withdrawn opinion's contact is not exported, even if it predates erasure at withdrawal.
    const contact = o.status === 'withdrawn' ? undefined : o.contact;
    return {
      shortId: shortIdOf(o.id),
      createdAt: when(o.createdAt),
      station: stationName.get(o.stationId) ?? o.stationId,
      category: CATEGORY_LABELS[o.category],
      content: o.content,
      status: OPINION_STATUS_LABELS[o.status],
      deputy: o.assignedDeputyId ? (deputyName.get(o.assignedDeputyId) ?? '') : '',
      replyDueDate: o.replyDueDate ? formatDateZh(o.replyDueDate) : '',
      repliedAt: o.reply ? when(o.reply.at) : '',
      resolved: o.resolution || o.status === 'resolved' || o.status === 'closed' ? '是' : '否',
      rating: o.rating ? SATISFACTION_LABELS[o.rating.satisfaction] : '',
      contactName: contact?.name ?? '',
      contactPhone: contact ? (ownStation ? contact.phone : maskPhone(contact.phone)) : '',
      source: OPINION_SOURCE_LABELS[o.source],
    };
  });
  const title = `意见建议 ${input.from} 至 ${input.to}`;
  const bytes = await ctx.documents.opinionsSheet(title, rows);
  const saved = await saveGeneratedFile(ctx, {
    name: `opinions-${input.from}-${input.to}.xlsx`,
    bytes,
    contentType: XLSX,
    kind: 'opinions_export',
    owner: actor.openid,
    audit: {
      action: 'reports.exportOpinions',
      targetType: 'export',
      targetId: stationId ?? 'all',
      detail: { from: input.from, to: input.to, rows: rows.length },
    },
  });
  return { ...saved, rows: rows.length };
}
