import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { relative } from 'node:path';

/** Ends the run with where the HTML report and the failed tests' traces are, so QA need not look. */
export default class PathsReporter implements Reporter {
  private readonly traces: string[] = [];
  private ran = 0;

  constructor(private readonly options: { reportFolder: string }) {}

  onTestEnd(_test: TestCase, result: TestResult): void {
    this.ran++;
    for (const attachment of result.attachments) {
      if (attachment.name === 'trace' && attachment.path) this.traces.push(attachment.path);
    }
  }

  onEnd(): void {
    if (this.ran === 0) return;
    console.log(
      `\nHTML report: ${this.options.reportFolder}/index.html (npx playwright show-report)`,
    );
    for (const trace of this.traces) {
      console.log(`Trace: ${relative(process.cwd(), trace)} (npx playwright show-trace <file>)`);
    }
  }

  printsToStdio(): boolean {
    return false;
  }
}
