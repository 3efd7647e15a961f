import type { GoalCheck } from './goals';

/** What a section measured: its figures for the report, its goal checks, the lines it prints. */
export interface SectionOutput {
  figures: unknown;
  goals?: GoalCheck[];
  lines: string[];
}

/** How a section ended, as bench-report.json keeps it. */
export type SectionRecord =
  | { figures: unknown; goals: GoalCheck[]; seconds: number }
  | { failed: string; seconds: number }
  | { skipped: string; seconds: number };

export interface SectionContext {
  /** A scratch folder shared by the sections of one run (the SQLite store of the volumes, the site's data). */
  workDir: string;
  /** The opinion volumes of this run, smallest first. */
  volumes: number[];
  /** What the sections before this one recorded (for the sections that only add them up). */
  earlier: Record<string, SectionRecord>;
  /** A progress line, printed at once. */
  log: (line: string) => void;
}

export interface Section {
  name: string;
  title: string;
  /** Past this, the section is stopped and recorded as failed. */
  timeoutMinutes: number;
  /**
   * Sections whose figures this one only adds up: it runs in the runner itself (no I/O of its
   * own), and BENCH_ONLY naming one of them chooses it too.
   */
  after?: string[];
  run: (ctx: SectionContext) => Promise<SectionOutput>;
}

/** Thrown by a section that cannot be measured here (no browser…): recorded as skipped with its reason. */
export class SectionSkipped extends Error {}

/** "10k", "100k", "1M", "2.5k" */
export function volumeLabel(n: number): string {
  if (n >= 1_000_000 && n % 100_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 100 === 0) return `${n / 1_000}k`;
  return String(n);
}

export const pad = (s: string | number, n: number) => String(s).padStart(n);

/** Terminal columns of `s`: CJK characters take two. */
const columns = (s: string) => [...s].reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);

/** padEnd by terminal columns, so that Chinese page names line up. */
export const padColumns = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - columns(s)));
