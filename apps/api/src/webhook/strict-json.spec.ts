import { integerMember, parseStrictJson } from './strict-json';

const parse = (text: string) => parseStrictJson(Buffer.from(text));

describe('parseStrictJson', () => {
  it('keeps the source of each top-level primitive member', () => {
    const result = parse(
      ' { "orderNumber" : 850 , "s":"a,}\\"b", "n":null, "o":{"x":1}, "t":true } ',
    );
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(Object.fromEntries(result.json.sourceOfMembers)).toEqual({
      orderNumber: '850',
      s: '"a,}\\"b"',
      n: 'null',
      t: 'true',
    });
    expect(result.json.value).toMatchObject({ orderNumber: 850, o: { x: 1 } });
  });

  it.each([
    ['{"a":1,"a":2}', 'a'],
    ['{"a":1,"\\u0061":2}', 'a'],
    ['[{"b":1},{"b":2,"c":{"d":[1,{"e":1,"e":2}]}}]', 'e'],
  ])('refuses %s: key %s twice in one object', (text, key) => {
    expect(parse(text)).toEqual({
      ok: false,
      error: `The body has the key "${key}" more than once`,
    });
  });

  it('allows the same key in different objects', () => {
    expect(parse('{"a":{"a":1},"b":[{"a":1},{"a":2}]}')).toMatchObject({ ok: true });
  });

  it.each(['{"a":1', '', '\uFEFF{"a":1}', "{'a':1}"])('refuses %j as not JSON', (text) => {
    expect(parse(text)).toEqual({ ok: false, error: 'The body is not valid JSON' });
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(parseStrictJson(Buffer.from([0x7b, 0x22, 0xc3, 0x22, 0x3a, 0x31, 0x7d]))).toEqual({
      ok: false,
      error: 'The body is not valid JSON',
    });
  });
});

describe('integerMember', () => {
  const member = (text: string) => {
    const result = parse(text);
    if (!result.ok) throw new Error(result.error);
    return integerMember(result.json, 'n');
  };

  it.each([
    ['{"n":850}', 850],
    ['{"n":-3}', -3],
    ['{"n":0}', 0],
  ])('reads %s', (text, value) => expect(member(text)).toBe(value));

  it.each([
    '{"n":8.5e2}',
    '{"n":850.0}',
    '{"n":8E2}',
    '{"n":"850"}',
    '{"n":true}',
    '{"n":[850]}',
    '{"m":850}',
    '[850]',
    '{"x":{"n":850}}',
  ])('reads nothing from %s', (text) => expect(member(text)).toBeUndefined());
});
