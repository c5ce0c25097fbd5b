// A link to a file the server makes (an export, a pack's PDF). It fetches the file itself rather
// than leaving it to the browser's download, so when the server cannot make it (a 503 while the
// PDF printer is down, a session that has ended) the person is told so on the page, instead of
// being handed a file that holds the error.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PtLightElement } from '../light-element.js';
import { t } from '../i18n/messages.js';

/** The file name the server gave, else the last part of the address. */
function fileNameOf(response: Response, href: string): string {
  const given = /filename="?([^";]+)"?/i.exec(response.headers.get('content-disposition') ?? '');
  return given?.[1] ?? href.split('?')[0]!.split('/').pop() ?? 'download';
}

@customElement('pt-download-link')
export class PtDownloadLink extends PtLightElement {
  @property() href = '';
  @property() label = '';
  @state() private failed = false;
  @state() private busy = false;

  private async download(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.failed = false;
    try {
      const response = await fetch(this.href, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const save = Object.assign(document.createElement('a'), { href: url, download: fileNameOf(response, this.href) });
      save.click();
      // The click starts the save at once; the address is no longer needed after it.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch {
      this.failed = true;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<a class="govuk-link" href=${this.href} download aria-busy=${this.busy} @click=${this.download}
        >${this.label}</a
      >${
        this.failed
          ? html`<p class="govuk-error-message" role="alert">
              <span class="govuk-visually-hidden">Error:</span> ${t('download.failed')}
            </p>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-download-link': PtDownloadLink;
  }
}
