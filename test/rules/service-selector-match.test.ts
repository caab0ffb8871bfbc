import { testRule } from '../support/rule-tester.js'; testRule('service-selector-match');
