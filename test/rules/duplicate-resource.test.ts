import { testRule } from '../support/rule-tester.js'; testRule('duplicate-resource');
