import { testRule } from '../support/rule-tester.js'; testRule('run-as-non-root');
