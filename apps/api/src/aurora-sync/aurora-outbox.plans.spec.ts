import { sqlitePlansOf } from '../../test/support/query-plans';
import { openStoreForSuite } from '../../test/support/stores';
import { AuroraOutboxRepository } from './aurora-outbox.repository';

describe('the Aurora outbox on the embedded store', () => {
  const opened = openStoreForSuite('sqlite');

  it('finds due calls through the index of undone entries, not by scanning every entry', async () => {
    const outbox = new AuroraOutboxRepository(opened.store);
    const plans = await sqlitePlansOf(opened.store, () => outbox.hasDue(Date.now()));
    expect(plans).toEqual([expect.stringContaining('USING INDEX aurora_outbox_undone')]);
    expect(plans[0]).not.toMatch(/SCAN aurora_outbox\b/);
  });
});
