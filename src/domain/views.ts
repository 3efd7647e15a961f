import type { ReceptionSession } from './reception-calendar';
import type { Role } from './roles';
import type { PublicDeputy, Station } from './station';

// The shapes the functions answer with: one definition shared by the services that
// build them and the app that shows them.

/** A reception session as the app shows it. */
export interface SessionView {
  date: string;
  start: string;
  end: string;
  status: ReceptionSession['status'];
  /** The year's holiday arrangement is not published: the date may still change (待公布). */
  provisional: boolean;
  theme?: string;
  reason?: string;
  /** The holiday or weekend the session was moved past. */
  shiftedFor?: string;
  /** Names of the deputies on duty (all of the station's when staff named none). */
  deputiesOnDuty: string[];
}

export type StationSummary = Station & {
  deputyCount: number;
  nextSessions: SessionView[];
  distanceMeters?: number;
};

export type StationDetail = Station & {
  deputies: PublicDeputy[];
  sessions: SessionView[];
};

export interface MeView {
  role: Role;
  roleLabel: string;
  displayName?: string;
  station?: { id: string; name: string };
  deputy?: { id: string; name: string };
}
