import { ORDER_NUMBER_ERROR } from '@hubble/contracts';
import { orderNumberField } from './order-number-field';

/** An `input` event whose target holds `value`, as a text input sends it. */
const inputEvent = (value: string) => ({ target: { value } }) as unknown as Event;

describe('orderNumberField', () => {
  it('shows no error before the person touched the field, even when empty', () => {
    const field = orderNumberField();
    expect(field.text()).toBe('');
    expect(field.check().ok).toBe(false);
    expect(field.touched()).toBe(false);
    expect(field.problem()).toBeNull();
    expect(field.error()).toBeNull();
  });

  it.each(['abc', '0', '100000', '-5', '4.2', ' 42'])(
    'calls %j invalid with the shared message once typed',
    (text) => {
      const field = orderNumberField();
      field.onInput(inputEvent(text));
      expect(field.text()).toBe(text);
      expect(field.problem()).toBe('invalid');
      expect(field.error()).toBe(ORDER_NUMBER_ERROR);
    },
  );

  it.each([
    ['1', 1],
    ['0042', 42],
    ['99999', 99999],
  ])('accepts %j as %p', (text, value) => {
    const field = orderNumberField();
    field.onInput(inputEvent(text));
    expect(field.problem()).toBeNull();
    expect(field.error()).toBeNull();
    expect(field.submit()).toBe(value);
  });

  it('calls an empty field empty once left or submitted, and submits nothing', () => {
    const field = orderNumberField();
    field.onBlur();
    expect(field.problem()).toBe('empty');
    expect(field.error()).toBe(ORDER_NUMBER_ERROR);

    const other = orderNumberField();
    expect(other.submit()).toBeNull();
    expect(other.problem()).toBe('empty');
  });

  it('clears the error once a bad number is corrected', () => {
    const field = orderNumberField();
    field.onInput(inputEvent('12a'));
    expect(field.problem()).toBe('invalid');
    field.onInput(inputEvent('12'));
    expect(field.problem()).toBeNull();
  });

  it('takes text set from code (a keypad) like typed text', () => {
    const field = orderNumberField();
    field.setText('0');
    expect(field.touched()).toBe(true);
    expect(field.problem()).toBe('invalid');
    field.setText('42');
    expect(field.text()).toBe('42');
    expect(field.problem()).toBeNull();
    expect(field.submit()).toBe(42);
  });

  it('forgets text and touched state on reset', () => {
    const field = orderNumberField('7');
    field.onInput(inputEvent('x'));
    field.reset();
    expect(field.text()).toBe('');
    expect(field.touched()).toBe(false);
    expect(field.error()).toBeNull();
  });
});
