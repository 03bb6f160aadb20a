import type { BrowserContext } from '@playwright/test';

/**
 * What the app itself reported as broken in any tab: uncaught exceptions and `console.error` calls.
 * Chromium's own "Failed to load resource" lines for 4xx answers are not the app's doing: a 401
 * from the API is an expected part of several scenarios, so they are left out.
 */
export class AppErrors {
  readonly messages: string[] = [];

  constructor(context: BrowserContext) {
    context.on('weberror', (error) => this.messages.push(`uncaught: ${error.error().message}`));
    context.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.messages.push(`console.error: ${message.text()}`);
      }
    });
  }
}
