import { testRule } from '../support/rule-tester.js';

testRule('unused-suppression');
