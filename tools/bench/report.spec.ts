import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Figure, medianFigures } from './report.ts';

const figure = (name: string, value: number, note?: string): Figure => ({
  id: 'P1',
  name,
  value,
  unit: 'ms',
  note,
});

describe('medianFigures', () => {
  it('takes each figure at its median over the rounds and notes the spread', () => {
    const medians = medianFigures([
      [figure('latency p50, 1000 boards', 30), figure('answered', 5, 'cpu 12 %')],
      [figure('latency p50, 999 boards', 10), figure('answered', 9)],
      [figure('latency p50, 1000 boards', 20), figure('answered', 4)],
    ]);
    assert.deepEqual(
      medians.map((f) => [f.name, f.value, f.note]),
      [
        ['latency p50, 1000 boards', 20, 'rounds: 10 / 20 / 30'],
        ['answered', 5, 'cpu 12 %; rounds: 4 / 5 / 9'],
      ],
    );
  });

  it('takes the lower middle of an even count, and one round as it is', () => {
    assert.equal(medianFigures([[figure('a', 8)], [figure('a', 2)]])[0].value, 2);
    assert.deepEqual(medianFigures([[figure('a', 7, 'n')]]), [figure('a', 7, 'n')]);
    assert.deepEqual(medianFigures([]), []);
  });
});
