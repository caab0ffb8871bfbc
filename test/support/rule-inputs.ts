/** The loader-made parts of a RuleContext, empty, for tests that call a rule's check with a fake context. */
import type { CrdInput, DockerfileCatalogue, GitIndex } from '../../src/engine/rule.js';
import { CrdCatalog } from '../../src/schema/crd.js';

export function emptyRuleInputs(): { dockerfiles: DockerfileCatalogue; crds: CrdInput; git: GitIndex } {
  return {
    dockerfiles: { lookup: () => ({ found: false, why: 'not-found', reason: 'no Dockerfiles in this test' }) },
    crds: { catalog: new CrdCatalog(), problems: [] },
    git: { inIndex: () => false },
  };
}
