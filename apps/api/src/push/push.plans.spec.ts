import { sqlitePlansOf } from '../../test/support/query-plans';
import { openStoreForSuite } from '../../test/support/stores';
import { PushRepository } from './push.repository';

describe('the push queue on the embedded store', () => {
  const opened = openStoreForSuite('sqlite');

  it('finds due pushes through the index of undone deliveries, not by scanning every one', async () => {
    const pushes = new PushRepository(opened.store);
    const plans = await sqlitePlansOf(opened.store, () => pushes.hasDue(Date.now()));
    expect(plans).toEqual([expect.stringContaining('USING INDEX push_deliveries_undone')]);
    expect(plans[0]).not.toMatch(/SCAN push_deliveries\b/);
  });
});
