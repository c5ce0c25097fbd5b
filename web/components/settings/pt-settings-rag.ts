// The RAG words and what each means, and the suggestion's thresholds beside the figures in force.
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RagRulesPage } from '../../../server/contracts/index.js';
import { COLOURS, THRESHOLDS } from './settings-draft.js';
import { t } from '../../i18n/messages.js';
import { SettingsSection, settingsGroup } from './settings-section.js';
import '../pt-text-field.js';

@customElement('pt-settings-rag')
export class PtSettingsRag extends SettingsSection {
  /** The thresholds in force, shown beside each box. */
  @property({ attribute: false }) rules!: RagRulesPage;

  override render() {
    const d = this.draft;
    return html`${settingsGroup(
      'ragWording',
      t('adminSettings.ragWording'),
      t('adminSettings.ragWordingHint'),
      this.err('ragWording'),
      COLOURS.map(
        (c) =>
          html`<pt-text-field
              name="ragWording.${c}.label"
              label=${t('adminSettings.ragWord', { colour: t(`rag.${c}`) })}
              width="one-third"
              .value=${d.ragWording[c].label}
              error=${this.err(`ragWording.${c}.label`)}
            ></pt-text-field>
            <pt-text-field
              name="ragWording.${c}.meaning"
              label=${t('adminSettings.ragMeaning', { colour: t(`rag.${c}`) })}
              multiline
              .value=${d.ragWording[c].meaning}
              error=${this.err(`ragWording.${c}.meaning`)}
            ></pt-text-field>`,
      ),
    )}
    ${settingsGroup(
      'ragThresholds',
      t('adminSettings.ragThresholds'),
      t('adminSettings.ragThresholdsHint'),
      this.err('ragThresholds'),
      html`<p class="govuk-body">
          <a class="govuk-link" href="/board/rules">${t('adminSettings.rulesLink')}</a>
        </p>
        ${THRESHOLDS.map(
          (k) =>
            html`<pt-text-field
              name="ragThresholds.${k}"
              label=${t(`adminSettings.threshold.${k}`)}
              hint=${t('adminSettings.inForce', { now: this.rules.thresholds[k] ?? '' })}
              optional
              width="4"
              .value=${d.thresholds[k]}
              error=${this.err(`ragThresholds.${k}`)}
            ></pt-text-field>`,
        )}`,
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-settings-rag': PtSettingsRag;
  }
}
