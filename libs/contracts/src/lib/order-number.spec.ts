import { checkOrderNumber, ORDER_NUMBER_ERROR, parseOrderNumberText } from './order-number';

describe('checkOrderNumber', () => {
  it.each([1, 42, 850, 99999])('accepts %p', (value) => {
    expect(checkOrderNumber(value)).toEqual({ ok: true, value });
  });

  it.each([
    0,
    -1,
    100000,
    12.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '12',
    '12a',
    '',
    null,
    undefined,
    true,
    [42],
    { orderNumber: 42 },
    'x'.repeat(1024 * 1024),
  ])('refuses %p with the shared message', (value) => {
    expect(checkOrderNumber(value)).toEqual({ ok: false, error: ORDER_NUMBER_ERROR });
  });
});

describe('parseOrderNumberText', () => {
  it.each([
    ['1', 1],
    ['007', 7],
    ['99999', 99999],
  ])('parses %p as %p', (text, value) => {
    expect(parseOrderNumberText(text)).toEqual({ ok: true, value });
  });

  it.each(['0', '00000', '100000', '12.5', '12a', '', ' 12', '+12', '-1', '1e3', '0x1f'])(
    'refuses %p',
    (text) => {
      expect(parseOrderNumberText(text).ok).toBe(false);
    },
  );
});
