import { testRule } from '../support/rule-tester.js';

testRule('cluster-capacity');
