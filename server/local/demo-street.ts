import type { DeputyGroup } from '../../src/domain/activity';
import type { CategoryId } from '../../src/domain/categories';
import type { Deputy, Station } from '../../src/domain/station';
import type { HandlingUnit } from '../../src/domain/suggestion';

// A fictitious street (青溪街道 of a fictitious county) laid out like the one in the
// work report: liaison stations at the street office and in new communities, reception
// points in villages, communities and an industrial park. Coordinates are GCJ-02.

const station = (
  id: string,
  sortOrder: number,
  fields: Omit<Station, 'id' | 'sortOrder' | 'receptionRule'> & { days: [number, number] },
): Station => {
  const { days, ...rest } = fields;
  return {
    id,
    sortOrder,
    ...rest,
    receptionRule: { oddMonthDay: days[0], evenMonthDay: days[1], start: '08:30', end: '11:30' },
  };
};

export const DEMO_STATIONS: Station[] = [
  station('qx-jiedao', 1, {
    name: '青溪街道人大代表联络站',
    kind: 'liaison_station',
    setting: 'street_office',
    address: '青溪街道环城西路 88 号街道办事处一楼东侧',
    location: { latitude: 29.47683, longitude: 121.86912 },
    phone: '0574-65710288',
    districts: ['第一选区', '第二选区'],
    days: [5, 20],
  }),
  station('qx-wenchang', 2, {
    name: '文昌新村人大代表联络站',
    kind: 'liaison_station',
    setting: 'new_community',
    address: '青溪街道文昌路 166 号文昌新村邻里中心二楼',
    location: { latitude: 29.48421, longitude: 121.87735 },
    phone: '0574-65716602',
    districts: ['第三选区'],
    days: [10, 25],
  }),
  station('qx-laixun', 3, {
    name: '来薰社区人大代表联络站',
    kind: 'liaison_station',
    setting: 'community',
    address: '青溪街道来薰路 31 号社区党群服务中心',
    location: { latitude: 29.47102, longitude: 121.88206 },
    phone: '0574-65712031',
    districts: ['第四选区'],
    days: [15, 15],
  }),
  station('qx-youche', 4, {
    name: '油车巷村人大代表接待点',
    kind: 'reception_point',
    setting: 'village',
    address: '青溪街道油车巷村村民委员会办公楼一楼',
    location: { latitude: 29.46588, longitude: 121.86133 },
    phone: '0574-65718817',
    districts: ['第二选区'],
    days: [8, 8],
  }),
  station('qx-qingcao', 5, {
    name: '青草巷社区人大代表接待点',
    kind: 'reception_point',
    setting: 'community',
    address: '青溪街道青草巷 12 号社区服务站',
    location: { latitude: 29.47955, longitude: 121.86408 },
    phone: '0574-65713312',
    districts: ['第一选区'],
    days: [12, 28],
  }),
  station('qx-dongao', 6, {
    name: '东岙村人大代表接待点',
    kind: 'reception_point',
    setting: 'village',
    address: '青溪街道东岙村文化礼堂',
    location: { latitude: 29.49217, longitude: 121.89841 },
    phone: '0574-65719036',
    districts: ['第五选区'],
    days: [18, 18],
  }),
  station('qx-danfeng', 7, {
    name: '丹峰工业园区人大代表接待点',
    kind: 'reception_point',
    setting: 'enterprise',
    address: '青溪街道丹峰路 9 号园区服务中心三楼',
    location: { latitude: 29.45836, longitude: 121.88975 },
    phone: '0574-65711509',
    districts: ['第六选区'],
    days: [22, 22],
  }),
  station('qx-xizhou', 8, {
    name: '西周村人大代表接待点',
    kind: 'reception_point',
    setting: 'village',
    address: '青溪街道西周村便民服务中心',
    location: { latitude: 29.46233, longitude: 121.84517 },
    phone: '0574-65717745',
    districts: ['第五选区'],
    days: [31, 30],
  }),
];

const deputy = (
  id: string,
  stationId: string,
  name: string,
  title: string,
  focusCategories: CategoryId[],
  district: string,
): Deputy => ({
  id,
  stationId,
  name,
  title,
  focusCategories,
  active: true,
  district,
});

