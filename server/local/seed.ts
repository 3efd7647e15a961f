import { shanghaiDate, monthKey, shiftMonth, yearMonth } from '../../src/domain/dates';
import type { SessionOverride } from '../../src/domain/reception-calendar';
import type { Clock } from '../../src/domain/dates';
import type { AuditEntry, Store } from '../ports/store';
import { DEMO_CALLERS, DEMO_DEPUTIES, DEMO_INVITES, DEMO_STATIONS } from './demo-street';

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
  for (const invite of DEMO_INVITES) {
    await store.putInvite(
      { ...invite, expiresAt: now + 365 * DAY, issuedBy: DEMO_CALLERS.admin },
      audit('seed.invite', 'invite', invite.code),
    );
  }
  for (const override of demoOverrides(shanghaiDate(now))) {
    await store.putSessionOverride(override, audit('seed.session', 'station', override.stationId));
  }
  await store.setMarkerOnce(SEED_MARKER, new Date(now).toISOString());
  return true;
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
  ];
}
