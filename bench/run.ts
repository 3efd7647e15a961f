import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { allSections, BenchUsageError, benchVolumes, chosenSections } from './sections';
import { formatCheck, type GoalCheck } from './support/goals';
import {
  SectionSkipped,
  type Section,
  type SectionContext,
  type SectionOutput,
  type SectionRecord,
} from './support/section';

// `npm run bench`: the sections of sections.ts, one after another, each in a process of its own
// (the ones that only add up earlier figures in this one). Each section's figures are written to
// bench-report.json and printed as soon as it has measured them; a section that throws, crashes
// or overruns its time is recorded as { failed: "<why>" } and the others still run. Figures only:
// the exit status is 0 whenever the bench itself ran, whatever the figures say.

const REPORT = resolve(process.env.BENCH_REPORT ?? 'bench-report.json');
const SELF = process.argv[1]!;

interface Report {
  startedAt: string;
  finishedAt?: string;
  machine: { cpus: number; node: string };
  volumes: number[];
  only: string | null;
  sections: Record<string, SectionRecord>;
}

/** Written whole to a new file, then renamed over the report: a crash never leaves half a file. */
function writeReport(report: Report) {
  writeFileSync(`${REPORT}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(`${REPORT}.tmp`, REPORT);
}

const print = (lines: string[]) => console.log(lines.map((l) => `  ${l}`).join('\n'));

function context(workDir: string, volumes: number[], earlier: Report['sections']): SectionContext {
  return { workDir, volumes, earlier, log: (line) => console.log(`  · ${line}`) };
}

/** Run `section` here, answering its record; printing what it measured. */
async function runHere(section: Section, ctx: SectionContext): Promise<SectionRecord> {
  const start = Date.now();
  const seconds = () => +((Date.now() - start) / 1000).toFixed(1);
  try {
    const output: SectionOutput = await section.run(ctx);
    print(output.lines);
    return { figures: output.figures, goals: output.goals ?? [], seconds: seconds() };
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (error instanceof SectionSkipped) return { skipped: message, seconds: seconds() };
    if (process.env.BENCH_DEBUG) console.error(error);
    return { failed: message, seconds: seconds() };
  }
}

/** The child's side: run the one section named by --section and leave its record in BENCH_RESULT_FILE. */
async function sectionProcess(name: string) {
  const volumes = benchVolumes();
  const section = allSections(volumes).find((s) => s.name === name);
  if (!section) throw new Error(`no section ${name}`);
  const record = await runHere(section, context(process.env.BENCH_WORK_DIR!, volumes, {}));
  writeFileSync(process.env.BENCH_RESULT_FILE!, JSON.stringify(record));
  // Servers, browsers and timers a section forgot must not keep the child alive.
  process.exit(0);
}

/**
 * Run `section` in a child process of its own (its own process group, so that a section that
 * overruns is stopped with everything it started); its record, or why it has none.
 */
function runIsolated(section: Section, workDir: string): Promise<SectionRecord> {
  const resultFile = join(workDir, `${section.name}.result.json`);
  const start = Date.now();
  const seconds = () => +((Date.now() - start) / 1000).toFixed(1);
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--enable-source-maps', SELF, '--section', section.name], {
      env: { ...process.env, BENCH_WORK_DIR: workDir, BENCH_RESULT_FILE: resultFile },
      stdio: ['ignore', 'inherit', 'pipe'],
      detached: true,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderr = (stderr + chunk.toString()).slice(-4_000);
    });
    let timedOut = false;
    const stopGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup('SIGTERM');
      setTimeout(() => stopGroup('SIGKILL'), 10_000).unref();
    }, section.timeoutMinutes * 60_000);
    // Stopped itself (Ctrl-C, kill): the section's process group goes with it, and the scratch folder.
    const interrupt = () => {
      stopGroup('SIGTERM');
      setTimeout(() => {
        stopGroup('SIGKILL');
        rmSync(workDir, { recursive: true, force: true, maxRetries: 5 });
        process.exit(130);
      }, 2_000);
    };
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    const finish = (record: SectionRecord) => {
      clearTimeout(timer);
      process.removeListener('SIGINT', interrupt);
      process.removeListener('SIGTERM', interrupt);
      done(record);
    };
    child.once('error', (error) => finish({ failed: `could not start: ${error.message}`, seconds: seconds() }));
    child.once('exit', (code, signal) => {
      if (existsSync(resultFile)) {
        finish(JSON.parse(readFileSync(resultFile, 'utf8')) as SectionRecord);
        return;
      }
      const lastLine = stderr.trim().split('\n').filter(Boolean).slice(-1)[0] ?? '';
      const why = timedOut
        ? `stopped after ${section.timeoutMinutes} min`
        : `its process ended (${signal ?? `exit ${code}`}) without figures${lastLine ? `: ${lastLine}` : ''}`;
      finish({ failed: why, seconds: seconds() });
    });
  });
}

function summary(report: Report): string[] {
  const goals: GoalCheck[] = Object.values(report.sections).flatMap((r) => ('goals' in r ? r.goals : []));
  const met = goals.filter((g) => g.met === true).length;
  const lines = [`goals: ${met} of ${goals.length} met`];
  for (const g of goals) lines.push(formatCheck(g));
  for (const [name, r] of Object.entries(report.sections)) {
    if ('failed' in r) lines.push(`section ${name} failed: ${r.failed}`);
    if ('skipped' in r) lines.push(`section ${name} skipped: ${r.skipped}`);
  }
  return lines;
}

async function runner() {
  const volumes = benchVolumes();
  const sections = chosenSections(allSections(volumes));
  const workDir = mkdtempSync(join(tmpdir(), 'lianluo-bench-'));
  const report: Report = {
    startedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    volumes,
    only: process.env.BENCH_ONLY ?? null,
    sections: {},
  };
  writeReport(report);
  console.log(
    `npm run bench: ${sections.map((s) => s.name).join(', ')} — figures to ${REPORT} as each section ends (${cpus().length} CPUs, node ${process.version})`,
  );
  try {
    for (const section of sections) {
      console.log(`\n── ${section.name}: ${section.title}`);
      const record = section.after
        ? await runHere(section, context(workDir, volumes, report.sections))
        : await runIsolated(section, workDir);
      if ('failed' in record) console.log(`  ✗ ${section.name} failed: ${record.failed}`);
      if ('skipped' in record) console.log(`  – ${section.name} skipped: ${record.skipped}`);
      console.log(`  (${record.seconds} s)`);
      report.sections[section.name] = record;
      writeReport(report);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true, maxRetries: 5 });
  }
  report.finishedAt = new Date().toISOString();
  writeReport(report);
  console.log('\n── summary');
  print(summary(report));
  console.log(`\nwrote ${REPORT}`);
}

const sectionFlag = process.argv.indexOf('--section');
(sectionFlag > 0 ? sectionProcess(process.argv[sectionFlag + 1]!) : runner()).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof BenchUsageError) console.error(`npm run bench: ${error.message}`);
    else console.error('npm run bench crashed:', error);
    process.exit(1);
  },
);
