import { addDays, shanghaiDate, monthKey, shiftMonth, yearMonth } from '../../src/domain/dates';
import type { SessionOverride } from '../../src/domain/reception-calendar';
import type { Clock } from '../../src/domain/dates';
import type { AuditEntry, Store } from '../ports/store';
import {
  DEMO_CALLERS,
  DEMO_DEPUTIES,
  DEMO_INVITES,
  DEMO_UNIT_ACCOUNTS,
  DEMO_STATIONS,
  DEMO_UNITS,
} from './demo-street';

const SEED_MARKER = 'demo-seed';
const DAY = 24 * 60 * 60 * 1000;

/**
 * Fill an empty local store with the demo street. Runs once per store: a second call
 * sees the marker and writes nothing. Session themes and changes are placed in the
 * months following the seeding day, so the demo always shows some.
 */
export async function seedDemoData(store: Store, clock: Clock): Promise<boolean> {
  if ((await store.getMarker(SEED_MARKER)) !== null) return false;
  const now = clock.now();
  const audit = (action: string, targetType: string, targetId: string): AuditEntry => ({
    at: now,
    actor: 'system',
    action,
    targetType,
    targetId,
  });
  for (const station of DEMO_STATIONS) await store.putStation(station, audit('seed.station', 'station', station.id));
  for (const deputy of DEMO_DEPUTIES) await store.putDeputy(deputy, audit('seed.deputy', 'deputy', deputy.id));

  await store.putAccount(
    { openid: DEMO_CALLERS.deputy, role: 'deputy', stationId: 'qx-jiedao', deputyId: 'd01', createdAt: now },
    audit('seed.account', 'account', DEMO_CALLERS.deputy),
  );
  await store.putAccount(
    {
      openid: DEMO_CALLERS.staff,
      role: 'staff',
      stationId: 'qx-jiedao',
      displayName: '青溪街道联络站 林晓燕',
      createdAt: now,
    },
    audit('seed.account', 'account', DEMO_CALLERS.staff),
  );
  for (const unit of DEMO_UNITS) await store.putHandlingUnit(unit, audit('seed.unit', 'handling_unit', unit.id));
  for (const account of DEMO_UNIT_ACCOUNTS) {
    await store.putAccount({ ...account, createdAt: now }, audit('seed.account', 'account', account.openid));
  }
  for (const invite of DEMO_INVITES) {
    await store.putInvite(
      { ...invite, expiresAt: now + 365 * DAY, issuedBy: DEMO_CALLERS.admin },
      audit('seed.invite', 'invite', invite.code),
    );
  }
  for (const override of demoOverrides(shanghaiDate(now))) {
    await store.putSessionOverride(override, audit('seed.session', 'station', override.stationId));
  }
  await seedEvaluations(store, now, audit);
  await store.setMarkerOnce(SEED_MARKER, new Date(now).toISOString());
  return true;
}

const COMMENTS = [
  '加装电梯的事前前后后跑了好几趟，很负责',
  '希望多到小区里走走，听听老年人的意见',
  '接待日能见到人，答复也及时',
  '反映的停车问题还没解决，希望继续跟进',
];

/**
 * 代表述职评议 in the demo: 第一选区's round is open (the demo voter can choose the district and
 * rate), and 第三选区's round closed last month with its results published.
 */
async function seedEvaluations(
  store: Store,
  now: number,
  audit: (action: string, targetType: string, targetId: string) => AuditEntry,
) {
  const today = shanghaiDate(now);
  const year = today.slice(0, 4);
  const open = {
    id: `ev-demo-open`,
    district: '第一选区',
    title: `${year}年第一选区代表述职评议`,
    opensOn: addDays(today, -2),
    closesOn: addDays(today, 12),
    periodFrom: addDays(today, -365),
    periodTo: addDays(today, -3),
    deputyIds: ['d01', 'd02', 'd09'],
    createdBy: DEMO_CALLERS.staff,
    createdAt: now,
  };
  const closed = {
    id: `ev-demo-closed`,
    district: '第三选区',
    title: `${year}年第三选区代表述职评议`,
    opensOn: addDays(today, -60),
    closesOn: addDays(today, -46),
    periodFrom: addDays(today, -425),
    periodTo: addDays(today, -61),
    deputyIds: ['d04', 'd05'],
    createdBy: DEMO_CALLERS.admin,
    createdAt: now - 60 * DAY,
  };
  for (const round of [open, closed])
    await store.createRound(round, audit('seed.evaluation', 'evaluation_round', round.id));
  // 36 voters of 第三选区 rated both deputies; answers vary by voter so the two results differ.
  for (let i = 0; i < 36; i += 1) {
    const voterOpenid = `demo-district3-voter-${String(i).padStart(2, '0')}`;
    await store.setVoterDistrict(voterOpenid, '第三选区', now - 60 * DAY, audit('seed.district', 'voter', voterOpenid));
    for (const [deputyId, unhappyEvery] of [
      ['d04', 12],
      ['d05', 5],
    ] as const) {
      const satisfaction = i % unhappyEvery === 0 ? 'dissatisfied' : i % 3 === 0 ? 'basically_satisfied' : 'satisfied';
      const comment = i % 9 === 0 ? COMMENTS[(i / 9 + (deputyId === 'd05' ? 1 : 0)) % COMMENTS.length] : undefined;
      await store.addEvaluation(
        { roundId: closed.id, deputyId, voterOpenid },
        { roundId: closed.id, deputyId, satisfaction, ...(comment ? { comment } : {}) },
        audit('seed.evaluation', 'evaluation_round', closed.id),
      );
    }
  }
}

function demoOverrides(today: string): SessionOverride[] {
  const { year, month } = yearMonth(today);
  const at = (offset: number) => {
    const m = shiftMonth(year, month, offset);
    return monthKey(m.year, m.month);
  };
  return [
    { stationId: 'qx-jiedao', month: at(1), theme: '剿劣治水：河道整治意见征集', deputyIds: ['d01', 'd03'] },
    { stationId: 'qx-jiedao', month: at(2), theme: '棚改政策答疑' },
    { stationId: 'qx-wenchang', month: at(1), theme: '老旧小区加装电梯', deputyIds: ['d04'] },
    {
      stationId: 'qx-laixun',
      month: at(1),
      cancelled: true,
      reason: '接待代表参加县人大常委会会议，本月接待暂停，可到青溪街道联络站反映',
    },
    { stationId: 'qx-youche', month: at(2), theme: '农村生活污水治理' },
    { stationId: 'qx-danfeng', month: at(1), theme: '企业用工与交通出行' },
    // sessions already held, with the deputies who were on duty (代表述职 counts them)
    ...[-1, -2, -3, -4, -5, -6, -7, -8].flatMap((offset): SessionOverride[] => [
      { stationId: 'qx-jiedao', month: at(offset), deputyIds: offset % 2 === 0 ? ['d01', 'd02'] : ['d03'] },
      { stationId: 'qx-wenchang', month: at(offset), deputyIds: offset % 3 === 0 ? ['d05'] : ['d04'] },
      { stationId: 'qx-qingcao', month: at(offset), deputyIds: ['d09'] },
    ]),
  ];
}
