/** The categories of an opinion (意见建议), in the order the app offers them. */
export const CATEGORY_IDS = [
  'housing',
  'transport',
  'environment',
  'education',
  'health',
  'security',
  'rural',
  'economy',
  'other',
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

/** Chinese labels shown to users; the report uses the same words. */
export const CATEGORY_LABELS: Record<CategoryId, string> = {
  housing: '棚改与住房',
  transport: '交通出行',
  environment: '环境与治水',
  education: '教育',
  health: '医疗卫生',
  security: '社会治安',
  rural: '农村事务',
  economy: '经济发展',
  other: '其他',
};

/** The label of a stored category id; 其他 for an id the app does not offer (any more). */
export function categoryLabel(id: string): string {
  return CATEGORY_LABELS[id as CategoryId] ?? '其他';
}
