// The board's quorum: how many councillors, partners and people in all make a meeting quorate.
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { QUORUM } from './settings-draft.js';
import { t } from '../../i18n/messages.js';
import { SettingsSection, settingsGroup } from './settings-section.js';
import '../pt-text-field.js';

@customElement('pt-settings-quorum')
export class PtSettingsQuorum extends SettingsSection {
  override render() {
    const d = this.draft;
    return settingsGroup(
      'quorum',
      t('adminSettings.quorum'),
      '',
      this.err('quorum'),
      QUORUM.map(
        (k) =>
          html`<pt-text-field
            name="quorum.${k}"
            label=${t(`adminSettings.quorum.${k}`)}
            width="4"
            .value=${d.quorum[k]}
            error=${this.err(`quorum.${k}`)}
          ></pt-text-field>`,
      ),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-settings-quorum': PtSettingsQuorum;
  }
}
