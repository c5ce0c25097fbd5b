// The age bands feedback is filed under: staff label, the words children see, and the Welsh.
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n/messages.js';
import { SettingsSection, settingsGroup } from './settings-section.js';
import '../pt-text-field.js';

@customElement('pt-settings-age-bands')
export class PtSettingsAgeBands extends SettingsSection {
  override render() {
    const d = this.draft;
    return settingsGroup(
      'ageBands',
      t('adminSettings.ageBands'),
      t('adminSettings.ageBandsHint'),
      this.err('ageBands'),
      html`${d.ageBands.map(
          (b, i) =>
            html`<fieldset class="govuk-fieldset pt-admin-row">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                ${t('adminSettings.ageBand', { n: i + 1 })}
              </legend>
              <pt-text-field
                name="ageBands.${i}.label"
                label=${t('adminSettings.ageBandLabel')}
                width="one-half"
                .value=${b.label}
                error=${this.err(`ageBands.${i}.label`)}
              ></pt-text-field>
              <pt-text-field
                name="ageBands.${i}.childLabel"
                label=${t('adminSettings.ageBandChildLabel')}
                width="one-half"
                .value=${b.childLabel}
                error=${this.err(`ageBands.${i}.childLabel`)}
              ></pt-text-field>
              <pt-text-field
                name="ageBands.${i}.childLabelCy"
                ?hidden=${!d.useWelsh}
                label=${t('adminSettings.ageBandChildLabelCy')}
                hint=${t('adminSettings.ageBandChildLabelCyHint')}
                optional
                width="one-half"
                .value=${b.childLabelCy}
                error=${this.err(`ageBands.${i}.childLabelCy`)}
              ></pt-text-field>
              <button
                type="button"
                class="govuk-button govuk-button--warning"
                @click=${() => this.emit('pt-settings-remove', i)}
              >
                ${t('adminSettings.removeAgeBand', { n: i + 1 })}
              </button>
            </fieldset>`,
        )}
        <button type="button" class="govuk-button govuk-button--secondary" @click=${() => this.emit('pt-settings-add')}>
          ${t('adminSettings.addAgeBand')}
        </button>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-settings-age-bands': PtSettingsAgeBands;
  }
}
