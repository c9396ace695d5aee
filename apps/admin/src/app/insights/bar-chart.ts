import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

const HEIGHT = 168;
const TOP = 20;
const BOTTOM = 24;
const SIDE = 4;

interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  centre: number;
  value: number;
  axisLabel: string;
  tableLabel: string;
  showValue: boolean;
  peak: boolean;
}

/**
 * A small bar chart drawn as SVG (no chart library: the back-office stays small). The picture is
 * one image with a summary as its name; the exact numbers are in a table under "Show the numbers".
 */
@Component({
  selector: 'app-bar-chart',
  templateUrl: './bar-chart.html',
  styleUrl: './bar-chart.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BarChart {
  readonly values = input.required<readonly number[]>();
  /** Under each bar; an empty string leaves a bar unlabelled (24 hours on a phone). */
  readonly axisLabels = input.required<readonly string[]>();
  /** Full names for the table ("12:00–13:00", "Saturday"). */
  readonly tableLabels = input.required<readonly string[]>();
  /** The chart's accessible name: what it shows at a glance. */
  readonly summary = input.required<string>();
  /** Print every bar's value above it (a few bars), or only the highest (many bars). */
  readonly everyValue = input(false);
  readonly width = input(360);
  readonly showNumbers = input.required<string>();
  readonly labelColumn = input.required<string>();
  readonly valueColumn = input.required<string>();

  protected readonly height = HEIGHT;
  protected readonly baseline = HEIGHT - BOTTOM;
  protected readonly viewBox = computed(() => `0 0 ${this.width()} ${HEIGHT}`);

  protected readonly bars = computed<Bar[]>(() => {
    const values = this.values();
    const max = Math.max(1, ...values);
    const slot = (this.width() - 2 * SIDE) / Math.max(1, values.length);
    const plot = HEIGHT - TOP - BOTTOM;
    return values.map((value, index) => {
      const height = value === 0 ? 0 : Math.max(2, (value / max) * plot);
      const barWidth = slot * 0.72;
      const x = SIDE + index * slot + (slot - barWidth) / 2;
      const peak = value > 0 && value === max;
      return {
        x,
        y: HEIGHT - BOTTOM - height,
        width: barWidth,
        height,
        centre: x + barWidth / 2,
        value,
        axisLabel: this.axisLabels()[index] ?? '',
        tableLabel: this.tableLabels()[index] ?? '',
        showValue: value > 0 && (this.everyValue() || peak),
        peak,
      };
    });
  });
}
