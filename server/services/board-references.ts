// Rows a board meeting or challenge refers to must exist: a field problem, never a foreign-key failure.
import type { Db } from '../../db/client.js';
import { activeUserExists, promiseExists, themeExists } from '../../db/repositories/board.js';
import { invalid, type FieldProblem } from '../errors.js';

export async function checkBoardReferences(
  db: Db,
  refs: { focusThemeId?: number | null; promiseId?: number | null; ownerId?: number | null },
): Promise<void> {
  const errors: FieldProblem[] = [];
  if (refs.focusThemeId && !(await themeExists(db, refs.focusThemeId)))
    errors.push({ path: 'body.focusThemeId', message: 'Choose a theme that exists' });
  if (refs.promiseId && !(await promiseExists(db, refs.promiseId)))
    errors.push({ path: 'body.promiseId', message: 'Choose a promise that exists' });
  if (refs.ownerId && !(await activeUserExists(db, refs.ownerId)))
    errors.push({ path: 'body.ownerId', message: 'Choose a person who can sign in' });
  if (errors.length) throw invalid(errors);
}
