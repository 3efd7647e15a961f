import type { ActivityKind } from '../../src/domain/activity';
import type { CategoryId } from '../../src/domain/categories';

/** One activity of the committee in the demo year, in days before now. */
export interface DemoCommitteeActivity {
  daysAgo: number;
  kind: ActivityKind;
  title: string;
  place: string;
  subject?: string;
  /** The deputies invited; every deputy when omitted. */
  deputyIds?: string[];
  outcome?: string;
  /** Titles of the 建议 it led to (server/local/demo-suggestions.ts), linked when it is written up. */
  suggestionTitles?: string[];
  /** 回头看: the title of the activity it follows up. */
  follows?: string;
  /** Days after the activity the committee writes it up (1 when omitted). */
  recordAfter?: number;
}

/**
 * The committee's year, after the reference work report: the budget deliberated, new deputies
 * trained, the 棚改办 heard, inquiries into traffic and the rural credit union's service, food and
 * work safety inspected, 棚改 / 环城西路 / 治水 visited, a river clean-up inspected and looked at
 * again (回头看), exchange meetings and the four quarterly meetings.
 */
export const DEMO_COMMITTEE_ACTIVITIES: DemoCommitteeActivity[] = [
  {
    daysAgo: 322,
    kind: 'special_deliberation',
    title: '街道年度财政预算专题审议',
    place: '青溪街道办事处三楼会议室',
    subject: '街道年度财政预算',
    outcome: '代表们建议继续稳定税源、增收税收，加大招商引资力度，增加教育等民生事业投入，厉行节俭。',
  },
  {
    daysAgo: 310,
    kind: 'training',
    title: '新代表培训',
    place: '县人大常委会培训中心',
    subject: '代表履职基础知识',
    deputyIds: ['d02', 'd05', 'd07', 'd09', 'd11', 'd12'],
  },
  {
    daysAgo: 296,
    kind: 'work_report_hearing',
    title: '听取街道棚改办青草巷、油车巷棚改工作情况汇报',
    place: '青溪街道办事处三楼会议室',
    subject: '街道棚改办',
    deputyIds: ['d01', 'd03', 'd04', 'd08', 'd09'],
    outcome: '代表们建议加快入户测量和协议签订，做好拆迁安置户过渡期保障。',
  },
  {
    daysAgo: 268,
    kind: 'quarterly_meeting',
    title: '第一季度工作例会',
    place: '青溪街道办事处三楼会议室',
  },
  {
    daysAgo: 240,
    kind: 'exchange_meeting',
    title: '人大工作交流会',
    place: '文昌新村邻里中心二楼',
    deputyIds: ['d01', 'd02', 'd04', 'd05', 'd06', 'd07', 'd08'],
  },
  {
    daysAgo: 198,
    kind: 'special_inquiry',
    title: '城市交通管理专题询问',
    place: '青溪街道办事处三楼会议室',
    subject: '丹城交警中队',
    deputyIds: ['d01', 'd03', 'd06', 'd07', 'd11'],
    outcome:
      '代表们就三小车、客运三轮车乱象，停车供求矛盾，交通规划先天不足等问题提出询问。交警中队将逐步取缔客运三轮车、有序管理斑马线、从严处罚违规行为。',
    suggestionTitles: ['关于来薰路与环城西路交叉口增设信号灯的建议'],
    recordAfter: 9,
  },
  {
    daysAgo: 182,
    kind: 'special_inquiry',
    title: '农信联社服务“三农”情况专题询问',
    place: '县农信联社城关支行',
    subject: '县农信联社',
    deputyIds: ['d07', 'd08', 'd10', 'd11', 'd12'],
    outcome: '代表们反映贷款利息高、农村集体经济贷款手续复杂、房屋抵押贷款未与市场行情接轨等问题。',
  },
  {
    daysAgo: 178,
    kind: 'quarterly_meeting',
    title: '第二季度工作例会',
    place: '青溪街道办事处三楼会议室',
  },
  {
    daysAgo: 150,
    kind: 'law_enforcement_inspection',
    title: '安全生产执法检查',
    place: '丹峰工业园区',
    subject: '街道安监站',
    deputyIds: ['d03', 'd05', 'd07', 'd11', 'd12'],
    outcome: '检查园区企业12家，发现消防通道堵塞、危化品台账不全等问题，已交安监站督促整改。',
  },
  {
    daysAgo: 102,
    kind: 'law_enforcement_inspection',
    title: '学校食堂食品安全执法检查',
    place: '启力学校、实验小学',
    subject: '青溪市场监管所',
    deputyIds: ['d02', 'd05', 'd06', 'd09'],
    outcome: '踏看食堂各工作区间、查看台账记录，发现学校周边流动摊贩食品安全隐患，代表们据此提出建议。',
    suggestionTitles: ['关于规范学校周边流动摊贩食品安全的建议'],
    recordAfter: 8,
  },
  {
    daysAgo: 95,
    kind: 'research_inspection',
    title: '环城西路三期政策处理调研视察',
    place: '环城西路三期施工现场',
    subject: '环城西路三期工程指挥部',
    deputyIds: ['d01', 'd03', 'd06', 'd07', 'd08'],
    outcome: '施工路段交通组织混乱，代表们建议分段施工、设置临时便道。',
    suggestionTitles: ['关于环城西路三期施工路段交通组织的建议'],
    recordAfter: 9,
  },
  {
    daysAgo: 88,
    kind: 'quarterly_meeting',
    title: '第三季度工作例会',
    place: '青溪街道办事处三楼会议室',
  },
  {
    daysAgo: 72,
    kind: 'research_inspection',
    title: '青草巷、文昌小区棚改项目调研视察',
    place: '青草巷、文昌小区棚改区块',
    subject: '街道棚改办',
    deputyIds: ['d01', 'd04', 'd05', 'd09'],
    outcome: '四期棚改全面完成意愿征询，测量即将完成；代表们建议公开安置房源分配方案。',
  },
  {
    daysAgo: 56,
    kind: 'law_enforcement_inspection',
    title: '剿灭劣V类水专项督查',
    place: '城关中心河、中央河',
    subject: '县住建局内河处',
    deputyIds: ['d01', 'd03', 'd04', 'd08', 'd10', 'd12'],
    outcome: '中心河部分河段淤积严重、沿河仍有污水直排，代表们建议清淤并做生态修复。',
    suggestionTitles: ['关于城关中心河剿劣清淤和生态修复的建议'],
    recordAfter: 12,
  },
  {
    daysAgo: 40,
    kind: 'exchange_meeting',
    title: '人大工作交流会（代表建议办理）',
    place: '青溪街道人大代表联络站',
    deputyIds: ['d01', 'd03', 'd04', 'd06', 'd08', 'd10', 'd11'],
  },
  {
    daysAgo: 26,
    kind: 'research_inspection',
    title: '剿劣“回头看”专项督查',
    place: '城关中心河、中央河',
    subject: '县住建局内河处',
    deputyIds: ['d01', 'd03', 'd04', 'd08', 'd10', 'd12'],
    outcome: '听取内河处整改情况汇报并实地踏勘，清淤已完成七成；代表们建议重视河道生态改造、加大剿劣宣传。',
    follows: '剿灭劣V类水专项督查',
  },
  {
    daysAgo: 8,
    kind: 'quarterly_meeting',
    title: '第四季度工作例会',
    place: '青溪街道办事处三楼会议室',
  },
];

