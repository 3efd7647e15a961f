import type { CategoryId } from '../../src/domain/categories';
import { addDays, shanghaiDate, type Clock } from '../../src/domain/dates';
import type { Envelope } from '../../src/domain/envelope';
import type { AnswerClass, DeclineGround } from '../../src/domain/suggestion';
import type { Satisfaction } from '../../src/domain/opinion';
import { setRuntime, type Runtime } from '../runtime/runtime';
import { dispatchOutbox } from '../services/outbox-dispatch';
import { watchSuggestionDeadlines } from '../services/suggestion-deadline-watch';
import { DEMO_CALLERS, DEMO_UNITS } from './demo-street';
import { LOCAL_FUNCTIONS } from './functions';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Contacts of the units that have no demo caller of their own, so that each can answer. */
const UNIT_CONTACTS: Record<string, { openid: string; displayName: string }> = {
  'unit-transport': { openid: DEMO_CALLERS.unit, displayName: '交通局 王科长' },
  'unit-housing': { openid: 'demo-unit-housing', displayName: '住建局 李科长' },
  'unit-water': { openid: 'demo-unit-water', displayName: '内河处 陈工' },
  'unit-education': { openid: 'demo-unit-education', displayName: '教育局 郑老师' },
  'unit-health': { openid: 'demo-unit-health', displayName: '卫健局 何科长' },
  'unit-police': { openid: 'demo-unit-police', displayName: '城关派出所 蒋警官' },
  'unit-market': { openid: 'demo-unit-market', displayName: '市场监管所 许所长' },
};

interface Answer {
  /** Days after 交办 (a late one is past the 3 months). */
  after: number;
  answerClass: AnswerClass;
  content: string;
  /** B: the plan is due this many days after the answer. */
  plannedIn?: number;
  feedback?: { satisfaction: Satisfaction; comment?: string; after: number };
}

/** One 建议 of the demo and what happens to it, in days from its submission. */
interface DemoCase {
  title: string;
  category: CategoryId;
  /** The voter's opinion it grows from: where and on what, so that routing gives it to its 领衔 deputy. */
  opinion: { stationId: string; category: CategoryId; content: string };
  reason: string;
  content: string;
  /** Days before now the 建议 is submitted (or drafted, for the one still a draft). */
  daysAgo: number;
  coSigners?: Array<{ deputyId: string; confirms: boolean }>;
  draftOnly?: true;
  decline?: { ground: DeclineGround; note: string };
  /** 交办 the next day, to a 主办 and 协办. */
  units?: { lead: string; co?: string[] };
  returned?: { reason: string; decision: 'refuse' | 'reassign'; note: string; to?: string };
  supervise?: string;
  coView?: string;
  answer?: Answer;
  /** After a 不满意: the 再办 answer. */
  redo?: Answer;
  fulfil?: { after: number; note: string };
}

const replyText = '已将您反映的问题整理成代表建议，提交人大工委交有关部门办理，办理结果会在这里告诉您。';

/**
 * The street's 代表建议 over about half a year, each grown from a voter's opinion routed to its
 * 领衔 deputy: 县交通运输局 answers ten (three after their 3 months, so its 按期答复率 is lower),
 * 县住房和城乡建设局 asks 退回 on two (one refused, one handed to 内河处), a B-class answer whose
 * plan is overdue is followed, a 再办 after a 不满意, one 重点督办, one declined, one awaiting 立案,
 * and a draft of 陈建国's whose 附议代表 (张丽华, demo-deputy-2) has not yet confirmed.
 */
