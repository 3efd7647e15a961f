import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { checkAllKinds } from '../../src/domain/notification-checks';
import { NOTIFICATION_KINDS, isNotificationKind } from '../../src/domain/notifications';
import { filesUnder } from './files';
import { shown, type CheckResult } from './result';

/** What the check needs of the notification registry (src/domain/notifications.ts). */
export interface Registry {
  /** Problems of every kind's sample formatted for its template; empty when WeChat would accept all. */
  problems: () => string[];
  /** The payload fields a kind's template reads, or null for a kind the registry does not know. */
  payloadFields: (kind: string) => string[] | null;
}

export const notificationRegistry: Registry = {
  problems: checkAllKinds,
  payloadFields: (kind) => (isNotificationKind(kind) ? Object.keys(NOTIFICATION_KINDS[kind].sample) : null),
};

/** An outbox message written in a service: `notify(opinion, at, '<kind>', recipient, payload)` or `outboxMessage(subject, at, '<kind>', …)`. */
export interface KindWritten {
  kind: string;
  line: number;
  /** The payload's field names when it is written as an object literal without spreads. */
  fields: string[] | null;
}

const WRITERS = new Set(['notify', 'outboxMessage']);

/**
 * The outbox kinds a TypeScript file writes, read from its syntax tree: calls of notify or
 * outboxMessage whose kind (third argument) is a string literal. A kind held in a variable is
 * not followed (the writers' own bodies pass theirs on that way).
 */
export function kindsWritten(source: string, fileName = 'file.ts'): KindWritten[] {
  const tree = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const found: KindWritten[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      const kind = node.arguments[2];
      if (WRITERS.has(name) && kind && ts.isStringLiteralLike(kind)) {
        const payload = node.arguments[4];
        const fields =
          payload && ts.isObjectLiteralExpression(payload) && payload.properties.every((p) => !ts.isSpreadAssignment(p))
            ? payload.properties.flatMap((p) =>
                p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [p.name.text] : [],
              )
            : null;
        found.push({ kind: kind.text, line: tree.getLineAndCharacterOfPosition(node.getStart()).line + 1, fields });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/**
 * Every notification kind formats its sample into values WeChat accepts (the registry's own
 * validator), and every kind a service writes to the outbox is in the registry, with the
 * payload fields its template reads.
 */
export function checkNotificationKinds(
  paths: { registryFile: string; servicesDir: string },
  registry: Registry = notificationRegistry,
): CheckResult[] {
  const registryResult: CheckResult = {
    check: 'every kind formats to valid template values',
    file: paths.registryFile,
    problems: registry.problems(),
  };
  const services = filesUnder(paths.servicesDir).filter((f) => f.endsWith('.ts'));
  const written = services.flatMap((file) =>
    kindsWritten(readFileSync(file, 'utf8'), file).map((w) => ({ ...w, file })),
  );
  const problems = written.flatMap(({ file, line, kind, fields }) => {
    const needed = registry.payloadFields(kind);
    if (needed === null) return [`${shown(file)}:${line} writes "${kind}", which the registry does not know`];
    const missing = fields === null ? [] : needed.filter((f) => !fields.includes(f));
    return missing.length > 0
      ? [`${shown(file)}:${line} writes "${kind}" without ${missing.join(', ')}, which its template reads`]
      : [];
  });
  const firstBad = written.find((w) => problems.some((p) => p.startsWith(`${shown(w.file)}:${w.line} `)));
  return [
    registryResult,
    {
      check: 'outbox kinds written are registered',
      file: firstBad?.file ?? paths.servicesDir,
      problems,
    },
  ];
}
