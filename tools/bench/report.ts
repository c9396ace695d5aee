/** One measured figure, with its target when the issue sets one. */
export interface Figure {
  id: string;
  name: string;
  value: number;
  unit: string;
  target?: number;
  /** How the target reads: value ≤ target (true) or value ≥ target (false). */
  lowerIsBetter?: boolean;
  note?: string;
}

export function meetsTarget(figure: Figure): boolean | undefined {
  if (figure.target === undefined) return undefined;
  return figure.lowerIsBetter === false
    ? figure.value >= figure.target
    : figure.value <= figure.target;
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/**
 * Prints the figures as one table. Timing targets are judged only in a full run (`timing`); a
 * smoke run shows them without a verdict, as its small numbers say nothing about speed.
 */
export function printTable(
  figures: readonly Figure[],
  options: { title: string; machine: string; timing: boolean },
): void {
  const rows = figures.map((figure) => {
    const ok = meetsTarget(figure);
    const target =
      figure.target === undefined
        ? ''
        : `${figure.lowerIsBetter === false ? '≥' : '≤'} ${format(figure.target)} ${figure.unit}`.trim();
    const verdict = ok === undefined || !options.timing ? '' : ok ? 'ok' : 'MISSED';
    return [
      figure.id,
      figure.name,
      `${format(figure.value)} ${figure.unit}`.trim(),
      target,
      verdict,
      figure.note ?? '',
    ];
  });
  const header = ['', 'figure', 'measured', 'target', '', 'note'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(`\n${options.title}\n${options.machine}\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((row) => console.log(line(row)));
  console.log('');
}

/**
 * One figure per figure of the first round, its value the median over the rounds (the lower
 * middle one for an even count); the note says the spread when there was more than one round.
 */
export function medianFigures(rounds: readonly (readonly Figure[])[]): Figure[] {
  if (rounds.length === 0) return [];
  return rounds[0].map((figure) => {
    const values = rounds
      .map((round) => round.find((f) => f.id === figure.id && sameName(f.name, figure.name)))
      .filter((f): f is Figure => f !== undefined)
      .map((f) => f.value)
      .sort((a, b) => a - b);
    if (values.length < 2) return figure;
    const spread = `rounds: ${values.map(format).join(' / ')}`;
    return {
      ...figure,
      value: values[Math.floor((values.length - 1) / 2)],
      note: figure.note ? `${figure.note}; ${spread}` : spread,
    };
  });
}

/** Product and floor side by side: each figure the product has, the floor's, and the ratio. */
export function printVersus(
  product: readonly Figure[],
  floor: readonly Figure[],
  options: { title: string; machine: string; measured?: string },
): void {
  const measured = options.measured ?? 'this project';
  const rows = product.map((figure) => {
    const other = floor.find((f) => f.id === figure.id && sameName(f.name, figure.name));
    const ratio =
      other === undefined || other.value === 0 ? '' : `${format(figure.value / other.value)}×`;
    return [
      figure.id,
      figure.name,
      `${format(figure.value)} ${figure.unit}`.trim(),
      other === undefined ? '—' : `${format(other.value)} ${other.unit}`.trim(),
      ratio,
      figure.note ?? '',
    ];
  });
  const header = ['', 'figure', measured, 'floor', 'ratio', `note (${measured})`];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(`\n${options.title}\n${options.machine}\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((row) => console.log(line(row)));
  console.log('');
}

/** Names carry counts ("latency p50, 1000 boards"); boards held may differ slightly. */
function sameName(a: string, b: string): boolean {
  return a.replace(/[0-9]+ boards/, 'N boards') === b.replace(/[0-9]+ boards/, 'N boards');
}
