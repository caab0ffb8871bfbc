import { testRule } from '../support/rule-tester.js';

testRule('deprecated-api');
