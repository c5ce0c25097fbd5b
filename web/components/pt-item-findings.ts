// What the identifier check found in an item's public words (each finding marked in the words
// and listed, hard stops tagged) and in its answer, for the worker deciding whether to approve.
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CheckedField, FeedbackFindings } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { t, type MessageKey } from '../i18n/messages.js';

/** The answer's fields, which approval checks with the public words. */
export const ANSWER_LABEL: Record<CheckedField, MessageKey> = {
  responseText: 'item.responseText',
  cantReason: 'item.cantReason',
  responseTextCy: 'item.responseTextCy',
  cantReasonCy: 'item.cantReasonCy',
};

/** The public words with each finding marked, for the worker to see exactly what was found. */
function highlighted(f: FeedbackFindings): TemplateResult {
  const parts: (string | TemplateResult)[] = [];
  let at = 0;
  for (const finding of [...f.findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < at) continue;
    parts.push(f.publicText.slice(at, finding.start));
    parts.push(html`<mark class="pt-fb-finding" title=${finding.why}>${finding.text}</mark>`);
    at = finding.end;
  }
  parts.push(f.publicText.slice(at));
  return html`<p class="govuk-body pt-fb-highlighted">${parts}</p>`;
}

@customElement('pt-item-findings')
export class PtItemFindings extends PtLightElement {
  @property({ attribute: false }) findings!: FeedbackFindings;

  override render() {
    const findings = this.findings;
    return html`${
      findings.findings.length
        ? html`<div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text"
                >${t(findings.findings.length === 1 ? 'item.findingsOne' : 'item.findings', { count: findings.findings.length })}</strong
              >
            </div>
            ${highlighted(findings)}
            <ul class="govuk-list govuk-list--bullet">
              ${findings.findings.map(
                (f) =>
                  html`<li>
                    “${f.text}”: ${f.why}
                    ${f.hard ? html`<strong class="govuk-tag govuk-tag--red">${t('review.hard')}</strong>` : nothing}
                  </li>`,
              )}
            </ul>`
        : html`<p class="govuk-body">${t('item.noFindings')}</p>`
    }
    ${findings.answers
      .filter((w) => w.findings.length > 0)
      .map(
        (w) =>
          html`<div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text"
                >${t('item.answerFindings', { count: w.findings.length, field: t(ANSWER_LABEL[w.field]) })}</strong
              >
            </div>
            <ul class="govuk-list govuk-list--bullet" lang=${w.field.endsWith('Cy') ? 'cy' : 'en'}>
              ${w.findings.map(
                (f) =>
                  html`<li>
                    “${f.text}”: <span lang="en">${f.why}</span>
                    ${f.hard ? html`<strong class="govuk-tag govuk-tag--red" lang="en">${t('review.hard')}</strong>` : nothing}
                  </li>`,
              )}
            </ul>`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-item-findings': PtItemFindings;
  }
}
