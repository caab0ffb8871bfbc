import { testRule } from '../support/rule-tester.js';

testRule('naming-prefix');
