// One audit entry's change, readably: each field with its old value → new value. A new record
// lists what it was made with; a removed one what it held. Values are shortened, never hidden.
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

const MAX_CHARS = 160;
const MAX_ITEMS = 6;

/** `answerTargetDays` → "Answer target days". */
export function fieldName(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const clip = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s);

/** A value in words: lists by their names, objects as "key: value" pairs. */
export function readable(v: unknown): string {
  if (v === null || v === undefined || v === '') return t('adminAudit.none.value');
  if (typeof v === 'boolean') return t(v ? 'admin.yes' : 'admin.no');
  if (typeof v === 'string' || typeof v === 'number') return clip(String(v));
  if (Array.isArray(v)) {
    if (!v.length) return t('adminAudit.none.value');
    const shown = v.slice(0, MAX_ITEMS).map((x) => {
      if (typeof x !== 'object' || x === null) return String(x);
      const o = x as Record<string, unknown>;
      const name = o.label ?? o.name ?? o.title ?? o.id;
      return name === undefined ? JSON.stringify(o) : String(name);
    });
    const more = v.length > MAX_ITEMS ? ` ${t('adminAudit.more', { n: v.length - MAX_ITEMS })}` : '';
    return clip(shown.join(', ')) + more;
  }
  if (typeof v === 'object') {
    return clip(
      Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${fieldName(k)}: ${typeof x === 'object' && x !== null ? readable(x) : String(x)}`)
        .join('; '),
    );
  }
  return clip(String(v));
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

@customElement('pt-admin-audit-change')
export class PtAdminAuditChange extends PtLightElement {
  /** Named so as not to hide Element's before() and after(). */
  @property({ attribute: false }) was: unknown = null;
  @property({ attribute: false }) now: unknown = null;

  override render() {
    const before = asRecord(this.was);
    const after = asRecord(this.now);
    if (!before && !after) {
      if (this.was == null && this.now == null)
        return html`<span class="pt-admin-change__none">${t('adminAudit.nothing')}</span>`;
      return html`${readable(this.was)} → ${readable(this.now)}`;
    }
    const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
    return html`<ul class="govuk-list pt-admin-change">
      ${keys.map((k) => {
        const was = before?.[k];
        const now = after?.[k];
        const label = html`<span class="pt-admin-change__field">${fieldName(k)}:</span>`;
        if (!before) return html`<li>${label} ${readable(now)}</li>`;
        if (!after) return html`<li>${label} ${readable(was)} ${t('adminAudit.removed')}</li>`;
        return html`<li>
          ${label} <del class="pt-admin-change__old">${readable(was)}</del> <span aria-hidden="true">→</span
          ><span class="pt-visually-hidden"> ${t('adminAudit.changedTo')} </span>
          <ins class="pt-admin-change__new">${readable(now)}</ins>
        </li>`;
      })}
      ${keys.length ? nothing : html`<li>${t('adminAudit.nothing')}</li>`}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-admin-audit-change': PtAdminAuditChange;
  }
}
