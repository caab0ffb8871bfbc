import { testRule } from '../support/rule-tester.js';

testRule('k8s-schema');