export const DEMO_SUGGESTION_CASES: DemoCase[] = [
  {
    title: '关于来薰路与环城西路交叉口增设信号灯的建议',
    category: 'transport',
    opinion: {
      stationId: 'qx-jiedao',
      category: 'transport',
      content: '来薰路和环城西路交叉口没有红绿灯，早晚高峰车多，学生过马路很危险。',
    },
    reason: '来薰路与环城西路交叉口无信号控制，早晚高峰人车混行，附近两所学校学生过街安全隐患突出。',
    content: '建议县交通运输局会同交警部门在该交叉口增设信号灯和人行横道，高峰时段安排协管员值守。',
    daysAgo: 190,
    units: { lead: 'unit-transport' },
    answer: {
      after: 50,
      answerClass: 'A',
      content:
        '经会同交警部门现场踏勘，已在来薰路与环城西路交叉口增设信号灯两组、人行横道两处，并于上下学时段安排协管员值守。',
      feedback: { satisfaction: 'satisfied', after: 6 },
    },
  },
  {
    title: '关于增开青溪至丹峰工业园区通勤公交的建议',
    category: 'transport',
    opinion: {
      stationId: 'qx-danfeng',
      category: 'transport',
      content: '园区职工上下班没有公交车，只能骑电动车走省道，下雨天很危险。',
    },
    reason: '丹峰工业园区职工三千余人，上下班时段无公交直达，职工骑电动车沿省道通勤，存在安全隐患。',
    content: '建议开通青溪至丹峰工业园区早晚通勤公交线路，并在园区门口设置公交站点。',
    daysAgo: 185,
    units: { lead: 'unit-transport' },
    answer: {
      after: 100,
      answerClass: 'A',
      content: '已开通青溪汽车站至丹峰工业园区早晚通勤公交（K12路），工作日早晚各三班，园区门口已设站点。',
      feedback: { satisfaction: 'basically_satisfied', comment: '答复晚了一些，班次还可再加', after: 8 },
    },
  },
  {
    title: '关于西周村至县城公交加密班次的建议',
    category: 'transport',
    opinion: {
      stationId: 'qx-xizhou',
      category: 'rural',
      content: '西周村到县城的公交一小时才一班，老人去医院看病要等很久。',
    },
    reason: '西周村至县城公交班次间隔一小时，村民就医、办事出行不便，老年人尤为突出。',
    content: '建议将西周村至县城公交班次加密至半小时一班，并延长末班车时间。',
    daysAgo: 175,
    units: { lead: 'unit-transport' },
    answer: {
      after: 40,
      answerClass: 'B',
      content: '该线路加密需新增车辆两台，已列入今年公交运力调整计划，车辆到位后即行加密至半小时一班。',
      plannedIn: 90,
      feedback: { satisfaction: 'basically_satisfied', after: 5 },
    },
  },
  {
    title: '关于东岙村渔港码头道路拓宽的建议',
    category: 'transport',
    opinion: {
      stationId: 'qx-dongao',
      category: 'rural',
      content: '渔港码头到村里的路太窄，运鱼货车会车困难，经常堵住。',
    },
    reason: '东岙村渔港码头连接道路宽仅4米，渔汛期运输车辆会车困难，时常堵塞。',
    content: '建议将渔港码头至村口道路拓宽至7米，并增设错车道。',
    daysAgo: 180,
    units: { lead: 'unit-transport' },
    answer: {
      after: 104,
      answerClass: 'B',
      content: '该路段拓宽已列入明年农村公路提升改造计划，年内先行增设错车道三处。',
      plannedIn: 200,
      feedback: { satisfaction: 'basically_satisfied', after: 10 },
    },
  },
  {
    title: '关于环城西路非机动车道设置隔离护栏的建议',
    category: 'transport',
    opinion: {
      stationId: 'qx-laixun',
      category: 'transport',
      content: '环城西路非机动车道和机动车道之间没有隔离，电动车和汽车混在一起。',
    },
    reason: '环城西路非机动车道未设物理隔离，机非混行，近期发生多起剐蹭事故。',
    content: '建议在环城西路全线设置机非隔离护栏，并在路口增设非机动车等候区。',
    daysAgo: 170,
    units: { lead: 'unit-transport' },
    answer: {
      after: 60,
      answerClass: 'A',
      content: '环城西路机非隔离护栏已全线安装完毕，主要路口增设非机动车等候区四处。',
      feedback: { satisfaction: 'satisfied', after: 7 },
    },
  },
  {
    title: '关于规范青溪汽车站周边出租车停靠的建议',
    category: 'transport',
    opinion: {
      stationId: 'qx-jiedao',
      category: 'transport',
      content: '汽车站门口出租车乱停，堵住公交车进出，旅客上下车也不安全。',
    },
    reason: '青溪汽车站出口处出租车随意停靠揽客，影响公交进出和旅客安全。',
    content: '建议在汽车站周边设置出租车专用候客区，加强巡查，整治乱停揽客。',
    daysAgo: 165,
    units: { lead: 'unit-transport' },
    answer: {
      after: 45,
      answerClass: 'C',
      content: '汽车站周边用地紧张，暂无条件设置出租车候客区，将加强路面巡查。',
      feedback: { satisfaction: 'dissatisfied', comment: '可利用车站东侧空地，请再研究', after: 5 },
    },
    redo: {
      after: 20,
      answerClass: 'A',
      content: '经与车站协调，已利用东侧空地设置出租车候客区，可停靠12辆，并安排专人引导。',
      feedback: { satisfaction: 'satisfied', after: 4 },
    },
  },
  {
    title: '关于文昌新村公交站台增设候车亭的建议',
    category: 'transport',
    opinion: {
      stationId: 'qx-wenchang',
      category: 'housing',
      content: '文昌新村门口的公交站只有一根站牌，夏天晒冬天淋，老人孩子等车很辛苦。',
    },
    reason: '文昌新村公交站仅有站牌，无候车设施，居民候车日晒雨淋。',
    content: '建议在文昌新村公交站增设候车亭和座椅。',
    daysAgo: 160,
    units: { lead: 'unit-transport' },
    answer: {
      after: 35,
      answerClass: 'A',
      content: '文昌新村公交站候车亭已建成投用，配有座椅和线路信息牌。',
      feedback: { satisfaction: 'satisfied', after: 6 },
    },
  },
  {
    title: '关于丹峰路大货车限速和增设警示标志的建议',
    category: 'transport',
    opinion: {
      stationId: 'qx-danfeng',
      category: 'transport',
      content: '丹峰路大货车开得很快，路边没有限速牌，附近村民过马路提心吊胆。',
    },
    reason: '丹峰路货车流量大、车速快，沿线缺少限速和警示标志。',
    content: '建议在丹峰路设置限速标志、减速带和测速设施。',
    daysAgo: 150,
    units: { lead: 'unit-transport' },
    answer: {
      after: 97,
      answerClass: 'A',
      content: '丹峰路已设置限速40公里标志六处、减速带三处，交警部门已安装测速设施。',
      feedback: { satisfaction: 'satisfied', after: 5 },
    },
  },
  {
    title: '关于油车巷村村道路灯修复的建议',
    category: 'transport',
    opinion: { stationId: 'qx-youche', category: 'rural', content: '村道上的路灯坏了一大半，晚上走路黑漆漆的。' },
    reason: '油车巷村主要村道路灯损坏过半，夜间出行不便。',
    content: '建议尽快修复村道路灯，并建立路灯日常维护机制。',
    daysAgo: 140,
    units: { lead: 'unit-transport' },
    answer: {
      after: 30,
      answerClass: 'B',
      content: '村道路灯修复已列入农村公路养护计划，计划两个月内完成全部修复。',
      plannedIn: 60,
      feedback: { satisfaction: 'satisfied', after: 5 },
    },
    fulfil: { after: 50, note: '村道路灯42盏已全部修复，并由村委会负责日常巡查报修' },
  },
  {
    title: '关于来薰路公交站台无障碍坡道改造的建议',
    category: 'transport',
    opinion: {
      stationId: 'qx-laixun',
      category: 'transport',
      content: '来薰路公交站台太高，坐轮椅的和推婴儿车的上不去。',
    },
    reason: '来薰路沿线公交站台未设无障碍坡道，轮椅和婴儿车上下困难。',
    content: '建议对来薰路沿线公交站台进行无障碍改造。',
    daysAgo: 130,
    units: { lead: 'unit-transport' },
    answer: {
      after: 40,
      answerClass: 'A',
      content: '来薰路沿线公交站台五处已完成无障碍坡道改造。',
      feedback: { satisfaction: 'satisfied', after: 4 },
    },
  },
  {
    title: '关于环城西路三期施工路段交通组织的建议',
    category: 'transport',
    opinion: {
      stationId: 'qx-jiedao',
      category: 'transport',
      content: '环城西路三期施工，绕行路线没有指示牌，外地车经常开错。',
    },
    reason: '环城西路三期施工期间绕行指示不清，车辆误入施工区，交通秩序混乱。',
    content: '建议完善施工路段绕行指示和交通组织方案，高峰时段安排人员疏导。',
    daysAgo: 87,
    units: { lead: 'unit-transport' },
  },
  {
    title: '关于来薰路公交站台增设遮雨棚的建议',
    category: 'transport',
    opinion: {
      stationId: 'qx-jiedao',
      category: 'transport',
      content: '来薰路公交站台没有遮雨棚，雨天老人候车很不方便。',
    },
    reason: '来薰路公交站台无遮雨设施，雨天候车不便。',
    content: '建议在来薰路公交站台增设遮雨棚。',
    daysAgo: 16,
    units: { lead: 'unit-transport' },
  },
  {
    title: '关于油车巷危房解危工程尽快复工的建议',
    category: 'housing',
    opinion: {
      stationId: 'qx-youche',
      category: 'housing',
      content: '油车巷危房解危工程停工两个月了，住户不知道什么时候能复工。',
    },
    reason: '油车巷危房解危工程停工两个月，住户临时安置期限将到，群众意见较大。',
    content: '建议尽快协调复工，公布工期，做好临时安置住户的过渡保障。',
    daysAgo: 120,
    units: { lead: 'unit-housing' },
    returned: {
      reason: '危房解危工程由街道棚改办实施，建议改交街道',
      decision: 'refuse',
      note: '危房解危属住建部门牵头，街道棚改办配合，仍由县住建局主办',
    },
    answer: {
      after: 70,
      answerClass: 'A',
      content: '经协调施工单位，油车巷危房解危工程已复工，预计三个月内完工，临时安置补助延长至完工。',
      feedback: { satisfaction: 'satisfied', after: 6 },
    },
  },
  {
    title: '关于文昌新村雨污分流管网改造的建议',
    category: 'environment',
    opinion: {
      stationId: 'qx-wenchang',
      category: 'environment',
      content: '文昌新村一下大雨就积水，污水井往外冒，臭得很。',
    },
    reason: '文昌新村雨污合流，暴雨时污水外溢，影响居民生活和河道水质。',
    content: '建议实施文昌新村雨污分流管网改造。',
    daysAgo: 110,
    units: { lead: 'unit-housing' },
    returned: {
      reason: '小区外排管网及河道属县住建局内河处管养',
      decision: 'reassign',
      note: '同意改交县住建局内河处主办',
      to: 'unit-water',
    },
    answer: {
      after: 55,
      answerClass: 'A',
      content: '文昌新村雨污分流改造已完成，新铺设污水管网1.2公里，暴雨期间未再出现外溢。',
      feedback: { satisfaction: 'satisfied', after: 5 },
    },
  },
  {
    title: '关于城关中心河剿劣清淤和生态修复的建议',
    category: 'environment',
    opinion: {
      stationId: 'qx-jiedao',
      category: 'housing',
      content: '中心河河水发黑发臭，河边住户夏天都不敢开窗。',
    },
    reason: '城关中心河淤积严重，水体黑臭，沿河居民反映强烈，剿劣“回头看”中仍未达标。',
    content: '建议对中心河实施清淤和生态修复，科学处置河道淤泥，加强沿河排污口整治。',
    daysAgo: 45,
    coSigners: [{ deputyId: 'd04', confirms: true }],
    units: { lead: 'unit-water', co: ['unit-housing'] },
    supervise: '群众反映集中，列为人大工委重点督办建议',
    coView: '县住建局将配合做好沿河排污口排查和截污纳管，沿河小区雨污分流纳入明年改造计划。',
  },
  {
    title: '关于青溪中心小学放学时段校门口交通疏导的建议',
    category: 'education',
    opinion: {
      stationId: 'qx-jiedao',
      category: 'education',
      content: '青溪中心小学放学时校门口接孩子的车堵成一片，孩子过马路很危险。',
    },
    reason: '青溪中心小学放学时段家长车辆集中停放，校门口交通拥堵，学生安全隐患大。',
    content: '建议错峰放学，设置临时接送区，由学校和派出所共同做好交通疏导。',
    daysAgo: 125,
    units: { lead: 'unit-education', co: ['unit-police'] },
    coView: '城关派出所将在放学时段安排警力和护学岗，协助学校疏导交通。',
    answer: {
      after: 40,
      answerClass: 'A',
      content: '青溪中心小学已实行分年级错峰放学，设立临时接送区，派出所安排护学岗，放学时段拥堵明显缓解。',
      feedback: { satisfaction: 'satisfied', after: 5 },
    },
  },
  {
    title: '关于文昌新村社区卫生服务站延长服务时间的建议',
    category: 'health',
    opinion: {
      stationId: 'qx-wenchang',
      category: 'health',
      content: '社区卫生服务站下午四点半就关门，上班族下班后配药看病都没地方去。',
    },
    reason: '文昌新村社区卫生服务站服务时间短，上班族就诊不便。',
    content: '建议社区卫生服务站延长服务时间至晚上八点，周末开设门诊。',
    daysAgo: 115,
    units: { lead: 'unit-health' },
    answer: {
      after: 50,
      answerClass: 'B',
      content: '已制定延时服务方案，待新招录医护人员到岗后实施晚间和周末门诊。',
      plannedIn: 120,
      feedback: { satisfaction: 'basically_satisfied', after: 7 },
    },
  },
  {
    title: '关于加强来薰社区夜间治安巡逻的建议',
    category: 'security',
    opinion: {
      stationId: 'qx-laixun',
      category: 'security',
      content: '最近小区里电动车电瓶被偷了好几次，晚上巡逻的人看不到。',
    },
    reason: '来薰社区近期多次发生电动车电瓶被盗，夜间巡逻力量不足。',
    content: '建议加强夜间巡逻，在小区主要出入口加装监控。',
    daysAgo: 105,
    units: { lead: 'unit-police' },
    answer: {
      after: 30,
      answerClass: 'A',
      content: '已将来薰社区纳入城关派出所夜间巡逻重点区域，增加巡逻频次。',
      feedback: { satisfaction: 'dissatisfied', comment: '监控的事没有答复', after: 5 },
    },
    redo: {
      after: 18,
      answerClass: 'A',
      content: '已在来薰社区主要出入口加装高清监控八处，夜间巡逻每晚两次，近一月未再发生盗窃。',
      feedback: { satisfaction: 'satisfied', after: 5 },
    },
  },
  {
    title: '关于规范学校周边流动摊贩食品安全的建议',
    category: 'education',
    opinion: {
      stationId: 'qx-qingcao',
      category: 'education',
      content: '学校门口流动摊贩卖的零食没有标签，孩子吃了肚子疼。',
    },
    reason: '学校周边流动摊贩销售“三无”食品，学生食品安全存在隐患。',
    content: '建议市场监管所联合城管开展学校周边食品安全专项整治。',
    daysAgo: 95,
    units: { lead: 'unit-market' },
    answer: {
      after: 25,
      answerClass: 'A',
      content: '已联合城管开展学校周边食品安全专项整治，查处流动摊贩11户，并建立常态巡查机制。',
      feedback: { satisfaction: 'satisfied', after: 4 },
    },
  },
  {
    title: '关于青溪农贸市场摊位费减免的建议',
    category: 'economy',
    opinion: {
      stationId: 'qx-laixun',
      category: 'economy',
      content: '农贸市场摊位费太高了，小摊主生意难做。',
    },
    reason: '农贸市场部分摊主反映摊位费偏高。',
    content: '建议减免农贸市场摊位费。',
    daysAgo: 60,
    decline: { ground: 'no_substance', note: '请补充现行收费标准、涉及摊位数和具体诉求后重新提出' },
  },
  {
    title: '关于调整丹峰路货车限行时段的建议',
    category: 'transport',
    opinion: {
      stationId: 'qx-danfeng',
      category: 'economy',
      content: '丹峰路货车限行时间和园区企业发货时间冲突，企业物流很受影响。',
    },
    reason: '丹峰路现行货车限行时段与园区企业发货高峰重合，影响企业物流。',
    content: '建议结合园区企业生产实际，调整丹峰路货车限行时段。',
    daysAgo: 1,
  },
  {
    title: '关于环城西路三期施工路段夜间照明和警示的建议',
    category: 'transport',
    opinion: {
      stationId: 'qx-jiedao',
      category: 'transport',
      content: '环城西路三期施工路段晚上没有照明，也没有警示灯，电动车摔倒好几次。',
    },
    reason: '环城西路三期施工路段夜间无照明和警示设施，已发生多起电动车摔倒事故。',
    content: '建议施工单位增设夜间照明、警示灯和隔离设施，交通部门加强夜间巡查。',
    daysAgo: 0,
    draftOnly: true,
    coSigners: [{ deputyId: 'd04', confirms: false }],
  },
];

