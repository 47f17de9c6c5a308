// jstat ships no type declarations; these cover the distribution functions Radar uses.
declare module 'jstat' {
  interface ContinuousDistribution {
    cdf(x: number, ...parameters: number[]): number;
    inv(p: number, ...parameters: number[]): number;
  }
  export const jStat: {
    studentt: ContinuousDistribution;
    normal: ContinuousDistribution;
  };
}
