/**
 * What the gotpl goldens cannot reach: typed Go objects, []byte values,
 * random output, the declared Go signatures, and a few invariants checked
 * with fast-check.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GoInt, GoObject, goSignatureOf, type GoFunction, type GoValue } from '../../src/helm/go/value.js';
import { stringFuncs } from '../../src/helm/sprig/strings.js';
import { mathFuncs } from '../../src/helm/sprig/math.js';
import { conversionFuncs } from '../../src/helm/sprig/conversion.js';
import { defaultsFuncs } from '../../src/helm/sprig/defaults.js';
import { regexFuncs } from '../../src/helm/sprig/regex.js';
import { encodingFuncs } from '../../src/helm/sprig/encoding.js';
import { pathFuncs } from '../../src/helm/sprig/paths.js';
import { reflectFuncs } from '../../src/helm/sprig/reflect.js';
import { helmFuncMap } from '../../src/helm/sprig/index.js';
import { GoArgError } from '../../src/helm/sprig/signatures.js';
import { goParseInt } from '../../src/helm/sprig/cast.js';
import { tagGoType } from '../../src/helm/go/reflect.js';

const f: Record<string, GoFunction> = {
  ...stringFuncs, ...mathFuncs, ...conversionFuncs, ...defaultsFuncs,
  ...regexFuncs, ...encodingFuncs, ...pathFuncs, ...reflectFuncs,
};

/** A struct-like typed value, as the chart layer's .Chart or a time.Time would be. */
class Metadata extends GoObject {
  constructor(private readonly name: string) {
    super();
  }
  goType(): string {
    return '*chart.Metadata';
  }
  override goKind(): string {
    return 'ptr';
  }
  formatV(): string {
    return `{${this.name}}`;
  }
}

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

describe('function set', () => {
  const owned = `abbrev abbrevboth cat contains hasPrefix hasSuffix indent nindent initials lower upper nospace plural quote squote
    repeat replace shuffle substr swapcase title untitle trim trimAll trimall trimPrefix trimSuffix trunc wrap wrapWith camelcase
    snakecase kebabcase split splitList splitn join sortAlpha hello add add1 sub mul div mod max min biggest floor ceil round addf
    add1f subf mulf divf maxf minf seq until untilStep atoi int int64 float64 toString toStrings toDecimal default empty coalesce
    all any ternary regexMatch regexFind regexFindAll regexReplaceAll regexReplaceAllLiteral regexSplit regexQuoteMeta
    mustRegexMatch mustRegexFind mustRegexFindAll mustRegexReplaceAll mustRegexReplaceAllLiteral mustRegexSplit b64enc b64dec
    b32enc b32dec sha1sum sha256sum sha512sum adler32sum base dir ext clean isAbs osBase osDir osExt osClean osIsAbs urlParse
    urlJoin typeOf typeIs typeIsLike kindOf kindIs deepEqual`.split(/\s+/);

  it('provides exactly the string, math, conversion, defaults, regex, encoding, path and reflect functions, all in helmFuncMap', () => {
    expect(Object.keys(f).sort()).toEqual([...owned].sort());
    const all = helmFuncMap();
    for (const name of owned) expect(typeof all[name], name).toBe('function');
  });

  it('declares Go signatures for the executor', () => {
    expect(goSignatureOf(f.repeat)).toEqual({ params: ['int', 'string'] });
    expect(goSignatureOf(f.round)).toEqual({ params: ['any', 'int'], variadic: 'float64' });
    expect(goSignatureOf(f.default)).toEqual({ params: ['any'], variadic: 'any' });
    expect(goSignatureOf(f.urlJoin)).toEqual({ params: ['map'] });
    for (const name of owned) expect(goSignatureOf(f[name]), name).toBeDefined();
  });

  it('reports argument errors as GoArgError with text/template wording', () => {
    expect(() => f.upper()).toThrow(new GoArgError('wrong number of args for upper: want 1 got 0'));
    expect(() => f.mul()).toThrow(new GoArgError('wrong number of args for mul: want at least 1 got 0'));
    expect(() => f.indent(2.5, 'x')).toThrow(new GoArgError('wrong type for value; expected int; got float64'));
    expect(() => f.upper(new Metadata('x'))).toThrow(new GoArgError('wrong type for value; expected string; got *chart.Metadata'));
    expect(() => f.ternary(1n, 2n, 'yes')).toThrow(new GoArgError('wrong type for value; expected bool; got string'));
  });
});

