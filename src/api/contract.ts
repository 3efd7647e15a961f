import type { CategoryId } from '../domain/categories';
import type { RoundListView, RoundView } from '../domain/evaluation-views';
import type { Contact, OpinionStatus, Satisfaction } from '../domain/opinion';
import type { InboxFilter } from '../domain/opinion-schemas';
import type { GroupBy } from '../domain/report-schemas';
import type { PublicStatsView, StatsView } from '../domain/report-views';
import type { GeoPoint } from '../domain/station';
import type { NamedDate } from '../domain/statutory-holidays';
import type {
  HolidayYearsView,
  MeView,
  MessagesView,
  OpinionSummary,
  OpinionView,
  Page,
  StationDetail,
  StationSummary,
  SubmitResult,
} from '../domain/views';

type Paging = { cursor?: string; limit?: number };

/** Every call the app makes: `function.action` → its input and its data (docs/API.md). */
export interface ApiContract {
  'stations.list': { input: { near?: GeoPoint }; output: { items: StationSummary[] } };
  'stations.get': { input: { stationId: string }; output: StationDetail };
  'stations.follow': {
    input: { stationId: string; follow: boolean };
    output: { stationId: string; following: boolean };
  };
  'stations.setSession': {
    input: {
      stationId: string;
      month: string;
      theme?: string;
      deputyIds?: string[];
      cancelled?: boolean;
      movedTo?: string;
      reason?: string;
    };
    output: { month: string; date: string; status: string };
  };
  'stations.setHolidayArrangement': {
    input: { year: number; holidays: NamedDate[]; workdays: NamedDate[] };
    output: { year: number; holidays: number; workdays: number };
  };
  'stations.holidayYears': { input: Record<string, never>; output: HolidayYearsView };
  'reports.publicStats': { input: { from: string; to: string }; output: PublicStatsView };
  'reports.exportOpinions': {
    input: { from: string; to: string; stationId?: string };
    output: { fileId: string; expiresAt: number; rows: number };
  };
  'reports.annualReport': {
    input: { year: number };
    output: { year: number; fileId: string; expiresAt: number; asOf: string; totals: StatsView };
  };
  'reports.download': { input: { fileId: string }; output: { fileId: string; url: string; expiresAt: number } };
  'account.me': { input: Record<string, never>; output: MeView };
  'account.messages': { input: { cursor?: string }; output: MessagesView };
  'account.readMessages': { input: { upTo: number }; output: { unread: number } };
  'account.acceptSubscriptions': {
    input: { templateIds: string[] };
    output: { subscriptions: Record<string, number> };
  };
  'evaluations.list': { input: Record<string, never>; output: RoundListView };
  'evaluations.get': { input: { roundId: string }; output: RoundView };
  'evaluations.rate': {
    input: { roundId: string; deputyId: string; satisfaction: Satisfaction; comment?: string };
    output: RoundView;
  };
  'evaluations.setDistrict': { input: { district: string }; output: { district: string } };
  'evaluations.open': {
    input: {
      district: string;
      title?: string;
      opensOn: string;
      closesOn: string;
      periodFrom: string;
      periodTo: string;
    };
    output: RoundView;
  };
  'evaluations.close': { input: { roundId: string }; output: RoundView };
  'account.redeemInvite': { input: { code: string }; output: MeView };
  'opinions.submit': {
    input: {
      stationId: string;
      category: CategoryId;
      content: string;
      requestId: string;
      images?: string[];
      contact?: Contact;
      consent?: boolean;
      anonymous?: boolean;
    };
    output: SubmitResult;
  };
  'opinions.mine': { input: { status?: OpinionStatus } & Paging; output: Page<OpinionSummary> };
  'opinions.get': { input: { opinionId: string }; output: OpinionView };
  'opinions.withdraw': { input: { opinionId: string; reason?: string }; output: OpinionView };
  'opinions.rate': {
    input: { opinionId: string; satisfaction: Satisfaction; comment?: string };
    output: OpinionView;
  };
  'opinions.claim': { input: { claimCode: string }; output: OpinionView };
  'casework.inbox': { input: { filter?: InboxFilter } & Paging; output: Page<OpinionSummary> };
  'casework.reply': { input: { opinionId: string; content: string }; output: OpinionView };
  'casework.transfer': { input: { opinionId: string; unit: string; expectedDate: string }; output: OpinionView };
  'casework.note': { input: { opinionId: string; text: string }; output: OpinionView };
  'casework.assign': { input: { opinionId: string; deputyId?: string }; output: OpinionView };
  'casework.resolve': { input: { opinionId: string; note: string }; output: OpinionView };
  'casework.reject': {
    input: { opinionId: string; kind: 'out_of_remit' | 'duplicate'; reason: string; mergedInto?: string };
    output: OpinionView;
  };
  'casework.release': { input: { opinionId: string }; output: OpinionView };
  'casework.close': { input: { opinionId: string; note: string }; output: OpinionView };
  'casework.intake': {
    input: {
      stationId?: string;
      category: CategoryId;
      content: string;
      requestId: string;
      contact?: Contact;
      consent?: boolean;
      anonymous?: boolean;
    };
    output: SubmitResult & { claimCode: string; claimCodeExpiresAt: number };
  };
  'casework.issueInvite': {
    input: { role: 'deputy' | 'staff'; deputyId?: string; stationId?: string };
    output: { code: string; role: 'deputy' | 'staff'; stationId: string; expiresAt: number; displayName?: string };
  };
  'reports.stats': {
    input: {
      from: string;
      to: string;
      stationId?: string;
      deputyId?: string;
      category?: CategoryId;
      groupBy?: GroupBy;
    };
    output: StatsView;
  };
}

export type ApiName = keyof ApiContract;
