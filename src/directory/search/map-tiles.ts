/**
 * The Content-Security-Policy source that lets the browser load the configured map tiles
 * (MAP_TILE_URL, e.g. https://{s}.tile.example.org/{z}/{x}/{y}.png → https://*.tile.example.org).
 * A placeholder may only stand for the leftmost label of the host, which CSP can express as a
 * wildcard; anything else yields null and the map shows no tiles rather than loosen the policy.
 * Pure.
 */
export function mapTileImgSource(tileUrl: string | undefined): string | null {
  if (!tileUrl) return null;
  const match = /^https:\/\/([^/?#]+)/.exec(tileUrl);
  if (!match?.[1]) return null;
  const host = match[1].replace(/^\{[a-z]+\}\./i, '*.');
  if (!/^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) return null;
  return `https://${host.toLowerCase()}`;
}