export const DEMO_DEPUTIES: Deputy[] = [
  deputy('d01', 'qx-jiedao', '陈建国', '县人大代表，青溪街道城建办主任', ['housing', 'transport'], '第一选区'),
  deputy('d02', 'qx-jiedao', '王秀英', '县人大代表，青溪中心小学校长', ['education'], '第一选区'),
  deputy('d03', 'qx-jiedao', '李志强', '县人大代表，律师', ['security', 'other'], '第二选区'),
  deputy('d04', 'qx-wenchang', '张丽华', '县人大代表，文昌新村党支部书记', ['housing', 'environment'], '第三选区'),
  deputy('d05', 'qx-wenchang', '刘海涛', '县人大代表，县人民医院副院长', ['health'], '第三选区'),
  deputy('d06', 'qx-laixun', '杨春梅', '县人大代表，来薰社区居委会主任', ['security', 'health'], '第四选区'),
  deputy('d07', 'qx-laixun', '赵国庆', '县人大代表，个体工商户', ['economy', 'transport'], '第四选区'),
  deputy('d08', 'qx-youche', '周德明', '县人大代表，油车巷村村委会主任', ['rural', 'housing'], '第二选区'),
  deputy('d09', 'qx-qingcao', '吴淑芬', '县人大代表，退休教师', ['education', 'environment'], '第一选区'),
  deputy('d10', 'qx-dongao', '徐福生', '县人大代表，渔业合作社社长', ['rural', 'environment'], '第五选区'),
  deputy('d11', 'qx-danfeng', '孙晓东', '县人大代表，浙东机械有限公司总经理', ['economy', 'transport'], '第六选区'),
  deputy('d12', 'qx-xizhou', '胡桂兰', '县人大代表，西周村妇联主席', ['rural', 'health'], '第五选区'),
];

/**
 * 人大小组 by 片区, covering every demo deputy: 青溪片 led by 陈建国 (demo-deputy), 文昌片 by 张丽华
 * (demo-deputy-2), 来薰片 by 杨春梅, 城西片 (the villages and the industrial park) by 周德明.
 */
export const DEMO_GROUPS: DeputyGroup[] = [
  {
    id: 'grp-qingxi',
    name: '青溪片人大小组',
    area: '青溪片',
    memberDeputyIds: ['d01', 'd02', 'd03', 'd09'],
    leaderDeputyId: 'd01',
    sortOrder: 1,
  },
  {
    id: 'grp-wenchang',
    name: '文昌片人大小组',
    area: '文昌片',
    memberDeputyIds: ['d04', 'd05'],
    leaderDeputyId: 'd04',
    sortOrder: 2,
  },
  {
    id: 'grp-laixun',
    name: '来薰片人大小组',
    area: '来薰片',
    memberDeputyIds: ['d06', 'd07'],
    leaderDeputyId: 'd06',
    sortOrder: 3,
  },
  {
    id: 'grp-chengxi',
    name: '城西片人大小组',
    area: '城西片',
    memberDeputyIds: ['d08', 'd10', 'd11', 'd12'],
    leaderDeputyId: 'd08',
    sortOrder: 4,
  },
];

/** The demo callers of docs/DESIGN.md (Who uses it); demo-admin is an admin by ADMIN_OPENIDS, not by an account. */
export const DEMO_CALLERS = {
  voter: 'demo-voter',
  deputy: 'demo-deputy',
  staff: 'demo-staff',
  admin: 'demo-admin',
  /** A contact of 县交通运输局 (承办单位). */
  unit: 'demo-unit',
} as const;

/** 承办单位 the committee hands 建议 to: the county's bureaus and the street's local offices. */
export const DEMO_UNITS: HandlingUnit[] = [
  { id: 'unit-transport', name: '县交通运输局', active: true, sortOrder: 1 },
  { id: 'unit-housing', name: '县住房和城乡建设局', active: true, sortOrder: 2 },
  { id: 'unit-water', name: '县住建局内河处', active: true, sortOrder: 3 },
  { id: 'unit-education', name: '县教育局', active: true, sortOrder: 4 },
  { id: 'unit-health', name: '县卫生健康局', active: true, sortOrder: 5 },
  { id: 'unit-police', name: '县公安局城关派出所', active: true, sortOrder: 6 },
  { id: 'unit-market', name: '青溪市场监管所', active: true, sortOrder: 7 },
];

/** 承办单位 contacts beside the demo callers: demo-unit (县交通运输局) and one of 县住房和城乡建设局. */
export const DEMO_UNIT_ACCOUNTS = [
  { openid: DEMO_CALLERS.unit, role: 'unit' as const, unitId: 'unit-transport', displayName: '交通局 王科长' },
  { openid: 'demo-unit-housing', role: 'unit' as const, unitId: 'unit-housing', displayName: '住建局 李科长' },
];

/**
 * A second deputy to act as in a browser: 张丽华 of 文昌新村联络站, who is asked to co-sign 陈建国's
 * draft 建议. Made with the lived-in street only (tests link d04 to accounts of their own).
 */
export const DEMO_SECOND_DEPUTY = {
  openid: 'demo-deputy-2',
  role: 'deputy' as const,
  stationId: 'qx-wenchang',
  deputyId: 'd04',
};

/** Unused invite codes, so that redeeming one can be tried locally. */
export const DEMO_INVITES = [
  { code: 'DBQX2345', role: 'deputy' as const, stationId: 'qx-jiedao', deputyId: 'd02', displayName: '王秀英' },
  { code: 'GZQX6789', role: 'staff' as const, stationId: 'qx-wenchang', displayName: '文昌新村联络站工作人员' },
];
