import { testRule } from '../support/rule-tester.js'; testRule('namespace-consistent');
