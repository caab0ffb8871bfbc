import { testRule } from '../support/rule-tester.js';

testRule('required-labels');
