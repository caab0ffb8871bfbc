import { testRule } from '../support/rule-tester.js'; testRule('rolling-update-strategy');
