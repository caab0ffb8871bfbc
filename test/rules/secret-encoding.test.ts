import { testRule } from '../support/rule-tester.js'; testRule('secret-encoding');
