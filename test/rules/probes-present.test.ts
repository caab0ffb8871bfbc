import { testRule } from '../support/rule-tester.js';

testRule('probes-present');
