import { relative, isAbsolute } from 'node:path';

/** What one check found about one file: nothing wrong when `problems` is empty. */
export interface CheckResult {
  /** What was checked, e.g. "open APIs called = permissions.openapi". */
  check: string;
  /** The file (or folder) the result is about. */
  file: string;
  problems: string[];
}

export const passed = (result: CheckResult) => result.problems.length === 0;

/** A path as the person running the check reads it: relative to the repository when inside it. */
export function shown(file: string, root = process.cwd()): string {
  const rel = relative(root, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** One line per result (✓ or ✗, what, which file), each problem indented below a failure. */
export function formatResult(result: CheckResult): string {
  const head = `${passed(result) ? '✓' : '✗'} ${result.check.padEnd(48)} ${shown(result.file)}`;
  return [head, ...result.problems.map((p) => `    ${p}`)].join('\n');
}
