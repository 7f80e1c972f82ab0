import { plural } from '../text/plural.ts';
import { printableLine } from '../text/printable.ts';

/** One problem found in the course, pointing at the line and column of the offending YAML node. */
export interface ContentIssue {
  /** Path of the file as given to the loader (absolute); made relative only when printed. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
  message: string;
  severity: 'error' | 'warning';
}

export function formatIssue(issue: ContentIssue, displayPath: (file: string) => string): string {
  // File names and messages quote what the files hold: shown, never obeyed by the terminal.
  const where = `${printableLine(displayPath(issue.file), 500)}:${issue.line}:${issue.col}`;
  const message = printableLine(issue.message, 500);
  return issue.severity === 'warning' ? `${where}: warning: ${message}` : `${where}: ${message}`;
}

export function sortIssues(issues: ContentIssue[]): ContentIssue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message),
  );
}

export function countSummary(issues: ContentIssue[], files: number): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}`;
}
