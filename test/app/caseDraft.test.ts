// The case form's draft (src/sheets/caseDraft.ts) against PropertiesService's
// limit as the runtime enforces it (SPEC §13): a draft too long is refused
// with { kept: false }, never an error, and the older draft — personal data
// the person has typed over since — does not stay behind.
import { DEFAULT_USER } from '../../dev/runtime';
import type { SidebarState } from '../../src/app/sidebarTypes';
import { demoWorkbook, TODAY } from './helpers';

const draftOf = (summary: string) => ({ record: { personName: '試験 花子', summary } });

describe('the case draft', () => {
  it('keeps every draft one property can hold and refuses the rest with kept: false, at the limit too', () => {
    const runtime = demoWorkbook(3);
    const stored = (): boolean => runtime.model.userProperties.get(DEFAULT_USER)?.has('tsunagi.caseDraft') ?? false;
    // Japanese text is 3 bytes a character: with the form's other fields the limit falls between 2,300 and 2,500 characters.
    const answers = Array.from({ length: 201 }, (_, i) => {
      const kept = runtime.run<{ kept: boolean }>('saveCaseDraft', draftOf('相'.repeat(2300 + i))).kept;
      expect(stored()).toBe(kept);
      return kept;
    });
    const firstRefused = answers.indexOf(false);
    expect(firstRefused).toBeGreaterThan(0);
    expect(answers.slice(firstRefused).every((kept) => !kept)).toBe(true);
  });

  it('a refused draft clears the one kept before, so the sidebar does not offer stale personal data back', () => {
    const runtime = demoWorkbook(3);
    expect(runtime.run('saveCaseDraft', draftOf('最初に入力した相談内容'))).toEqual({ kept: true });
    expect(runtime.run<SidebarState>('getSidebarState', { today: TODAY }).draft?.record.summary).toBe('最初に入力した相談内容');
    expect(runtime.run('saveCaseDraft', draftOf('長い相談内容'.repeat(500)))).toEqual({ kept: false });
    expect(runtime.run<SidebarState>('getSidebarState', { today: TODAY }).draft).toBeNull();
  });
});
