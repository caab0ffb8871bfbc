import { testRule } from '../support/rule-tester.js';

testRule('nodeport-range');
