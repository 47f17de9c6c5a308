// jstat ships no type declarations; these cover the distribution functions Radar uses.
declare module 'jstat' {
  interface ContinuousDistribution {
    cdf(x: number, ...parameters: number[]): number;
    inv(p: number, ...parameters: number[]): number;
  }
  export const jStat: {
    studentt: ContinuousDistribution;
    normal: ContinuousDistribution;
    /** The regularised incomplete beta I_x(a, b); the tests check the t-test p-value against it. */
    ibeta(x: number, a: number, b: number): number;
  };
  // jstat is CommonJS: Node's ESM loader exposes only the default export, not a named `jStat`.
  const jstatModule: { jStat: typeof jStat };
  export default jstatModule;
}
