// The read budget's arithmetic and its refusals, on a hand-moved clock: what each request of a read
// is given, that a read whose budget is spent is refused before it asks, that a response
// Elasticsearch marked timed out is refused, and that the client giving up becomes the same error.
import { errors } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { QueryLimitError } from '../query-errors.js';
import { readDeadline } from './es-read-budget.js';

const overBudget = (budgetMs: number) => ({ name: 'QueryLimitError', reason: 'timeout', message: expect.stringContaining(`longer than ${budgetMs} ms`) });

describe('read deadline', () => {
  it('gives each request the time left, and the client a grace of the budget (at most 5 s) beyond it', () => {
    let now = 1000;
    const deadline = readDeadline(800, () => now);
    expect(deadline.next()).toEqual({ body: { timeout: '800ms' }, transport: { requestTimeout: 1600 } });
    now += 500; // an aggregation's second page
    expect(deadline.next()).toEqual({ body: { timeout: '300ms' }, transport: { requestTimeout: 1100 } });
    expect(readDeadline(60_000, () => 0).next()).toEqual({ body: { timeout: '60000ms' }, transport: { requestTimeout: 65_000 } });
  });

  it('refuses the next request once the budget is spent', () => {
    let now = 0;
    const deadline = readDeadline(200, () => now);
    now = 200;
    expect(() => deadline.next()).toThrow(QueryLimitError);
    expect(() => deadline.next()).toThrow(expect.objectContaining(overBudget(200)));
  });

  it('refuses a response Elasticsearch stopped at the budget, and passes a whole one through', () => {
    const deadline = readDeadline(50);
    const whole = { timed_out: false, hits: { total: 3 } };
    expect(deadline.whole(whole)).toBe(whole);
    expect(() => deadline.whole({ timed_out: true, hits: { total: 1 } })).toThrow(expect.objectContaining(overBudget(50)));
  });

  it('turns the client giving up into the same error, and leaves other errors alone', () => {
    const deadline = readDeadline(50);
    expect(deadline.translate(new errors.TimeoutError('Request timed out'))).toMatchObject(overBudget(50));
    const refused = new errors.ConnectionError('connect ECONNREFUSED');
    expect(deadline.translate(refused)).toBe(refused);
  });

  it.each([-1, Number.NaN])('refuses a budget of %s with a message naming it', (ms) => {
    expect(() => readDeadline(ms)).toThrow(/query timeout must be a number of ms ≥ 0/);
  });
});