/**
 * Make the demo's 代表建议 through the real `opinions`, `casework` and `suggestions` entries with
 * a moving clock, the scheduler's 建议 watch running each morning, ending at `runtime.clock.now()`.
 * Answers what was refused (should be nothing) and how many were made.
 */
export async function seedDemoSuggestions(runtime: Runtime, cases: readonly DemoCase[] = DEMO_SUGGESTION_CASES) {
  const { store } = runtime;
  const end = runtime.clock.now();
  let now = end - 200 * DAY;
  const clock: Clock = { now: () => now };
  setRuntime({ ...runtime, clock, config: { ...runtime.config, dailySubmitLimit: 1000 } });
  const refused: string[] = [];
  const call = async (fn: string, openid: string, event: Record<string, unknown>) => {
    const result = (await LOCAL_FUNCTIONS[fn]!(event, {
      environment: JSON.stringify({ WX_OPENID: openid }),
    })) as Envelope<Record<string, unknown>>;
    if (!result.ok) refused.push(`${fn}.${String(event.action)}：${result.error.message}`);
    return result.ok ? result.data : null;
  };

  for (const [unitId, contact] of Object.entries(UNIT_CONTACTS)) {
    if (await store.getAccount(contact.openid)) continue;
    await store.putAccount(
      { openid: contact.openid, role: 'unit', unitId, displayName: contact.displayName, createdAt: now },
      { at: now, actor: 'system', action: 'seed.account', targetType: 'account', targetId: contact.openid },
    );
  }
  const deputyOpenid = async (deputyId: string) => (await store.getAccountByDeputy(deputyId))?.openid;
  const staffOpenid = (stationId: string) =>
    stationId === 'qx-jiedao' ? DEMO_CALLERS.staff : `demo-staff-${stationId}`;
  const unitOf = (unitId: string) => UNIT_CONTACTS[unitId]!.openid;

  const queue: Array<{ at: number; run: () => Promise<void> }> = [];
  const at = (when: number, run: () => Promise<void>) => {
    if (when > end) return;
    let i = queue.length;
    while (i > 0 && queue[i - 1]!.at > when) i -= 1;
    queue.splice(i, 0, { at: when, run });
  };

  cases.forEach((c, index) => {
    // Mid-morning, a few minutes apart, so that the steps of one day keep their order.
    const day = (offset: number) => end - c.daysAgo * DAY + offset * DAY + index * 60_000 - HOUR;
    const state: { lead?: string; id?: string; leadUnit?: string } = {};
    at(day(-12), async () => {
      const voter = `demo-voter-sugg-${index}`;
      const submitted = await call('opinions', voter, {
        action: 'submit',
        ...c.opinion,
        requestId: `demo-suggestion-${index}-opinion`,
      });
      if (!submitted) return;
      const opinionId = String(submitted.opinionId);
      const view = await call('opinions', voter, { action: 'get', opinionId });
      const deputyId = (view?.assignedDeputy as { id: string } | undefined)?.id;
      const lead = deputyId ? await deputyOpenid(deputyId) : undefined;
      if (!lead) return;
      state.lead = lead;
      at(day(-10), async () => {
        if (!(await call('casework', lead, { action: 'reply', opinionId, content: replyText }))) return;
        at(day(-8), async () => {
          await call('casework', staffOpenid(c.opinion.stationId), { action: 'resolve', opinionId, note: replyText });
        });
      });
      at(day(-1), () => draft(opinionId));
    });

    const draft = async (opinionId: string) => {
      const made = await call('suggestions', state.lead!, {
        action: 'draft',
        title: c.title,
        reason: c.reason,
        content: c.content,
        category: c.category,
        opinionIds: [opinionId],
        coSignerIds: (c.coSigners ?? []).map((s) => s.deputyId),
      });
      if (!made) return;
      state.id = String(made.id);
      for (const signer of c.coSigners ?? []) {
        const openid = await deputyOpenid(signer.deputyId);
        if (signer.confirms && openid) await call('suggestions', openid, { action: 'cosign', suggestionId: state.id });
      }
      if (c.draftOnly) return;
      at(day(0), submit);
    };

    const submit = async () => {
      if (!(await call('suggestions', state.lead!, { action: 'submit', suggestionId: state.id }))) return;
      if (c.decline) {
        at(day(2), async () => {
          await call('suggestions', DEMO_CALLERS.admin, { action: 'decline', suggestionId: state.id, ...c.decline });
        });
      }
      if (c.units) at(day(1), assign);
    };

    const assign = async () => {
      const units = c.units!;
      const ok = await call('suggestions', DEMO_CALLERS.admin, {
        action: 'assign',
        suggestionId: state.id,
        leadUnitId: units.lead,
        coUnitIds: units.co ?? [],
      });
      if (!ok) return;
      state.leadUnit = units.lead;
      const ask = { suggestionId: state.id };
      if (c.supervise) {
        at(day(3), async () => {
          await call('suggestions', DEMO_CALLERS.admin, { action: 'supervise', ...ask, reason: c.supervise });
        });
      }
      if (c.coView && units.co?.[0]) {
        const coUnit = units.co[0];
        at(day(20), async () => {
          await call('suggestions', unitOf(coUnit), { action: 'coView', ...ask, content: c.coView });
        });
      }
      if (c.returned) {
        const r = c.returned;
        at(day(4), async () => {
          await call('suggestions', unitOf(units.lead), { action: 'requestReturn', ...ask, reason: r.reason });
          at(day(7), async () => {
            const ruled = await call('suggestions', DEMO_CALLERS.admin, {
              action: 'ruleReturn',
              ...ask,
              decision: r.decision,
              note: r.note,
              ...(r.to ? { leadUnitId: r.to } : {}),
            });
            if (ruled && r.to) state.leadUnit = r.to;
          });
        });
      }
      if (c.answer) at(day(1 + c.answer.after), () => answer(c.answer!, 1 + c.answer!.after, c.redo));
    };

    const answer = async (a: Answer, answeredDay: number, redo?: Answer) => {
      const ok = await call('suggestions', unitOf(state.leadUnit!), {
        action: 'answer',
        suggestionId: state.id,
        answerClass: a.answerClass,
        content: a.content,
        ...(a.plannedIn !== undefined ? { plannedDate: addDays(shanghaiDate(now), a.plannedIn) } : {}),
      });
      if (!ok) return;
      const feedback = a.feedback;
      if (feedback) {
        at(day(answeredDay + feedback.after), async () => {
          const rated = await call('suggestions', state.lead!, {
            action: 'feedback',
            suggestionId: state.id,
            satisfaction: feedback.satisfaction,
            ...(feedback.comment ? { comment: feedback.comment } : {}),
          });
          const again = answeredDay + feedback.after + (redo?.after ?? 0);
          if (rated && redo && feedback.satisfaction === 'dissatisfied') at(day(again), () => answer(redo, again));
        });
      }
      if (c.fulfil && a.answerClass === 'B') {
        const note = c.fulfil.note;
        at(day(1 + c.answer!.after + c.fulfil.after), async () => {
          await call('suggestions', unitOf(state.leadUnit!), { action: 'fulfil', suggestionId: state.id, note });
        });
      }
    };
  });

  // The scheduler's 建议 watch each morning at 08:30, as its daily slot would run it.
  const watchDeps = { store, clock, config: runtime.config };
  const firstMorning = Date.parse(`${shanghaiDate(now)}T08:30:00+08:00`);
  for (let morning = firstMorning; morning <= end; morning += DAY)
    at(morning, () => watchSuggestionDeadlines(watchDeps).then(() => undefined));

  while (queue.length > 0) {
    const next = queue.shift()!;
    now = next.at;
    await next.run();
  }
  const delivered = { send: async () => ({ ok: true as const }) };
  while ((await dispatchOutbox(store, delivered, clock, 1000)).sent > 0);
  setRuntime(runtime);
  return { suggestions: cases.length, units: DEMO_UNITS.length, refused };
}
