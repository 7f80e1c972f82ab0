import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { countSummary, formatIssue, sortIssues, type ContentIssue } from '../../content/issues.ts';
import { ExitError, UserError } from '../../errors.ts';
import type { Ctx } from '../context.ts';

interface Target {
  /** The course folder to load, so cross-file rules can be checked. */
  dir: string;
  /** When files were named, only their problems are reported. */
  only: Set<string> | undefined;
}

/** Works out which course each path belongs to: a file is checked in the context of its course. */
function targetsFor(ctx: Ctx, paths: string[]): Target[] {
  if (paths.length === 0) return [{ dir: ctx.contentDir, only: undefined }];
  const byDir = new Map<string, Target>();
  for (const p of paths) {
    const abs = path.resolve(ctx.cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      throw new UserError(
        `${p} does not exist`,
        'Give a course folder (holding lessons/ and quizzes/) or a lesson or quiz .yaml file.',
      );
    }
    if (isDir) {
      const dir =
        ['lessons', 'quizzes'].includes(path.basename(abs)) && !existsSync(path.join(abs, 'lessons'))
          ? path.dirname(abs)
          : abs;
      if (!existsSync(path.join(dir, 'lessons')))
        throw new UserError(
          `${p} is not a course folder: it has no lessons/ folder`,
          'A course folder holds lessons/<id>.yaml and quizzes/<id>.yaml.',
        );
      byDir.set(dir, { dir, only: undefined });
      continue;
    }
    const parent = path.basename(path.dirname(abs));
    if (!abs.endsWith('.yaml') || !['lessons', 'quizzes'].includes(parent)) {
      throw new UserError(
        `${p} is not a lesson or quiz file`,
        'Lesson files are lessons/<id>.yaml and quiz files are quizzes/<id>.yaml inside a course folder.',
      );
    }
    const dir = path.dirname(path.dirname(abs));
    const t = byDir.get(dir) ?? { dir, only: new Set<string>() };
    t.only?.add(abs);
    byDir.set(dir, t);
  }
  return [...byDir.values()];
}

export async function runValidate(ctx: Ctx, paths: string[]): Promise<void> {
  const { theme, io } = ctx;
  const issues: ContentIssue[] = [];
  let fileCount = 0;
  const targets = targetsFor(ctx, paths);
  // The YAML parser and the schema library load only for commands that read the YAML itself.
  const { loadCourse } = await import('../../content/load.ts');
  for (const target of targets) {
    const result = loadCourse(target.dir);
    const only = target.only;
    issues.push(...(only ? result.issues.filter((i) => only.has(i.file)) : result.issues));
    fileCount += only ? only.size : result.files.length;
  }
  for (const issue of sortIssues(issues)) {
    const line = formatIssue(issue, ctx.displayPath);
    io.stdout.write(`${issue.severity === 'error' ? line : theme.warn(line)}\n`);
  }
  const errors = issues.some((i) => i.severity === 'error');
  const summary = countSummary(issues, fileCount);
  io.stdout.write(`${errors ? theme.bad(summary) : theme.ok(summary)}\n`);
  if (errors) throw new ExitError(1);
}
