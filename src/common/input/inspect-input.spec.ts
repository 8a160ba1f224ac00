import { INPUT_LIMITS, inspectBody, inspectPath, inspectQuery } from './inspect-input';
import { lineAndColumn, textProblem } from './text-rules';

const multi = (p: string) => p === 'note';
const rules = (ps: { field: string; rule: string }[]) => ps.map((p) => `${p.field}:${p.rule}`);

describe('text rules', () => {
  it('allows ordinary text in any script, and tabs and line breaks only in multi-line text', () => {
    for (const s of ['Ana María Pérez', 'Nguyễn Thị Minh Khai', '김민준', '王秀英', 'O’Brien-Smith', 'emoji 🙂 ok']) expect(textProblem(s, false)).toBeNull();
    expect(textProblem('one\ntwo\tthree\r\n', true)).toBeNull();
    expect(textProblem('one\ntwo', false)).toMatchObject({ rule: 'singleLine', index: 3, character: 'U+000A (a line break)' });
  });

  it('refuses NUL, other controls, DEL, C1 controls and lone surrogates everywhere', () => {
    expect(textProblem('a\u0000b', true)).toMatchObject({ rule: 'noControlCharacters', index: 1, character: 'U+0000 (a control character)' });
    for (const c of ['\u0001', '\u001b', '\u007f', '\u0085', '\u009f']) expect(textProblem(`x${c}`, true)?.rule).toBe('noControlCharacters');
    expect(textProblem('x\ud800y', true)).toMatchObject({ rule: 'wellFormedUnicode', index: 1 });
    expect(textProblem('x\udc00', true)?.rule).toBe('wellFormedUnicode');
  });

  it('refuses bidirectional overrides and isolates in single-line text', () => {
    for (const c of ['\u202a', '\u202e', '\u2066', '\u2069']) expect(textProblem(`abc${c}`, false)).toMatchObject({ rule: 'singleLine', character: expect.stringContaining('bidirectional') });
  });

  it('reports the earliest problem and counts lines from 1', () => {
    expect(textProblem('a\nb\u0000', false)).toMatchObject({ rule: 'singleLine', index: 1 });
    expect(lineAndColumn('ab\ncd\r\nef', 7)).toEqual({ line: 3, column: 1 });
  });
});

describe('inspectBody', () => {
  it('passes an ordinary body', () => {
    expect(inspectBody({ name: 'Cohort', answers: [{ questionId: 'x', optionIds: ['a', 'b'] }], note: 'a\nb' }, multi)).toEqual([]);
  });

  it('names the path of a string that breaks a rule, with arrays as indexes', () => {
    expect(rules(inspectBody({ answers: [{ optionIds: ['ok', 'b\u0000'] }] }, multi))).toEqual(['answers[0].optionIds[1]:noControlCharacters']);
    expect(rules(inspectBody({ name: 'a\nb', note: 'a\nb' }, multi))).toEqual(['name:singleLine']);
  });

  it('stops at the depth limit without recursion, however deep the body', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const [p] = inspectBody({ x: deep }, multi);
    expect(p.rule).toBe('maxDepth');
    expect(p.field).toBe(`x${'[0]'.repeat(INPUT_LIMITS.maxDepth - 1)}`);
  });

  it('limits items, fields, string length and refuses prototype keys', () => {
    expect(rules(inspectBody({ ids: new Array(INPUT_LIMITS.maxItems + 1).fill(0) }, multi))).toEqual(['ids:maxItems']);
    expect(rules(inspectBody(Object.fromEntries(Array.from({ length: INPUT_LIMITS.maxKeys + 1 }, (_, i) => [`k${i}`, 1])), multi))).toEqual(['(body):maxKeys']);
    expect(rules(inspectBody({ s: 'x'.repeat(INPUT_LIMITS.maxStringLength + 1) }, multi))).toEqual(['s:maxLength']);
    expect(rules(inspectBody(JSON.parse('{"a":{"__proto__":{"x":1}}}'), multi))).toEqual(['a.__proto__:reservedKey']);
    expect(rules(inspectBody({ 'bad\u0000key': 1 }, multi))).toEqual(['bad\u0000key:noControlCharacters']);
  });

  it('names the line of a bad character in a text body', () => {
    expect(inspectBody('email,fullName\na@b.org,A\u0001na\n', multi)).toEqual([
      { in: 'body', field: 'line 2', rule: 'noControlCharacters', message: 'line 2, column 10: U+0001 (a control character) is not allowed in the file' },
    ]);
  });
});

describe('inspectQuery and inspectPath', () => {
  it('keeps query values to one short line', () => {
    expect(inspectQuery({ q: 'ana', role: ['a', 'b'] })).toEqual([]);
    expect(rules(inspectQuery({ q: 'a\tb' }))).toEqual(['q:singleLine']);
    expect(rules(inspectQuery({ q: 'a'.repeat(INPUT_LIMITS.maxQueryValueLength + 1) }))).toEqual(['q:maxLength']);
    expect(rules(inspectQuery({ q: ['ok', 'x\u0000'] }))).toEqual(['q:noControlCharacters']);
  });

  it('decodes each path segment as the router will', () => {
    expect(inspectPath('/programs/peer-core/modules/1')).toEqual([]);
    expect(rules(inspectPath('/programs/peer%00core'))).toEqual(['segment 2:noControlCharacters']);
    expect(rules(inspectPath('/programs/%E0%A4%A'))).toEqual(['segment 2:percentEncoding']);
    expect(rules(inspectPath(`/verify/${'A'.repeat(INPUT_LIMITS.maxPathSegmentLength + 1)}`))).toEqual(['segment 2:maxLength']);
  });
});
