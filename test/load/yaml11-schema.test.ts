/**
 * Plain scalars read the way Kubernetes (go-yaml v2, YAML 1.1) reads them,
 * through the single first-character resolver of src/load/yaml11-schema.ts;
 * explicit tags and merge keys still work.
 */
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { YAML11_SCHEMA } from '../../src/load/yaml11-schema.js';

const read = (text: string) => yaml.load(text, { schema: YAML11_SCHEMA });

const TABLE: Array<[string, unknown]> = [
  ['~', null], ['null', null], ['Null', null], ['NULL', null], ['nULL', 'nULL'],
  ['n', false], ['N', false], ['no', false], ['NO', false], ['nO', 'nO'],
  ['y', true], ['yes', true], ['YES', true], ['True', true], ['tRUE', 'tRUE'],
  ['on', true], ['On', true], ['off', false], ['OFF', false], ['false', false], ['f', 'f'],
  ['0', 0], ['0777', 511], ['0778', 778], ['080', 80], ['0x1F', 31], ['0b101', 5], ['1_000', 1000],
  ['-1', -1], ['+1', 1], ['.', '.'], ['.5', 0.5], ['1.5', 1.5], ['1.', 1], ['1e3', 1000], ['-1.5e-3', -0.0015],
  ['.inf', Infinity], ['-.inf', -Infinity], ['.nan', NaN],
  ['12:30', '12:30'], ['2024-01-01', '2024-01-01'], ['<', '<'], ['todo', 'todo'], ['123abc', '123abc'],
];

describe('YAML 1.1 plain scalars', () => {
  for (const [text, want] of TABLE) {
    it(`${text} -> ${String(want)}`, () => {
      expect(read(`v: ${text}`)).toEqual({ v: want });
      expect(read(`- ${text}`)).toEqual([want]);
      expect(read(`{a: ${text}}`)).toEqual({ a: want });
    });
  }

  it('reads keys the same way (a yes key is the boolean true, as a string key)', () => {
    expect(read('yes: 1\nname: 2\n')).toEqual({ true: 1, name: 2 });
  });

  it('keeps quoted scalars strings', () => {
    expect(read(`a: "yes"\nb: '0777'\nc: "~"\n`)).toEqual({ a: 'yes', b: '0777', c: '~' });
  });

  it('honours explicit tags', () => {
    expect(read('a: !!int "0x10"\nb: !!bool "on"\nc: !!float "1"\nd: !!null ~\ne: !!str 7\n')).toEqual({ a: 16, b: true, c: 1, d: null, e: '7' });
  });

  it('merges << keys', () => {
    expect(read('a: &x {p: 1}\nb:\n  <<: *x\n  q: 2\n')).toEqual({ a: { p: 1 }, b: { p: 1, q: 2 } });
  });
});
