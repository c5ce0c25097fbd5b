// Problems the API answers with (application/problem+json). Routes throw these; the error
// handler turns them into responses.
export type FieldProblem = { path: string; message: string };

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldProblem[],
    readonly current?: unknown,
  ) {
    super(detail ?? title);
  }
}

export const notFound = (what: string) => new HttpProblem(404, 'Not found', `${what} was not found.`);

export const conflict = (current: unknown) =>
  new HttpProblem(
    409,
    'Someone else changed this',
    'This record was changed by someone else after you opened it. Their version is included; review it and try again.',
    undefined,
    current,
  );

export const invalid = (errors: FieldProblem[], detail = 'Check the highlighted fields.') =>
  new HttpProblem(400, 'There is a problem', detail, errors);

export const forbidden = (detail = 'You do not have permission to do this.') =>
  new HttpProblem(403, 'Forbidden', detail);
