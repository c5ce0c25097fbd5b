// The one reusable Chart.js controller: creates a chart when its host first renders a canvas,
// updates it in place when the host's data changes, and destroys it when the host leaves the
// page. Only the Chart.js pieces a line chart needs are registered (never chart.js/auto), and
// colours come from CSS custom properties, so a council's theme (and forced colours) apply.
//
// Use:
//   private chart = new ChartController(this, () => this.querySelector('canvas'), () => this.config());
// `config()` returns the chart's configuration, or null to have no chart (e.g. no data yet).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

export type ChartConfig<T extends ChartType = 'line'> = ChartConfiguration<T>;

/** A CSS custom property's value on `el` (or an ancestor), or `fallback` when it is not set. */
export function cssColour(el: Element, name: string, fallback: string): string {
  const value = getComputedStyle(el).getPropertyValue(name).trim();
  return value || fallback;
}

export class ChartController<T extends ChartType = 'line'> implements ReactiveController {
  private chart: Chart<T> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly canvas: () => HTMLCanvasElement | null,
    private readonly config: () => ChartConfig<T> | null,
  ) {
    host.addController(this);
  }

  /** The live chart, for tests and for callers that need its data. */
  get instance(): Chart<T> | null {
    return this.chart;
  }

  hostUpdated() {
    const canvas = this.canvas();
    const config = canvas ? this.config() : null;
    if (!canvas || !config) {
      this.destroy();
      return;
    }
    // A re-render may have replaced the canvas: a chart belongs to one canvas.
    if (this.chart && this.chart.canvas !== canvas) this.destroy();
    if (!this.chart) {
      this.chart = new Chart(canvas, config);
      return;
    }
    this.chart.data = config.data;
    if (config.options) this.chart.options = config.options;
    this.chart.update();
  }

  hostDisconnected() {
    this.destroy();
  }

  private destroy() {
    this.chart?.destroy();
    this.chart = null;
  }
}
