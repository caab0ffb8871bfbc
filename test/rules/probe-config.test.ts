import { testRule } from '../support/rule-tester.js';

testRule('probe-config');
