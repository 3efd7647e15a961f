import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from './support/build';
import { atMost, mark } from './support/goals';
import type { Section } from './support/section';

// The weapp build's sizes beside a bare one-page Taro React app (bench/bare-taro) built with the
// same config in the same run; goals: main package ≤ 1.2× the bare app, casework ≤ 250 KB.
// A build that is missing is made first; one that exists is measured as it is (its time is printed).

const OURS = 'dist/weapp';
const BARE = 'dist/bare-taro-weapp';
const MAIN_GOAL = 1.2;
const CASEWORK_GOAL_KB = 250;

const dirSize = (dir: string): number =>
  readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    return sum + (stat.isDirectory() ? dirSize(path) : stat.size);
  }, 0);
/** The subpackage roots app.json declares: everything outside them is the main package. */
const subpackageRoots = (dir: string): string[] =>
  (
    JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> }
  ).subPackages?.map((p) => p.root.replace(/\/$/, '')) ?? [];
const kb = (bytes: number) => +(bytes / 1024).toFixed(1);
const builtAt = (dir: string) => statSync(join(dir, 'app.json')).mtime.toISOString().slice(0, 16).replace('T', ' ');

export const weappSection: Section = {
  name: 'weapp',
  title: 'weapp package sizes',
  timeoutMinutes: 30,
  run: async (ctx) => {
    if (!existsSync(join(OURS, 'app.json'))) build('build:weapp', ctx.log);
    if (!existsSync(join(BARE, 'app.json'))) {
      build('build:weapp', ctx.log, { TARO_SOURCE_ROOT: 'bench/bare-taro', TARO_OUTPUT_ROOT: BARE });
    }
    const total = dirSize(OURS);
    const casework = existsSync(join(OURS, 'casework')) ? dirSize(join(OURS, 'casework')) : 0;
    const subpackages = subpackageRoots(OURS)
      .filter((root) => existsSync(join(OURS, root)))
      .reduce((sum, root) => sum + dirSize(join(OURS, root)), 0);
    const mainKB = kb(total - subpackages);
    const caseworkKB = kb(casework);
    const bareKB = kb(dirSize(BARE));
    const ratio = +(mainKB / bareKB).toFixed(2);
    const goals = [
      atMost('weapp main package ÷ bare Taro app', ratio, MAIN_GOAL, '×'),
      atMost('weapp casework subpackage', caseworkKB, CASEWORK_GOAL_KB, 'KB'),
    ];
    return {
      figures: { mainKB, caseworkKB, bareKB, ratio, builtAt: builtAt(OURS), bareBuiltAt: builtAt(BARE) },
      goals,
      lines: [
        `${OURS} (built ${builtAt(OURS)} UTC; WeChat's limit: 2,048 KB for the main package and for each subpackage)`,
        `  main package ${mainKB} KB = ${ratio}× the bare one-page Taro React app (${bareKB} KB, ${BARE}, built ${builtAt(BARE)} UTC) — goal ${goals[0]!.goal} ${mark(goals[0]!.met)}`,
        `  casework subpackage ${caseworkKB} KB — goal ${goals[1]!.goal} ${mark(goals[1]!.met)}`,
      ],
    };
  },
};
