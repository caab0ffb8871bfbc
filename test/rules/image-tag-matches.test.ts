import { testRule } from '../support/rule-tester.js'; testRule('image-tag-matches');
