import { testRule } from '../support/rule-tester.js';

testRule('service-type');
