import { testRule } from '../support/rule-tester.js'; testRule('configmap-no-secrets');
