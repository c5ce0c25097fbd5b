// Who may enter a measure's figures, and so who sees them as entered. Pure: the person, the
// measure's owner and the lead of the measure's promise in; the answer out. The measures API and
// "My actions" both ask this one rule.

export type FiguresUser = { id: number; role: string };
export type FiguresMeasure = { ownerId: number | null; promiseLeadId: number | null };

/**
 * Admins, and an action owner on a measure they own or on any measure of a promise they lead: a
 * senior leader enters their promise's figures without asking an admin to reassign each measure.
 */
export function mayEnterFigures(user: FiguresUser, m: FiguresMeasure): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'owner' && (m.ownerId === user.id || m.promiseLeadId === user.id);
}

/**
 * Who sees a measure's real figures: those who enter them, only in their edit view. Asked for the
 * 'display' view, everyone gets "too few to show". The measure's owner keeps seeing what they
 * entered even if their role changes.
 */
export function seesRealFigures(user: FiguresUser, m: FiguresMeasure, view: 'edit' | 'display' = 'edit'): boolean {
  return view === 'edit' && (m.ownerId === user.id || mayEnterFigures(user, m));
}
