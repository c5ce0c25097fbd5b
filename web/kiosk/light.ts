// Kiosk elements render into light DOM under the kiosk's one stylesheet (as the staff app does),
// so labels, focus and the tests' keyboard checks work across them.
import { LitElement } from 'lit';

export class PtKioskElement extends LitElement {
  protected override createRenderRoot() {
    return this;
  }
}
