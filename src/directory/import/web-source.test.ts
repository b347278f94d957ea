import { describe, expect, it } from 'vitest';
import { assertPublicFeedUrl } from './web-source.js';

describe('assertPublicFeedUrl', () => {
  it.each([
    'https://directory.example.org/oruk/services',
    'http://203.0.113.7/services',
    'https://[2001:db8::1]/services',
  ])('accepts the public address %s', (url) => {
    expect(() => assertPublicFeedUrl(url)).not.toThrow();
  });

  it.each([
    'ftp://directory.example.org/services',
    'http://localhost:3000/services',
    'http://127.0.0.1/services',
    'http://10.1.2.3/services',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/services',
    'http://[::ffff:127.0.0.1]/services',
    'http://[::ffff:a9fe:a9fe]/services',
    'http://[::7f00:1]/services',
    'http://[64:ff9b::a9fe:a9fe]/services',
    'http://[fd00::1]/services',
    'http://metadata.internal/services',
  ])('refuses the address inside the network %s', (url) => {
    expect(() => assertPublicFeedUrl(url)).toThrow('That address is not a public web address.');
  });
});
