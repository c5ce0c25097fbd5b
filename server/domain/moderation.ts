// May this item's public words go on the kiosk? Pure: the item, the identifier findings on its
// public text and the reason offered in, the reasons for refusing out (empty: it may be approved).
import type { Finding } from './identifiers.js';

export type ModerationItem = { publicText: string; safeguarding: boolean };

export type Refusal = { field: 'publicText' | 'safeReason' | 'safeguarding'; message: string };

export function approvalRefusals(item: ModerationItem, findings: readonly Finding[], safeReason: string): Refusal[] {
  // A possible disclosure is never published, whatever else is true.
  if (item.safeguarding)
    return [{ field: 'safeguarding', message: 'This item is flagged for safeguarding: it can never be published' }];
  if (item.publicText.trim() === '')
    return [{ field: 'publicText', message: 'Write the public words before approving them for the kiosk' }];
  if (findings.length > 0 && safeReason.trim() === '')
    return [
      {
        field: 'safeReason',
        message: `The check found ${findings.length === 1 ? 'something that' : `${findings.length} things that`} could identify someone: edit the public words, or say why they are safe`,
      },
    ];
  return [];
}
