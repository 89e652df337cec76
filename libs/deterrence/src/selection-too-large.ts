/**
 * A selection reaches more than one request computes (DeterrenceInputs' bounds): nothing is
 * computed. The HTTP API answers 422 with this message (docs/deterrence.md, "Limits").
 */
export class SelectionTooLarge extends Error {
  constructor(
    readonly what: 'presence episodes' | 'incidents',
    readonly max: number,
  ) {
    super(`this selection reaches more than ${max.toLocaleString('en-US')} ${what}, more than one request computes; narrow it (operation, cercle, from, to)`);
    this.name = 'SelectionTooLarge';
  }
}
