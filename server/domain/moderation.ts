// May these words go where children and the public read them? Pure: the record's state, the
// identifier findings on its words and the reason offered in; the refusals out (none: it may be
// approved) and whether a second person must confirm.
//
// The rules (one gate for every public text, whoever wrote it):
// - a safeguarding-flagged item is never published;
// - a hard finding (contact details, a street address, a date of birth, a handle, a full name)
//   can never be approved by giving a reason: it must be edited out;
// - any other finding (one name, a school, a home, a watch-list word, a unique description) may
//   be approved with a reason, and then a second participation worker or admin must confirm.
import { isHardStop, type Finding } from './identifiers.js';

export type Refusal = { field: string; message: string };

/** The words of one record, field by field, with what the check found in each. */
export type CheckedWords = { field: string; text: string; findings: readonly Finding[] };

export type ApprovalInput = {
  /** Feedback only: flagged items are never published. */
  safeguarding?: boolean;
  /** Feedback only: a quote needs its public words written before anything of it goes public. */
  needsPublicText?: boolean;
  words: readonly CheckedWords[];
  reason: string;
};

export type ApprovalDecision = { refusals: Refusal[]; needsSecond: boolean };

export function decideApproval(input: ApprovalInput): ApprovalDecision {
  // A possible disclosure is never published, whatever else is true.
  if (input.safeguarding)
    return refuse('safeguarding', 'This item is flagged for safeguarding: it can never be published');
  if (input.needsPublicText) return refuse('publicText', 'Write the public words before approving them for the kiosk');
  const refusals: Refusal[] = [];
  for (const w of input.words) {
    const hard = w.findings.filter(isHardStop);
    if (hard.length > 0)
      refusals.push({
        field: w.field,
        message: `Edit out ${hard.map((f) => `“${f.text}”`).join(', ')}: ${hard.length === 1 ? 'it' : 'they'} could identify someone and can never be approved`,
      });
  }
  if (refusals.length > 0) return { refusals, needsSecond: false };
  const soft = input.words.reduce((n, w) => n + w.findings.length, 0);
  if (soft === 0) return { refusals: [], needsSecond: false };
  if (input.reason.trim() === '')
    return refuse(
      'safeReason',
      `The check found ${soft === 1 ? 'something that' : `${soft} things that`} could identify someone: edit the words, or say why they are safe`,
    );
  return { refusals: [], needsSecond: true };
}

export type ConfirmationInput = {
  awaitingSecond: boolean;
  firstById: number | null;
  confirmerId: number | null;
  /** The words the first person approved are still the draft. */
  unchanged: boolean;
};

/** A second person confirms exactly the words the first approved, and cannot be the first. */
export function confirmationRefusal(input: ConfirmationInput): { status: 400 | 409; message: string } | null {
  if (!input.awaitingSecond) return { status: 409, message: 'Nothing here is waiting for a second person to confirm' };
  if (input.confirmerId === null || input.confirmerId === input.firstById)
    return { status: 400, message: 'A second participation worker or admin must confirm: not the person who approved' };
  if (!input.unchanged)
    return { status: 409, message: 'The words changed after they were approved: they must be checked again' };
  return null;
}

const refuse = (field: string, message: string): ApprovalDecision => ({
  refusals: [{ field, message }],
  needsSecond: false,
});