describe('typed objects and []byte', () => {
  const md = new Metadata('app');
  const raw = bytes('héllo');

  it('names types and kinds', () => {
    expect(f.typeOf(md)).toBe('*chart.Metadata');
    expect(f.kindOf(md)).toBe('ptr');
    expect(f.typeIsLike('chart.Metadata', md)).toBe(true);
    expect(f.typeIs('chart.Metadata', md)).toBe(false);
    expect(f.typeOf(raw)).toBe('[]uint8');
    expect(f.kindOf(raw)).toBe('slice');
    expect(f.typeOf(tagGoType([1n], '[]int'))).toBe('[]int');
    expect(f.kindOf(() => null)).toBe('func');
  });

  it('never treats an object as empty; an empty []byte is', () => {
    expect(f.empty(md)).toBe(false);
    expect(f.default('d', md)).toBe(md);
    expect(f.empty(new Uint8Array(0))).toBe(true);
    expect(f.empty(raw)).toBe(false);
  });

  it('prints objects with their %v text and []byte as text where Sprig uses strval', () => {
    expect(conversionFuncs['toString'](md)).toBe('{app}');
    expect(f.quote(md, raw)).toBe('"{app}" "héllo"');
    expect(conversionFuncs['toString'](raw)).toBe('héllo');
    expect(f.cat(raw)).toBe('[104 195 169 108 108 111]');
    expect(f.toStrings(bytes('AB'))).toEqual(['65', '66']);
    expect(f.join('-', bytes('AB'))).toBe('65-66');
  });

  it('compares objects and bytes in deepEqual', () => {
    expect(f.deepEqual(md, new Metadata('app'))).toBe(true);
    expect(f.deepEqual(md, new Metadata('other'))).toBe(false);
    expect(f.deepEqual(raw, bytes('héllo'))).toBe(true);
    expect(f.deepEqual(raw, 'héllo')).toBe(false);
    expect(f.deepEqual(NaN, NaN)).toBe(false);
  });
});

describe('shuffle', () => {
  it('returns a permutation of the runes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 20 }), (s) => {
        const out = f.shuffle(s) as string;
        expect([...out].sort()).toEqual([...s].sort());
      }),
    );
  });
});

describe('invariants', () => {
  it('b64dec(b64enc(s)) and b32dec(b32enc(s)) give s back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        expect(f.b64dec(f.b64enc(s))).toBe(s);
        expect(f.b32dec(f.b32enc(s))).toBe(s);
        expect(f.b64enc(s)).toBe(Buffer.from(s, 'utf8').toString('base64'));
      }),
    );
  });

  it('parses every int64 in every base Go accepts', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }), (n) => {
        const sign = n < 0n ? '-' : '';
        const abs = n < 0n ? -n : n;
        expect(goParseInt(n.toString(), 10)).toEqual({ ok: true, value: n });
        expect(f.int(`${sign}0x${abs.toString(16)}`)).toBe(n);
        expect(f.int(`${sign}0o${abs.toString(8)}`)).toBe(n);
        expect(f.int(`${sign}0b${abs.toString(2)}`)).toBe(n);
        expect(f.toDecimal(`${sign}${abs.toString(8)}`)).toEqual(new GoInt(n, 'int64'));
      }),
    );
  });

  it('clean is idempotent and never returns an empty path', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '.', '..', '', '/'), { maxLength: 12 }), (parts) => {
        const p = parts.join('/');
        const c = f.clean(p) as string;
        expect(c).not.toBe('');
        expect(f.clean(c)).toBe(c);
        expect(f.osClean(p)).toBe(c);
      }),
    );
  });

  it('integer arithmetic wraps like int64', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }), fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }), (a, b) => {
        expect(f.add(a, b)).toEqual(new GoInt(BigInt.asIntN(64, a + b), 'int64'));
        expect(f.sub(a, b)).toEqual(new GoInt(BigInt.asIntN(64, a - b), 'int64'));
        expect(f.mul(a, b)).toEqual(new GoInt(BigInt.asIntN(64, a * b), 'int64'));
      }),
    );
  });
});

describe('values from other functions keep Go types', () => {
  it('tags slices and maps', () => {
    const v: GoValue = f.splitList(',', 'a,b');
    expect(f.typeOf(v)).toBe('[]string');
    expect(f.typeOf(f.regexSplit(',', 'a,b', -1n))).toBe('[]string');
    expect(f.typeOf(f.untilStep(0n, 3n, 1n))).toBe('[]int');
    expect(f.typeOf(f.splitn(',', 2n, 'a,b'))).toBe('map[string]string');
  });
});

/** A named slice type, like chartutil.VersionSet ([]string). */
class VersionSet extends GoObject {
  constructor(private readonly versions: string[]) {
    super();
  }
  goType(): string {
    return 'chartutil.VersionSet';
  }
  override goKind(): string {
    return 'slice';
  }
  override underlying(): GoValue[] {
    return [...this.versions];
  }
  formatV(): string {
    return `[${this.versions.join(' ')}]`;
  }
}

describe('named collection types', () => {
  it('are seen through by join, toStrings, sortAlpha and empty', () => {
    const vs = new VersionSet(['v1', 'apps/v1', 'batch/v1']);
    expect(f.join(',', vs)).toBe('v1,apps/v1,batch/v1');
    expect(f.toStrings(vs)).toEqual(['v1', 'apps/v1', 'batch/v1']);
    expect(f.sortAlpha(vs)).toEqual(['apps/v1', 'batch/v1', 'v1']);
    expect(f.empty(vs)).toBe(false);
    expect(f.empty(new VersionSet([]))).toBe(true);
    expect(f.kindOf(vs)).toBe('slice');
    expect(f.typeOf(vs)).toBe('chartutil.VersionSet');
  });
});

describe('limits', () => {
  it('refuses to build huge lists instead of running out of memory', () => {
    expect(() => f.until(100_000_000_000n)).toThrow('a list of 100000000000 integers is too large to build (limit 10000000)');
    expect(() => f.seq(-100_000_000_000n)).toThrow(/too large to build/);
    expect(() => f.repeat(1n << 40n, 'ab')).toThrow('strings: Repeat output length overflow');
    expect((f.untilStep(0n, 100_000_000_000n, 100_000_000n) as bigint[]).length).toBe(1000);
  });
});
