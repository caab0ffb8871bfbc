/**
 * src/config/load.ts's validation: an empty config is valid without loading a validator (a
 * start-up cost a run without a config does not pay either); the generated validator agrees that
 * an empty mapping is valid, and anything else is still checked.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { loadedScripts } from '../../src/code-cache.js';
import { loadConfig } from '../../src/config/load.js';
import { ROOT } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-config-');
const validatorFile = path.join(ROOT, 'dist/config-validate.cjs');
const validatorLoaded = () => loadedScripts().some((s) => s.file === validatorFile);

function configFile(name: string, text: string): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('config validation', () => {
  it('takes an empty config (JSON {}, an empty YAML file) as is, without loading the validator', async () => {
    for (const [name, text] of [['c.json', '{}\n'], ['c.yaml', ''], ['c.yaml', '# nothing yet\n']]) {
      const dir = configFile(name, text);
      expect((await loadConfig(dir, name, RULES)).config).toEqual({});
    }
    expect(validatorLoaded()).toBe(false);
  });

  it('still refuses an empty list and checks any key', async () => {
    await expect(loadConfig(configFile('c.json', '[]'), 'c.json', RULES)).rejects.toThrow(/^invalid config c\.json: /);
    await expect(loadConfig(configFile('c.json', '{"rulez": {}}'), 'c.json', RULES)).rejects.toThrow(/unknown key "rulez"/);
  });

  it('the generated validator agrees: the structure requires no key', () => {
    const generated = createRequire(import.meta.url)(validatorFile) as { structure: (data: unknown) => boolean };
    expect(generated.structure({})).toBe(true);
  });
});
