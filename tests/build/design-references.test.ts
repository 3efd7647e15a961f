import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// docs/DESIGN.md is the design of record: the code cites its sections, and it names the files
// and functions that carry each rule. Either side can drift when the other changes; these
// checks fail the build when a citation or a name no longer leads anywhere.

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const DOCS = ['docs/DESIGN.md', 'docs/API.md', 'docs/SCALING.md', 'README.md'].filter((d) => existsSync(join(root, d)));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mjs|cjs)$/.test(name) ? [path] : [];
  });
}
const SOURCES = ['src', 'server', 'cloudfunctions', 'scripts', 'tests', 'bench']
  .filter((d) => existsSync(join(root, d)))
  .flatMap(sourceFiles)
  // This file writes the citation forms out as examples.
  .filter((f) => !f.startsWith('bench/bare-taro/') && f !== 'tests/build/design-references.test.ts');

/** `server/adapters/{sqlite,cloudbase}` → both paths. */
function expandBraces(path: string): string[] {
  const m = /^(.*)\{([^}]+)\}(.*)$/.exec(path);
  return m ? m[2]!.split(',').flatMap((alt) => expandBraces(`${m[1]}${alt}${m[3]}`)) : [path];
}

/** Headings of a markdown document (any level), as written. */
const headingsOf = (markdown: string) =>
  new Set([...markdown.matchAll(/^#{1,6}\s+(.+?)\s*$/gm)].map((m) => m[1]!.trim()));

/** Bold labels (`**Queues**`) that name a part of a section. */
const labelsOf = (markdown: string) =>
  new Set([...markdown.matchAll(/\*\*([^*]+?)\*\*/g)].map((m) => m[1]!.replace(/[.。:：]$/, '').trim()));

const design = read('docs/DESIGN.md');
const headings = headingsOf(design);
const labels = labelsOf(design);

/** `DESIGN.md, Section)`, `DESIGN.md (Section)`, `DESIGN.md, Section: Part)`, `DESIGN.md, Section; …`. */
function citations(): { file: string; section: string; part?: string }[] {
  return SOURCES.flatMap((file) =>
    [...read(file).matchAll(/DESIGN\.md(?:,\s*|\s*\()([^);\n]+)[);]/g)].map((m) => {
      const [section, part] = m[1]!.split(':').map((s) => s.trim());
      return { file, section: section!, part };
    }),
  );
}

describe('docs/DESIGN.md and the code cite each other truly', () => {
  test('the code cites DESIGN.md somewhere (so this check is not vacuous)', () => {
    expect(citations().length).toBeGreaterThan(5);
  });

  test.each(citations().map((c) => [`${c.file} → ${c.section}${c.part ? `: ${c.part}` : ''}`, c] as const))(
    'a section the code cites exists: %s',
    (_, { section, part }) => {
      expect(headings).toContain(section);
      if (part) expect(labels.has(part) || headings.has(part)).toBe(true);
    },
  );

  // A path in backticks (`server/services/casework.ts`, `server/local/`) must exist; `<name>` and
  // `*` mark patterns, and dist/ is what a build writes.
  const paths = DOCS.flatMap((doc) =>
    [...read(doc).matchAll(/`((?:src|server|cloudfunctions|scripts|tests|bench|docs|cloudbase|config)\/[^`\s]*)`/g)]
      .map((m) => m[1]!)
      .filter((p) => !/[<>*]/.test(p))
      .flatMap(expandBraces)
      .map((path) => [doc, path] as const),
  );
  // `src/api/client` names a module: any of its source extensions will do.
  const exists = (path: string) => ['', '.ts', '.tsx'].some((ext) => existsSync(join(root, path + ext)));
  test.each(paths)('%s names a file that exists: %s', (_, path) => {
    expect(exists(path.replace(/[.,:;]$/, ''))).toBe(true);
  });

  // "(`filterQuery`, `server/services/casework.ts`)": the function still lives in that file.
  const symbols = DOCS.flatMap((doc) =>
    [
      ...read(doc).matchAll(
        /`([A-Za-z_][A-Za-z0-9_]*)(?:\(\))?`,\s*`((?:src|server|cloudfunctions|scripts)\/[^`]+\.tsx?)`/g,
      ),
    ].map((m) => [doc, m[1]!, m[2]!] as const),
  );
  test('the docs name functions beside their files (so the next check is not vacuous)', () => {
    expect(symbols.length).toBeGreaterThan(3);
  });
  test.each(symbols)('%s: `%s` is defined in %s', (_, symbol, path) => {
    expect(existsSync(join(root, path))).toBe(true);
    expect(read(path)).toMatch(new RegExp(`\\b(function|const|let|class|interface|type|enum)\\s+${symbol}\\b`));
  });

  // A bare file name in backticks (`submit-opinion.ts`) must be some file of the project.
  const known = new Set(SOURCES.map((f) => f.split('/').pop()!));
  const bare = DOCS.flatMap((doc) =>
    [...read(doc).matchAll(/`([a-z0-9-]+\.(?:ts|tsx|mjs))`/g)].map((m) => [doc, m[1]!] as const),
  );
  test.each(bare)('%s names a file that exists: %s', (_, name) => {
    expect(known).toContain(name);
  });

  // Links between documents ([DESIGN](docs/DESIGN.md), [API](API.md#…)).
  const links = DOCS.flatMap((doc) =>
    [...read(doc).matchAll(/\]\(((?!https?:|#|mailto:)[^)\s#]+)(?:#[^)]*)?\)/g)].map((m) => [doc, m[1]!] as const),
  );
  test.each(links)('%s links to a file that exists: %s', (doc, target) => {
    const from = relative(root, join(root, doc, '..'));
    expect(existsSync(join(root, from, target))).toBe(true);
  });
});
