import { testRule } from '../support/rule-tester.js'; testRule('replicas-range');
