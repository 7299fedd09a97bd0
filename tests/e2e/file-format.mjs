// The published file format's digest, computed independently of the app (tests and benchmarks
// build and check files with it): "sha256:" + hex SHA-256 of the canonical JSON of `content`,
// keys sorted by code point, no whitespace (public/assessment-file.schema.json).
import { createHash } from 'node:crypto';

export function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const digestOf = (content) => 'sha256:' + createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
