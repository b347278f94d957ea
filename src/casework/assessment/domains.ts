import type { DomainAnswer, NeedDomain } from '../../contracts/casework.js';
import type { FieldProblem } from '../../errors.js';

/**
 * The problems with an assessment's need domains: each must be one of the scheme's domains in
 * force, and each may be answered once, so that a reassessment compares like with like. Pure.
 */
export function domainProblems(answers: readonly Pick<DomainAnswer, 'domain'>[], domains: readonly NeedDomain[]): FieldProblem[] {
  const known = new Set(domains.map((d) => d.code));
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  answers.forEach((answer, index) => {
    const field = `body.domains.${index}.domain`;
    if (!known.has(answer.domain)) {
      problems.push({ field, message: 'Choose one of the scheme’s need domains' });
    } else if (seen.has(answer.domain)) {
      problems.push({ field, message: 'This need is already in the assessment: give it once' });
    }
    seen.add(answer.domain);
  });
  return problems;
}
