// negotiator 1.x ships no types, and @types/negotiator describes 0.6, which has no `preferred`
// option. Only what server/read-cache.ts uses is declared.
declare module 'negotiator' {
  class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    /**
     * The coding to send from `available`: the client's highest weight, then the first of
     * `preferred` on a tie. Identity is acceptable unless the header excludes it.
     */
    encoding(available: readonly string[], options?: { preferred?: readonly string[] }): string | undefined;
  }
  export = Negotiator;
}
