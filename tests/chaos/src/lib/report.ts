/** PASS/FAIL checks and figures of one scenario, printed as a summary; exit code 1 on failure. */
export class Report {
  private readonly checks: Array<{ name: string; ok: boolean; detail: string }> = [];
  private readonly figures: Array<[string, string | number]> = [];
  readonly notes: string[] = [];

  constructor(readonly scenario: string) {}

  check(name: string, ok: boolean, detail = ''): boolean {
    this.checks.push({ name, ok, detail });
    return ok;
  }

  figure(name: string, value: string | number): void {
    this.figures.push([name, value]);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  /** Every check so far, in order. */
  get results(): ReadonlyArray<{ name: string; ok: boolean; detail: string }> {
    return this.checks;
  }

  get passed(): boolean {
    return this.checks.length > 0 && this.checks.every((c) => c.ok);
  }

  print(): void {
    const line = '='.repeat(78);
    console.log(`\n${line}\n${this.scenario}: ${this.passed ? 'PASS' : 'FAIL'}\n${line}`);
    const width = Math.max(...this.figures.map(([k]) => k.length), 10);
    console.log('Figures:');
    for (const [k, v] of this.figures) console.log(`  ${k.padEnd(width)}  ${v}`);
    console.log('Checks:');
    for (const c of this.checks)
      console.log(`  [${c.ok ? 'PASS' : 'FAIL'}] ${c.name}${c.detail ? ` — ${c.detail}` : ''}`);
    if (this.notes.length) {
      console.log('Notes:');
      for (const n of this.notes) console.log(`  - ${n}`);
    }
    console.log(`${line}\nRESULT ${this.scenario}: ${this.passed ? 'PASS' : 'FAIL'}\n${line}`);
  }
}
