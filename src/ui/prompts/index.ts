import type { Io } from '../io.ts';
import { InteractivePrompter } from './interactive.ts';
import { PlainPrompter } from './plain.ts';
import type { Prompter } from './prompter.ts';

export type { Dial, MenuChoice, OrderConfig, Prompter, TuneConfig, TuneResult } from './prompter.ts';
export type { PagerAction, PagerMode, PagerPage, PagerResult } from './pager-types.ts';

/** The prompter for a run: numbered lines for `--plain` (or input that is not a terminal), else keys. */
export function createPrompter(
  io: Io,
  plain: boolean,
  style: { dim: (s: string) => string; accent: (s: string) => string },
): Prompter {
  return plain ? new PlainPrompter(io) : new InteractivePrompter(io, style);
}
