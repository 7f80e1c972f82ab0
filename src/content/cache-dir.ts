import path from 'node:path';
import envPaths from 'env-paths';

/**
 * Where the checked course is cached: ALIGNMENT_TUTOR_CACHE, else the platform's cache folder.
 * ALIGNMENT_TUTOR_CACHE=off turns caching off.
 */
export function resolveCacheDir(env: Record<string, string | undefined>): string | undefined {
  const chosen = env['ALIGNMENT_TUTOR_CACHE'];
  if (chosen === 'off') return undefined;
  if (chosen) return chosen;
  if (env['XDG_CACHE_HOME']) return path.join(env['XDG_CACHE_HOME'], 'alignment-tutor');
  return envPaths('alignment-tutor', { suffix: '' }).cache;
}
