// The words that flag identifying text: the council's watch words and local names, one a line.
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n/messages.js';
import { SettingsSection } from './settings-section.js';
import '../pt-text-field.js';

@customElement('pt-settings-words')
export class PtSettingsWords extends SettingsSection {
  override render() {
    const d = this.draft;
    return html`<h2 class="govuk-heading-m">${t('adminSettings.words')}</h2>
      <pt-text-field
        name="watchWords"
        label=${t('adminSettings.watchWords')}
        hint=${t('adminSettings.watchWordsHint')}
        multiline
        .value=${d.watchWords}
        error=${this.err('watchWords')}
      ></pt-text-field>
      <pt-text-field
        name="localNames"
        label=${t('adminSettings.localNames')}
        hint=${t('adminSettings.localNamesHint')}
        multiline
        .value=${d.localNames}
        error=${this.err('localNames')}
      ></pt-text-field>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-settings-words': PtSettingsWords;
  }
}
