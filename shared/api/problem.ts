/**
 * Errors as RFC 9457 problem details (application/problem+json). `type` is a URN per kind of problem,
 * so a client can branch on it without parsing the title.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** For invalid requests: which input was wrong and why. */
  errors?: { path: string; message: string }[];
}

export const problemContentType = 'application/problem+json';

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }
}

const typeOf = (code: string) => `urn:article-pipeline:problem:${code}`;

export const problems = {
  invalidRequest: (errors: Problem['errors'], detail = 'The request has invalid parameters.') =>
    new ProblemError({
      type: typeOf('invalid-request'),
      title: 'Invalid request',
      status: 400,
      detail,
      errors,
    }),
  invalidCursor: (detail = 'The cursor is not one this API issued for this query.') =>
    new ProblemError({ type: typeOf('invalid-cursor'), title: 'Invalid cursor', status: 400, detail }),
  notFound: (detail: string) =>
    new ProblemError({ type: typeOf('not-found'), title: 'Not found', status: 404, detail }),
  methodNotAllowed: (method: string) =>
    new ProblemError({
      type: typeOf('method-not-allowed'),
      title: 'Method not allowed',
      status: 405,
      detail: `${method} is not supported here; this API is read-only (GET).`,
    }),
  internal: () =>
    new ProblemError({
      type: typeOf('internal'),
      title: 'Internal error',
      status: 500,
      detail: 'The request could not be answered; it has been logged.',
    }),
};
