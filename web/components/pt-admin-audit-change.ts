// One audit entry's change, readably: each field with its old value → new value. A new record
// lists what it was made with; a removed one what it held. The words come from the API, which
// names ids and says codes and dates in words, after masking what the reader may not see.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';
import type { AuditEntry } from '../../server/contracts/index.js';
import { t } from '../i18n/messages.js';

/** `answerTargetDays` → "Answer target days". */
export function fieldName(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One field of a change in words, as the API gives it (server/domain/audit-words.ts). */
export type AuditChange = AuditEntry['changes'][number];

@customElement('pt-admin-audit-change')
export class PtAdminAuditChange extends PtLightElement {
  /** The change in words: names for ids, words for codes, dates in words. */
  @property({ attribute: false }) changes: readonly AuditChange[] = [];

  override render() {
    if (!this.changes.length) return html`<span class="pt-admin-change__none">${t('adminAudit.nothing')}</span>`;
    const shown = (v: string) => v || t('adminAudit.none.value');
    return html`<ul class="govuk-list pt-admin-change">
      ${this.changes.map((c) => {
        const label = c.field ? html`<span class="pt-admin-change__field">${c.field}:</span> ` : nothing;
        if (c.was === null) return html`<li>${label}${shown(c.now ?? '')}</li>`;
        if (c.now === null) return html`<li>${label}${shown(c.was)} ${t('adminAudit.removed')}</li>`;
        return html`<li>
          ${label}<del class="pt-admin-change__old">${shown(c.was)}</del> <span aria-hidden="true">→</span
          ><span class="pt-visually-hidden"> ${t('adminAudit.changedTo')} </span>
          <ins class="pt-admin-change__new">${shown(c.now)}</ins>
        </li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-admin-audit-change': PtAdminAuditChange;
  }
}
