import { describe, expect, it } from 'vitest';
import { commandsOf, devInstall } from '../../rules/_lib/dev-deps.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';

/** The dev-install verdict of each command of `RUN <line>`: the command text when it installs dev dependencies, else null. */
function verdicts(line: string, nodeEnvProduction = false): Array<string | null> {
  const run = parseDockerfile(`FROM node:20-alpine\nRUN ${line}\n`, 'Dockerfile', '/Dockerfile').stages[0].instructions[0];
  return commandsOf(run.words).map((c) => devInstall(c, { nodeEnvProduction })?.words.map((w) => w.raw).join(' ') ?? null);
}

describe('devInstall', () => {
  it('npm installs of the project keep devDependencies unless told otherwise', () => {
    expect(verdicts('npm ci && npm install && npm i --omit=dev && npm ci --omit dev && npm install --production && npm ci --only=production')).toEqual(['npm ci', 'npm install', null, null, null, null]);
    expect(verdicts('npm install -g pnpm; npm install express')).toEqual([null, null]);
    expect(verdicts('npm ci --include=dev', true)).toEqual(['npm ci --include=dev']);
  });
  it('NODE_ENV=production, from the stage or a prefix, makes npm/yarn/pnpm omit them', () => {
    expect(verdicts('npm ci && yarn && pnpm install', true)).toEqual([null, null, null]);
    expect(verdicts('NODE_ENV=production npm ci && yarn install --production && pnpm i --prod && yarn')).toEqual([null, null, null, 'yarn']);
    // The finding covers the command itself, after its VAR=value prefixes.
    expect(verdicts('NODE_ENV=development npm ci', true)).toEqual(['npm ci']);
  });
  it('pip, poetry, uv and pipenv', () => {
    expect(verdicts('pip install -r requirements.txt | pip3 install -r requirements-dev.txt || python -m pip install -rdev-requirements.txt')).toEqual([null, 'pip3 install -r requirements-dev.txt', 'python -m pip install -rdev-requirements.txt']);
    expect(verdicts('uv pip install -r requirements/test.txt && pip install "app[dev]" && pip install ".[postgres]"')).toEqual(['uv pip install -r requirements/test.txt', 'pip install "app[dev]"', null]);
    expect(verdicts('poetry install && poetry install --without dev && poetry install --only main && uv sync && uv sync --no-dev && pipenv install --dev && pipenv install --deploy')).toEqual(['poetry install', null, null, 'uv sync', null, 'pipenv install --dev', null]);
  });
  it('splits commands at shell separators, including a trailing semicolon', () => {
    expect(verdicts('apk add git; npm ci; npm run build')).toEqual([null, 'npm ci', null]);
  });
});
