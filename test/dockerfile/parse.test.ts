import { describe, expect, it } from 'vitest';
import { finalStage, stageChain } from '../../src/dockerfile/model.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';

const parse = (text: string) => parseDockerfile(text, 'Dockerfile', '/repo/Dockerfile');

describe('parseDockerfile', () => {
  it('splits stages at FROM, with names, bases and 1-based positions', () => {
    const df = parse('# syntax=docker/dockerfile:1\nARG NODE=20\nFROM node:${NODE}-alpine AS Deps\nRUN npm ci\n\nFROM deps AS runner\nUSER 1001\n');
    expect(df.stages.map((s) => [s.index, s.name, s.base.raw, s.base.value, s.baseStage?.name])).toEqual([
      [0, 'deps', 'node:${NODE}-alpine', 'node:20-alpine', undefined],
      [1, 'runner', 'deps', 'deps', 'deps'],
    ]);
    expect(df.stages[0].base.span).toEqual({ line: 3, column: 6, endLine: 3, endColumn: 25 });
    expect(df.stages[0].from.span).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 33 });
    expect(stageChain(finalStage(df)!).map((s) => s.name)).toEqual(['deps', 'runner']);
  });

  it('keeps words across line continuations, flags apart from words, and exec form unquoted', () => {
    const df = parse('FROM alpine:3.20\nRUN apk add curl && \\\n    npm ci\nCOPY --from=build --chown=1:1 /a /b\nCMD ["node", "server.js"]\n');
    const [run, copy, cmd] = df.stages[0].instructions;
    expect(run.words.map((w) => [w.raw, w.span.line, w.span.column])).toEqual([['apk', 2, 5], ['add', 2, 9], ['curl', 2, 13], ['&&', 2, 18], ['npm', 3, 5], ['ci', 3, 9]]);
    expect(run.span).toEqual({ line: 2, column: 1, endLine: 3, endColumn: 11 });
    expect(copy.flags.map((f) => [f.name, f.value])).toEqual([['from', 'build'], ['chown', '1:1']]);
    expect(copy.words.map((w) => w.raw)).toEqual(['/a', '/b']);
    expect(cmd.execForm).toBe(true);
    expect(cmd.words.map((w) => [w.raw, w.span.column])).toEqual([['node', 6], ['server.js', 14]]);
  });

  it('leaves a value unknown when a variable has no value', () => {
    const df = parse('FROM python:3.13-slim\nARG PORT\nEXPOSE ${PORT}\nENV UID=1001\nUSER ${UID}\n');
    const [, expose, , user] = df.stages[0].instructions;
    expect(expose.words[0].value).toBeUndefined();
    expect(user.words[0].value).toBe('1001');
  });

  it('has no stage without FROM', () => {
    expect(parse('# nothing\nARG X=1\n').stages).toEqual([]);
  });
});
