import { testRule } from '../support/rule-tester.js'; testRule('dockerfile-base-image');
