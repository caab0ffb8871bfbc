import { testRule } from '../support/rule-tester.js'; testRule('no-committed-secrets', { inGitRepo: true });
