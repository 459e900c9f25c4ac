import { describe, expect, it } from 'vitest';
import { actionsFor } from './JobActions';

describe('actionsFor', () => {
  it('offers what the server accepts in each state', () => {
    expect(actionsFor('DRAFT', 0)).toEqual(['schedule', 'cancel']);
    expect(actionsFor('RUNNING', 0)).toEqual(['pause', 'cancel']);
    expect(actionsFor('PAUSED', 0)).toEqual(['resume', 'cancel']);
    expect(actionsFor('COMPLETED', 0)).toEqual([]);
  });

  it('offers retry only for failed targets of a running or failed job', () => {
    expect(actionsFor('FAILED', 2)).toEqual(['retry']);
    expect(actionsFor('RUNNING', 1)).toEqual(['pause', 'retry', 'cancel']);
    expect(actionsFor('CANCELLED', 3)).toEqual([]);
  });
});
