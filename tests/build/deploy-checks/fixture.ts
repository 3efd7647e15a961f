import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder holding `files` (path → content; objects are written as JSON), removed after the file's tests. */
export function fixture(files: Record<string, string | object>): string {
  const root = mkdtempSync(join(tmpdir(), 'lianluo-deploy-fixture-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

/** The problems of the results about `file` (a path ending), to read a failure by the file it names. */
export const problemsOf = (results: Array<{ file: string; problems: string[] }>, file: string) =>
  results.filter((r) => r.file.endsWith(file)).flatMap((r) => r.problems);
