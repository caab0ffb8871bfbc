import { testRule } from '../support/rule-tester.js';

testRule('requests-below-limits');
