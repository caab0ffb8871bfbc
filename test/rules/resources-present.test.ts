import { testRule } from '../support/rule-tester.js'; testRule('resources-present');
