import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './environment';
import { loadConfig } from './load-config';

describe('configuration', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'peercert-config-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies defaults and uses the embedded database when DATABASE_URL is not set', () => {
    const c = loadConfig({ PEERCERT_DATA_DIR: dir });
    expect(c).toMatchObject({ port: 3000, embeddedDatabase: true, dataDir: dir, publicBaseUrl: 'http://localhost:3000', timezone: 'America/Los_Angeles', verifyRateLimitPerMinute: 60 });
  });

  it('generates a JWT secret once, keeps it in the data folder (0600) and reuses it', () => {
    const first = loadConfig({ PEERCERT_DATA_DIR: dir }).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ PEERCERT_DATA_DIR: dir }).jwtSecret).toBe(first);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ PEERCERT_DATA_DIR: dir, JWT_SECRET: 'x'.repeat(40) }).jwtSecret).toBe('x'.repeat(40));
  });

  it('refuses bad values with a message naming each variable', () => {
    const bad = () => loadConfig({
      PEERCERT_DATA_DIR: dir, PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short',
      PUBLIC_BASE_URL: 'not a url', PEERCERT_ADMIN_EMAIL: 'nobody',
    });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (err) {
      const message = (err as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'JWT_SECRET', 'PUBLIC_BASE_URL', 'PEERCERT_ADMIN_EMAIL']) expect(message).toContain(name);
    }
    expect(() => loadConfig({ PEERCERT_DATA_DIR: dir, PEERCERT_ADMIN_EMAIL: 'a@example.org' })).toThrow(/PEERCERT_ADMIN_PASSWORD/);
    expect(() => loadConfig({ PEERCERT_DATA_DIR: dir, PEERCERT_TIMEZONE: 'Mars/Olympus' })).toThrow(/PEERCERT_TIMEZONE/);
  });

  it('takes DATABASE_URL and PUBLIC_BASE_URL as given', () => {
    const c = loadConfig({ PEERCERT_DATA_DIR: dir, DATABASE_URL: 'postgres://u:p@db:5432/peercert', PUBLIC_BASE_URL: 'https://certs.example.org/', PORT: '8080' });
    expect(c).toMatchObject({ embeddedDatabase: false, databaseUrl: 'postgres://u:p@db:5432/peercert', publicBaseUrl: 'https://certs.example.org', port: 8080 });
  });
});
