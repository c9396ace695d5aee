export const ORDER_NUMBER_MIN = 1;
export const ORDER_NUMBER_MAX = 99999;

export const ORDER_NUMBER_ERROR = `orderNumber must be an integer from ${ORDER_NUMBER_MIN} to ${ORDER_NUMBER_MAX}`;

export type OrderNumberCheck = { ok: true; value: number } | { ok: false; error: string };

/** Validates an order number as it arrives in JSON: only a JSON number is accepted. */
export function checkOrderNumber(value: unknown): OrderNumberCheck {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < ORDER_NUMBER_MIN ||
    value > ORDER_NUMBER_MAX
  ) {
    return { ok: false, error: ORDER_NUMBER_ERROR };
  }
  return { ok: true, value };
}

/**
 * Validates an order number typed by a person or taken from a URL path: one to five digits,
 * nothing else (no sign, no spaces, no decimals), then the same range as {@link checkOrderNumber}.
 */
export function parseOrderNumberText(text: string): OrderNumberCheck {
  if (!/^[0-9]{1,5}$/.test(text)) {
    return { ok: false, error: ORDER_NUMBER_ERROR };
  }
  return checkOrderNumber(Number(text));
}

export function isOrderNumber(value: unknown): value is number {
  return checkOrderNumber(value).ok;
}
