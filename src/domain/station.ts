import type { CategoryId } from './categories';

/** 代表联络站 or 代表接待点. */
export type StationKind = 'liaison_station' | 'reception_point';

/** Where a station is set up, as the work report lists them. */
export type StationSetting = 'village' | 'community' | 'enterprise' | 'street_office' | 'new_community';

export const STATION_KIND_LABELS: Record<StationKind, string> = {
  liaison_station: '代表联络站',
  reception_point: '代表接待点',
};

export const STATION_SETTING_LABELS: Record<StationSetting, string> = {
  village: '农村',
  community: '社区',
  enterprise: '企业',
  street_office: '街道机关',
  new_community: '新建社区',
};

/** A point in GCJ-02, the coordinate system of WeChat's maps. */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/**
 * 单、双月*日、*日: the station receives voters on `oddMonthDay` of odd months and
 * `evenMonthDay` of even months, from `start` to `end` (HH:mm, Asia/Shanghai).
 */
export interface ReceptionRule {
  oddMonthDay: number;
  evenMonthDay: number;
  start: string;
  end: string;
}

export interface Station {
  id: string;
  name: string;
  kind: StationKind;
  setting: StationSetting;
  address: string;
  location: GeoPoint;
  phone: string;
  /** 选区 the station serves. */
  districts: string[];
  receptionRule: ReceptionRule;
  /** Display order when no location is known. */
  sortOrder: number;
}

export interface Deputy {
  id: string;
  stationId: string;
  name: string;
  /** e.g. 县人大代表 / 村党支部书记 — what voters recognise the deputy by. */
  title: string;
  focusCategories: CategoryId[];
  active: boolean;
  /** The 选区 that elected the deputy: its voters evaluate them (代表述职评议). */
  district?: string;
}

/** What a voter may see of a deputy: no account link, nothing personal beyond the public role. */
export type PublicDeputy = Pick<Deputy, 'id' | 'name' | 'title' | 'focusCategories'> & {
  /** The 人大小组 the deputy belongs to, where the page shows it. */
  groupName?: string;
};

/** Keep only the fields of a deputy that are public, with the name of their 人大小组 when they have one. */
export function toPublicDeputy(deputy: Deputy, groupName?: string): PublicDeputy {
  return {
    id: deputy.id,
    name: deputy.name,
    title: deputy.title,
    focusCategories: deputy.focusCategories,
    ...(groupName ? { groupName } : {}),
  };
}
