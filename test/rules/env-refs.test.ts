import { testRule } from '../support/rule-tester.js'; testRule('env-refs');
