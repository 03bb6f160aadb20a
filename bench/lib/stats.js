'use strict';
// The bench's one set of summary statistics, so that every figure it reports is computed the same way.

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** The p-th percentile (0-100) by the nearest-rank method: always one of the measured values. */
function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

module.exports = { mean, median, percentile };
