import { classify } from './aurora.client';

describe('classify', () => {
  it.each([200, 201, 204])('%i is delivered', (status) => {
    expect(classify(status)).toEqual({ kind: 'delivered' });
  });

  it.each([500, 502, 503, 504, 408, 429])('%i is retried', (status) => {
    expect(classify(status)).toEqual({ kind: 'retry', error: `HTTP ${status}` });
  });

  it.each([400, 401, 403, 404, 409, 422])('%i is refused (not retried with backoff)', (status) => {
    expect(classify(status)).toEqual({ kind: 'refused', error: `HTTP ${status}`, status });
  });
});
