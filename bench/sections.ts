import { billSection } from './bill';
import { cloudbaseSection } from './cloudbase-cost';
import { domSection } from './dom';
import { growthSection } from './growth';
import { latencySection } from './latency';
import { lighthouseSection } from './lighthouse';
import { statsGrowthSection } from './stats-growth';
import type { Section } from './support/section';
import { throughputSection } from './throughput';
import { weappSection } from './weapp-sizes';

/** A wrong BENCH_ONLY or BENCH_VOLUMES: said in one line, without a stack. */
export class BenchUsageError extends Error {}

/** The volumes of opinions the latency is measured at: BENCH_VOLUMES, smallest first. */
export function benchVolumes(env = process.env.BENCH_VOLUMES ?? '10000,100000,1000000'): number[] {
  const volumes = env.split(',').map((v) => Number(v.trim().replace(/_/g, '')));
  if (volumes.some((v) => !Number.isInteger(v) || v <= 0)) {
    throw new BenchUsageError(`BENCH_VOLUMES must be whole numbers of opinions, comma-separated (got "${env}")`);
  }
  return [...new Set(volumes)].sort((a, b) => a - b);
}

/** Every section of `npm run bench`, in the order they run. */
export function allSections(volumes: number[]): Section[] {
  const latency = volumes.map(latencySection);
  return [
    ...latency,
    growthSection(latency.map((s) => s.name)),
    ...(volumes.length > 1 ? [statsGrowthSection(volumes[0]!, volumes[volumes.length - 1]!)] : []),
    throughputSection(volumes[volumes.length - 1]!),
    cloudbaseSection,
    billSection,
    weappSection,
    lighthouseSection,
    domSection,
  ];
}

/**
 * The sections BENCH_ONLY names (comma-separated; "latency" names every latency-<volume>), with
 * those that only add up their figures (growth, bill). Unknown names are an error listing them all.
 */
export function chosenSections(sections: Section[], only = process.env.BENCH_ONLY ?? ''): Section[] {
  const names = only
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.length === 0) return sections;
  const matches = (s: Section, name: string) => s.name === name || s.name.startsWith(`${name}-`);
  const unknown = names.filter((name) => !sections.some((s) => matches(s, name)));
  if (unknown.length > 0) {
    throw new BenchUsageError(
      `BENCH_ONLY names no section "${unknown.join('", "')}"; the sections are: ${sections.map((s) => s.name).join(', ')} (latency = every latency-<volume>)`,
    );
  }
  const named = new Set(sections.filter((s) => names.some((n) => matches(s, n))).map((s) => s.name));
  return sections.filter((s) => named.has(s.name) || s.after?.some((a) => named.has(a)));
}
