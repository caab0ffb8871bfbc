import { testRule } from '../support/rule-tester.js'; testRule('plaintext-secrets');
