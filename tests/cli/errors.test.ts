import { describe, expect, it } from 'vitest';
import { CancelledError, ContentError, ExitError, UsageError, UserError } from '../../src/errors.ts';

describe('typed errors', () => {
  it('answer instanceof along their own class chain only', () => {
    const usage = new UsageError('bad flag');
    expect(usage instanceof UsageError).toBe(true);
    expect(usage instanceof UserError).toBe(true);
    expect(usage instanceof Error).toBe(true);
    expect(usage instanceof ContentError).toBe(false);
    expect(new UserError('x') instanceof UsageError).toBe(false);
    expect(new CancelledError() instanceof UserError).toBe(false);
    expect(new ExitError(1) instanceof ExitError).toBe(true);
    expect(new Error('plain') instanceof UserError).toBe(false);
  });
});
