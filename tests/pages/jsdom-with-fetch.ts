import JSDOMEnvironment from 'jest-environment-jsdom';

/**
 * jsdom plus Node's own fetch, so that pages reach the real local server over HTTP.
 * Test files opt in with the docblock `@jest-environment ./tests/pages/jsdom-with-fetch.ts`.
 */
export default class JsdomWithFetch extends JSDOMEnvironment {
  constructor(...args: ConstructorParameters<typeof JSDOMEnvironment>) {
    super(...args);
    const from = globalThis as unknown as Record<string, unknown>;
    const to = this.global as unknown as Record<string, unknown>;
    for (const name of ['fetch', 'Request', 'Response', 'Headers', 'TextEncoder', 'TextDecoder', 'ReadableStream']) {
      to[name] = from[name];
    }
  }
}
