import { describe, expect, it } from 'vitest';
import { CHART_WORDS_EN } from '../../src/charts/chart-words.js';
import { describeValue, TERMS, termHeading } from '../../src/vocabulary/glossary.js';

describe('vocabulary/glossary', () => {
  // 0.4·norm(RFM) + 0.4·norm(health) − 0.2·churn: norm() is 0–1 and churn a probability, so the extremes are
  // 0.4·0 + 0.4·0 − 0.2·1 = −0.2 and 0.4·1 + 0.4·1 − 0.2·0 = 0.8.
  it('states the priority range the formula can reach, not 0–1', () => {
    expect(termHeading('priority')).toBe('Priority (−0.2 to 0.8, higher = call sooner)');
    expect(CHART_WORDS_EN.priority).toBe('priority (−0.2 to 0.8)');
    expect(`${TERMS.priority.name} (${TERMS.priority.scale})`).not.toContain('0–1');
  });

  it('writes a priority in a line without its scale, so a negative one does not read "(0–1)"', () => {
    expect(describeValue('priority', 0.7512)).toBe('priority 0.75');
    expect(describeValue('priority', -0.0123)).toBe('priority −0.01');
  });

  it('keeps the scale in lines for the scores whose scale is not in their form', () => {
    expect(describeValue('zoneScore', 49.96)).toBe('zone score 49.9 (0–100)');
    expect(describeValue('churn', 0.385)).toBe('churn risk 39%');
  });
});
