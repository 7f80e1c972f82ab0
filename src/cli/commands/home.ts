import { UserError } from '../../errors.ts';
import type { Ctx } from '../context.ts';

// Placeholder until this command is built; the wiring in program.ts is final.
export async function runHome(_ctx: Ctx, ..._args: unknown[]): Promise<void> {
  throw new UserError('this command is not built yet');
}
