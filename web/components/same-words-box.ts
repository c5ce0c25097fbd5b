// "Use the same words for children": one GOV.UK checkbox for the promise and theme forms. The
// words still go through approval before children see them; the hint says so.
import { html } from 'lit';
import { t } from '../i18n/messages.js';

export function sameWordsBox(checked: boolean, onChange: (on: boolean) => void) {
  return html`<div class="govuk-form-group">
    <div class="govuk-checkboxes govuk-checkboxes--small">
      <div class="govuk-checkboxes__item">
        <input
          class="govuk-checkboxes__input"
          id="f-sameWords"
          name="sameWords"
          type="checkbox"
          .checked=${checked}
          aria-describedby="f-sameWords-hint"
          @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)}
        />
        <label class="govuk-label govuk-checkboxes__label" for="f-sameWords">${t('sameWords.label')}</label>
        <div class="govuk-hint govuk-checkboxes__hint" id="f-sameWords-hint">${t('sameWords.hint')}</div>
      </div>
    </div>
  </div>`;
}
