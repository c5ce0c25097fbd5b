// What every section of the settings page shares: the draft and field problems it is given by the
// page, and the heading-and-group pattern a list of boxes sits in. A section renders into the
// page's one form (light DOM), so the page reads every box back with FormData.
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { PtLightElement } from '../../light-element.js';
import { t } from '../../i18n/messages.js';
import type { Draft, Errors } from './settings-draft.js';

export class SettingsSection extends PtLightElement {
  @property({ attribute: false }) draft!: Draft;
  @property({ attribute: false }) errors: Errors = {};

  protected err(key: string) {
    return this.errors[key] ?? '';
  }

  /** Tells the page about a row to add (detail -1) or remove (its index), or a box that changes the page. */
  protected emit(name: 'pt-settings-add' | 'pt-settings-remove' | 'pt-settings-changed', detail = -1) {
    this.dispatchEvent(new CustomEvent<number>(name, { detail, bubbles: true }));
  }
}

/** A group of boxes under a heading; it takes the summary's link when the group itself is wrong. */
export function settingsGroup(key: string, legend: string, hint: string, error: string, body: unknown) {
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
    <div
      role="group"
      id="f-${key}"
      tabindex="-1"
      aria-labelledby="f-${key}-heading"
      aria-describedby="f-${key}-hint${error ? ` f-${key}-error` : ''}"
    >
      <h2 class="govuk-heading-m" id="f-${key}-heading">${legend}</h2>
      <div id="f-${key}-hint" class="govuk-hint">${hint}</div>
      ${
        error
          ? html`<p id="f-${key}-error" class="govuk-error-message">
              <span class="govuk-visually-hidden">${t('error.prefix')}</span> ${error}
            </p>`
          : nothing
      }
      ${body}
    </div>
  </div>`;
}
