/** A signed body read strictly: UTF-8, well-formed JSON, no object with a key twice. */
export interface StrictJson {
  /** The parsed value (JSON.parse). */
  readonly value: unknown;
  /**
   * When the body is an object: the source text of each member whose value is a string, number,
   * boolean or null, exactly as sent — to tell `80002` from `80002.0` or `8.0002e4`.
   */
  readonly sourceOfMembers: ReadonlyMap<string, string>;
}

export type StrictJsonResult = { ok: true; json: StrictJson } | { ok: false; error: string };

const NOT_JSON = 'The body is not valid JSON';
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Parses a body as strict JSON. JSON.parse alone takes the last of two equal keys silently and
 * forgets how a number was written; a signed body must mean exactly one thing.
 */
export function parseStrictJson(bytes: Uint8Array): StrictJsonResult {
  let text: string;
  let value: unknown;
  try {
    text = utf8.decode(bytes);
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: NOT_JSON };
  }
  const scanned = scanMembers(text);
  if (typeof scanned === 'string') {
    return { ok: false, error: `The body has the key ${JSON.stringify(scanned)} more than once` };
  }
  return { ok: true, json: { value, sourceOfMembers: scanned } };
}

/**
 * The integer a member holds when its source is a plain JSON integer literal (`850`, `-3`);
 * `undefined` for anything else: a fraction, an exponent, a string, another type, no member.
 */
export function integerMember(json: StrictJson, name: string): number | undefined {
  const source = json.sourceOfMembers.get(name);
  return source !== undefined && /^-?(0|[1-9][0-9]*)$/.test(source) ? Number(source) : undefined;
}

type Frame = { kind: 'array' } | { kind: 'object'; keys: Set<string>; key: string | undefined };

/**
 * Walks JSON that JSON.parse accepted: returns the first key repeated within one object, or the
 * source of the top-level object's primitive members.
 */
function scanMembers(text: string): Map<string, string> | string {
  const members = new Map<string, string>();
  const stack: Frame[] = [];
  const topLevelMember = () => {
    const top = stack.at(-1);
    return stack.length === 1 && top?.kind === 'object' ? top.key : undefined;
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    const top = stack.at(-1);
    if (char === '{') {
      stack.push({ kind: 'object', keys: new Set(), key: undefined });
      i++;
    } else if (char === '[') {
      stack.push({ kind: 'array' });
      i++;
    } else if (char === '}' || char === ']') {
      stack.pop();
      i++;
    } else if (char === ',') {
      if (top?.kind === 'object') top.key = undefined;
      i++;
    } else if (char === ':' || char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      i++;
    } else if (char === '"') {
      const end = stringEnd(text, i);
      const source = text.slice(i, end);
      if (top?.kind === 'object' && top.key === undefined) {
        const key = JSON.parse(source) as string;
        if (top.keys.has(key)) return key;
        top.keys.add(key);
        top.key = key;
      } else {
        const member = topLevelMember();
        if (member !== undefined) members.set(member, source);
      }
      i = end;
    } else {
      const end = literalEnd(text, i);
      const member = topLevelMember();
      if (member !== undefined) members.set(member, text.slice(i, end));
      i = end;
    }
  }
  return members;
}

/** The index just past the string starting at `start` (its opening quote). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** The index just past a number, true, false or null starting at `start`. */
function literalEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && !',}] \t\n\r'.includes(text[i])) i++;
  return i;
}
