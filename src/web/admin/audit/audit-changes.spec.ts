import { auditChanges } from './audit-changes';

describe('audit changes, side by side', () => {
  it('lines up the fields of before and after and marks what changed', () => {
    const rows = auditChanges(
      { fullName: 'Carl Smiht', role: 'trainee', active: true },
      { fullName: 'Carl Smith', role: 'trainee', active: true, passwordChanged: true },
    );
    expect(rows).toEqual([
      { field: 'fullName', before: 'Carl Smiht', after: 'Carl Smith', changed: true },
      { field: 'role', before: 'trainee', after: 'trainee', changed: false },
      { field: 'active', before: 'true', after: 'true', changed: false },
      { field: 'passwordChanged', before: null, after: 'true', changed: true },
    ]);
  });

  it('opens nested objects one level, writes arrays and deep values as JSON, and shortens very long text', () => {
    const rows = auditChanges(null, { programVersion: { seq: 2, label: '2026.1' }, coreFunctions: ['intake', 'screening'], note: 'x'.repeat(400) });
    expect(rows.map((r) => [r.field, r.after])).toEqual([
      ['programVersion.seq', '2'], ['programVersion.label', '2026.1'], ['coreFunctions', '["intake","screening"]'], ['note', `${'x'.repeat(300)}…`],
    ]);
    expect(rows.every((r) => r.before === null && r.changed)).toBe(true);
  });

  it('shows a value that is not an object under an empty field name, and nothing for no data', () => {
    expect(auditChanges('old', 'new')).toEqual([{ field: '', before: 'old', after: 'new', changed: true }]);
    expect(auditChanges(null, undefined)).toEqual([]);
  });
});
