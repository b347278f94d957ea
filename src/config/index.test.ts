import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, publicUrl } from './index.js';

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.NOTIFY_ADAPTER).toBe('log');
    expect(config.SEED_DEMO).toBe(true);
  });

  it('names the variable and what is allowed when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    try {
      loadConfig({ LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems[0]).toMatch(/^LOG_LEVEL: must be one of "fatal"/);
    }
  });

  it('rejects a database URL of another dialect', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root@localhost/test' })).toThrow(/DATABASE_URL: must be a postgres/);
  });

  it('requires the Notify key and template when the Notify adapter is chosen', () => {
    expect(() => loadConfig({ NOTIFY_ADAPTER: 'notify' })).toThrow(/NOTIFY_API_KEY.*\n.*NOTIFY_EMAIL_TEMPLATE_ID/s);
  });

  it('requires an SMTP URL for the SMTP adapter', () => {
    expect(() => loadConfig({ NOTIFY_ADAPTER: 'smtp' })).toThrow(/SMTP_URL/);
    expect(loadConfig({ NOTIFY_ADAPTER: 'smtp', SMTP_URL: 'smtp://127.0.0.1:2525' }).SMTP_URL).toBe('smtp://127.0.0.1:2525');
  });

  it('treats empty strings as unset and parses flags', () => {
    expect(loadConfig({ PORT: '', JOBS_ENABLED: 'false' })).toMatchObject({ PORT: 3000, JOBS_ENABLED: false });
  });

  it('builds the public URL from host and port unless one is given', () => {
    expect(publicUrl(loadConfig({ PORT: '4000' }))).toBe('http://127.0.0.1:4000');
    expect(publicUrl(loadConfig({ PUBLIC_URL: 'https://linkwell.example.org/' }))).toBe('https://linkwell.example.org');
  });
});
