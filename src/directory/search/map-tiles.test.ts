import { describe, expect, it } from 'vitest';
import { mapTileImgSource } from './map-tiles.js';

describe('mapTileImgSource', () => {
  it.each([
    ['https://tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://tile.openstreetmap.org'],
    ['https://{s}.tile.example.org/{z}/{x}/{y}.png', 'https://*.tile.example.org'],
    ['https://Tiles.Example.org:8443/{z}/{x}/{y}.png?key=abc', 'https://tiles.example.org:8443'],
  ])('%s → %s', (url, source) => expect(mapTileImgSource(url)).toBe(source));
  it.each([undefined, '', 'http://tile.example.org/{z}/{x}/{y}.png', 'https://tiles.{s}.example.org/{z}/{x}/{y}.png', "https://a.org';script-src *;/{z}"])(
    '%s → null',
    (url) => expect(mapTileImgSource(url)).toBeNull(),
  );
});
