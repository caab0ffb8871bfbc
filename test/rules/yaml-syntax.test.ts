import { testRule } from '../support/rule-tester.js';

testRule('yaml-syntax');