/** What 片区座谈会 talk about, month by month. */
export const FORUM_TOPICS = [
  '老旧小区加装电梯',
  '棚改安置进度',
  '背街小巷路灯',
  '农村生活污水治理',
  '学校周边交通',
  '菜场环境整治',
  '汛期防汛准备',
  '夏季用电用水',
  '养老助餐服务',
  '垃圾分类',
  '冬季消防安全',
];

/** A deputy's own 走访选民 / 上门访谈, in days before now, and what the station's staff do with it. */
export interface DemoVisit {
  deputyId: string;
  daysAgo: number;
  title: string;
  place: string;
  voters: number;
  outcome?: string;
  review: 'confirm' | 'reject' | 'pending';
  note?: string;
  /** What residents raised that the deputy took down for them that evening (`casework.intake`). */
  raised?: Array<{ category: CategoryId; content: string }>;
}

/**
 * Deputies' own visits: most confirmed by their station's staff, one of 李志强's not confirmed
 * (no record of whom he met), and 陈建国's latest (12 people) waiting for demo-staff.
 */
export const DEMO_VISITS: DemoVisit[] = [
  {
    deputyId: 'd01',
    daysAgo: 280,
    title: '走访青草巷棚改户',
    place: '青草巷',
    voters: 18,
    outcome: '棚改户关心安置房交付时间和过渡费标准。',
    review: 'confirm',
  },
  { deputyId: 'd01', daysAgo: 150, title: '上门走访油车巷危房住户', place: '油车巷', voters: 12, review: 'confirm' },
  {
    deputyId: 'd01',
    daysAgo: 66,
    title: '走访环城西路拆迁户',
    place: '环城西路三期沿线',
    voters: 25,
    review: 'confirm',
  },
  {
    deputyId: 'd01',
    daysAgo: 2,
    title: '走访青溪新村独居老人',
    place: '青溪新村',
    voters: 12,
    outcome: '老人反映楼道灯不亮、上下楼不便。',
    review: 'pending',
    raised: [
      {
        category: 'housing',
        content: '青溪新村5幢楼道声控灯坏了两个多月，独居老人晚上上下楼只能摸黑，希望物业尽快修好。',
      },
      {
        category: 'housing',
        content: '青溪新村都是六层老楼，腿脚不便的老人下不了楼，希望列入老旧小区加装电梯计划。',
      },
    ],
  },
  {
    deputyId: 'd02',
    daysAgo: 200,
    title: '走访学生家长',
    place: '青溪中心小学周边小区',
    voters: 20,
    review: 'confirm',
  },
  { deputyId: 'd03', daysAgo: 170, title: '上门法律咨询走访', place: '青草巷社区', voters: 9, review: 'confirm' },
  {
    deputyId: 'd03',
    daysAgo: 45,
    title: '走访选民',
    place: '第二选区',
    voters: 40,
    review: 'reject',
    note: '未写明走访对象和地点，请补充后重新登记',
  },
  {
    deputyId: 'd04',
    daysAgo: 230,
    title: '走访文昌新村加装电梯楼栋',
    place: '文昌新村',
    voters: 30,
    review: 'confirm',
  },
  { deputyId: 'd04', daysAgo: 90, title: '走访雨污分流改造住户', place: '文昌新村', voters: 16, review: 'confirm' },
  { deputyId: 'd05', daysAgo: 140, title: '上门走访慢性病老人', place: '文昌新村', voters: 8, review: 'confirm' },
  { deputyId: 'd06', daysAgo: 210, title: '走访来薰社区困难家庭', place: '来薰社区', voters: 14, review: 'confirm' },
  { deputyId: 'd06', daysAgo: 60, title: '走访夜市摊主', place: '来薰路夜市', voters: 22, review: 'confirm' },
  { deputyId: 'd08', daysAgo: 190, title: '走访油车巷村民', place: '油车巷村', voters: 26, review: 'confirm' },
  { deputyId: 'd09', daysAgo: 120, title: '走访退休教师', place: '青草巷社区', voters: 10, review: 'confirm' },
  { deputyId: 'd10', daysAgo: 160, title: '走访东岙村渔民', place: '东岙村渔港', voters: 19, review: 'confirm' },
  { deputyId: 'd11', daysAgo: 110, title: '走访园区企业职工', place: '丹峰工业园区', voters: 35, review: 'confirm' },
  { deputyId: 'd12', daysAgo: 80, title: '上门走访留守妇女', place: '西周村', voters: 15, review: 'confirm' },
];

/** Why a deputy was on leave (请假): shown to the committee, never to voters. */
export const LEAVE_REASONS = ['参加县人大常委会会议', '外出学习培训', '身体不适', '单位值班', '家中有事'];
