import { describe, expect, it } from 'vitest';
import {
  newMap,
  parseSetInto,
  parseSetStringInto,
  parseSetJsonInto,
  parseSetFileInto,
  parseSetLiteralInto,
  typedVal,
} from '../../src/helm/chart/strvals.js';
import { GoInt, getOrigin, type GoMap } from '../../src/helm/go/value.js';

function set(...args: string[]): GoMap {
  const m = newMap();
  for (const a of args) parseSetInto(a, m);
  return m;
}

/** Plain objects for toEqual (the parser builds null-prototype maps); an int64 shows as "5n". */
function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x) => (x instanceof GoInt && x.kind === 'int64' ? `${x.value}n` : x)));
}

const int64 = (n: bigint): GoInt => new GoInt(n, 'int64');

describe('--set', () => {
  it('infers Helm types: int64 (a GoInt), booleans and null in any case, strings otherwise', () => {
    const m = set('a=1,b=true,c=FALSE,d=Null,e=0,f=007,g=1.5,h=-3,i=9223372036854775808,j=');
    expect(m.a).toEqual(int64(1n));
    expect(m.b).toBe(true);
    expect(m.c).toBe(false);
    expect(m.d).toBe(null);
    expect(m.e).toEqual(int64(0n));
    expect(m.f).toBe('007');
    expect(m.g).toBe('1.5');
    expect(m.h).toEqual(int64(-3n));
    expect(m.i).toBe('9223372036854775808');
    expect(m.j).toBe('');
  });

  it('builds nested maps and lists, including out-of-order indexes', () => {
    const m = set('a.b.c=x', 'list[1]=two', 'list[0]=one', 'objs[0].name=n,objs[0].port=80', 'deep[0][1]=z');
    expect(plain(m)).toEqual({
      a: { b: { c: 'x' } },
      list: ['one', 'two'],
      objs: [{ name: 'n', port: '80n' }],
      deep: [[null, 'z']],
    });
  });

  it('keeps escaped separators in keys and values', () => {
    const m = set('a\\.b=x\\,y', 'name={a,b,c}', 'esc=x\\=y');
    expect(plain(m)).toEqual({ 'a.b': 'x,y', name: ['a', 'b', 'c'], esc: 'x=y' });
  });

  it('later flags override earlier ones and merge with existing maps', () => {
    const m = set('image.tag=1', 'image.repo=r', 'image.tag=2');
    expect(plain(m)).toEqual({ image: { tag: '2n', repo: 'r' } });
  });

  it('reports Helm errors', () => {
    expect(() => set('a')).toThrow('key "a" has no value');
    expect(() => set('a,b=1')).toThrow('key "a" has no value (cannot end with ,)');
    expect(() => set('a[x]=1')).toThrow('error parsing index: strconv.Atoi: parsing "x": invalid syntax');
    expect(() => set('a[-1]=1')).toThrow('negative -1 index not allowed');
    expect(() => set('a[0]b=1')).toThrow('unexpected data at end of array index: "b"');
    expect(() => set('a={x,y')).toThrow("list must terminate with '}'");
    expect(() => set('a=1', 'a.b=2')).toThrow('unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}');
    expect(() => set('a=s', 'a[0]=2')).toThrow('unable to parse key: interface conversion: interface {} is string, not []interface {}');
    expect(() => set('a[70000]=1')).toThrow('index of 70000 is greater than maximum supported index of 65536');
  });

  it('records where each value came from', () => {
    const m = newMap();
    parseSetInto('svc.port=80', m, { file: '<command line>', line: 1, column: 1, flag: '--set svc.port=80' });
    expect(getOrigin(m.svc as object, 'port')?.flag).toBe('--set svc.port=80');
  });
});

describe('the other --set flavours', () => {
  it('--set-string keeps every value a string', () => {
    const m = newMap();
    parseSetStringInto('a=1,b=true,c=null', m);
    expect(plain(m)).toEqual({ a: '1', b: 'true', c: 'null' });
  });

  it('--set-json reads JSON values, and an empty value is null (blanks before a key stay in it, as in Helm)', () => {
    const m = newMap();
    parseSetJsonInto('a={"x":[1,2.5,"s"]}, b=[true] ,c=', m);
    parseSetJsonInto('list[1]={"k":null}', m);
    expect(plain(m)).toEqual({ a: { x: [1, 2.5, 's'] }, ' b': [true], c: null, list: [null, { k: null }] });
    expect(typeof (m.a as GoMap).x).toBe('object');
    expect(((m.a as GoMap).x as unknown[])[0]).toBe(1);
  });

  it('--set-file reads the file named by the value', () => {
    const m = newMap();
    parseSetFileInto('cfg=conf/app.ini,k.v=x', m, (p) => `contents of ${p}`);
    expect(plain(m)).toEqual({ cfg: 'contents of conf/app.ini', k: { v: 'contents of x' } });
  });

  it('--set-literal takes the rest of the argument verbatim', () => {
    const m = newMap();
    parseSetLiteralInto('a.b=x,y\\z={1}', m);
    expect(plain(m)).toEqual({ a: { b: 'x,y\\z={1}' } });
  });

  it('typedVal leaves numbers with a leading zero or a fraction as strings', () => {
    expect(typedVal('0123', false)).toBe('0123');
    expect(typedVal('+5', false)).toEqual(int64(5n));
    expect(typedVal('1e3', false)).toBe('1e3');
    expect(typedVal('true', true)).toBe('true');
  });
});
