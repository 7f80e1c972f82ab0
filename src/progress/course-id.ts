import { realpathSync } from 'node:fs';

export const SHIPPED_COURSE_ID = 'alignment-tutor';

/** Progress for a `--content` course is kept apart from the shipped one, keyed by its folder. */
export function courseIdFor(contentDir: string, shipped: boolean): string {
  if (shipped) return SHIPPED_COURSE_ID;
  let dir = contentDir;
  try {
    dir = realpathSync(contentDir);
  } catch {
    // An unreadable folder fails later with a clearer message when the course loads.
  }
  return `dir:${dir}`;
}
