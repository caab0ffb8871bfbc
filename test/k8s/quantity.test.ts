import { describe, expect, it } from 'vitest';
import { addQuantities, compareQuantities, formatCpu, formatMemory, multiplyQuantity, parseQuantity } from '../../src/quantity.js';

/** [input, exact value as numerator/denominator] */
const TABLE: Array<[string | number, bigint, bigint]> = [
  ['0', 0n, 1n],
  ['1', 1n, 1n],
  ['100m', 1n, 10n],
  ['250m', 1n, 4n],
  ['0.1', 1n, 10n],
  ['.5', 1n, 2n],
  ['1.', 1n, 1n],
  ['+2', 2n, 1n],
  ['-1', -1n, 1n],
  ['1n', 1n, 1_000_000_000n],
  ['1u', 1n, 1_000_000n],
  ['1k', 1000n, 1n],
  ['1M', 1_000_000n, 1n],
  ['1G', 1_000_000_000n, 1n],
  ['1T', 10n ** 12n, 1n],
  ['1P', 10n ** 15n, 1n],
  ['1E', 10n ** 18n, 1n],
  ['1Ki', 1024n, 1n],
  ['1Mi', 1024n ** 2n, 1n],
  ['128Mi', 128n * 1024n ** 2n, 1n],
  ['1Gi', 1024n ** 3n, 1n],
  ['1.5Gi', 3n * 512n * 1024n ** 2n, 1n],
  ['1Ti', 1024n ** 4n, 1n],
  ['1Pi', 1024n ** 5n, 1n],
  ['1Ei', 1024n ** 6n, 1n],
  ['1e3', 1000n, 1n],
  ['1E3', 1000n, 1n],
  ['1e-3', 1n, 1000n],
  ['2.5e+2', 250n, 1n],
  ['12e6', 12_000_000n, 1n],
  [0.5, 1n, 2n],
  [2, 2n, 1n],
  [1e9, 1_000_000_000n, 1n],
];

describe('parseQuantity', () => {
  for (const [input, num, den] of TABLE) {
    it(`${JSON.stringify(input)} = ${num}/${den}`, () => {
      const q = parseQuantity(input);
      expect(q).toBeDefined();
      expect([q!.num, q!.den]).toEqual([num, den]);
    });
  }
  for (const bad of ['', 'm', '1mi', '1KI', '1 Gi', '1.2.3', 'abc', '1e', '--1', '1Gii', '0x10', true, null, {}]) {
    it(`rejects ${JSON.stringify(bad)}`, () => expect(parseQuantity(bad)).toBeUndefined());
  }
});

describe('exact comparison', () => {
  const cmp = (a: string, b: string) => compareQuantities(parseQuantity(a)!, parseQuantity(b)!);
  it('compares across suffixes without floating point', () => {
    expect(cmp('100m', '0.1')).toBe(0);
    expect(cmp('1Gi', '1073741824')).toBe(0);
    expect(cmp('1G', '1Gi')).toBe(-1);
    expect(cmp('1024Mi', '1Gi')).toBe(0);
    expect(cmp('0.30000000000000004', '0.3')).toBe(1);
    expect(cmp('100000001n', '100m')).toBe(1);
    expect(cmp('1e3', '1k')).toBe(0);
    expect(cmp('500m', '250m')).toBe(1);
  });
  it('adds and multiplies exactly', () => {
    const sum = addQuantities(parseQuantity('100m')!, parseQuantity('0.2')!);
    expect(compareQuantities(sum, parseQuantity('300m')!)).toBe(0);
    expect(compareQuantities(multiplyQuantity(parseQuantity('512Mi')!, 3n), parseQuantity('1.5Gi')!)).toBe(0);
  });
});

describe('formatting for messages', () => {
  it('prints cpu as cores or millicores', () => {
    expect(formatCpu(parseQuantity('3')!)).toBe('3');
    expect(formatCpu(parseQuantity('750m')!)).toBe('750m');
    expect(formatCpu(parseQuantity('2100m')!)).toBe('2100m');
  });
  it('prints memory in binary units', () => {
    expect(formatMemory(parseQuantity('6Gi')!)).toBe('6Gi');
    expect(formatMemory(parseQuantity('1536Mi')!)).toBe('1.5Gi');
    expect(formatMemory(parseQuantity('512Mi')!)).toBe('512Mi');
    expect(formatMemory(parseQuantity('1G')!)).toBe('953.67Mi');
  });
});
