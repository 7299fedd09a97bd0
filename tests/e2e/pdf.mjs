// Printing a page the way a director prints it: Chromium's PDF on A4, read back with pdftotext
// and rendered to PNG with pdftoppm (poppler-utils) into tests/e2e/out/ to be looked at.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT } from './harness.mjs';

/** Prints the page to an A4 PDF, returns its text (pages split by \f) and renders PNGs. */
export async function printToPdf(page, name) {
  const pdf = join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, displayHeaderFooter: false, preferCSSPageSize: true });
  // -layout keeps the page as it looks (saved next to the PDF); -raw keeps each table cell's
  // text together in reading order, which is what the order checks need.
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  writeFileSync(join(OUT, `${name}.txt`), text);
  const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  for (const f of readdirSync(OUT)) {
    if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(join(OUT, f));
  }
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(OUT, name)]);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return { text, raw, pages, width: Number(size?.[1]), height: Number(size?.[2]), pageTexts: raw.split('\f') };
}

export const squash = (s) => s.replace(/\s+/g, '');

/** Asserts every needle appears in `text`, in this order (whitespace ignored: lines wrap). */
export function assertInOrder(text, needles) {
  const hay = squash(text);
  let from = 0;
  for (const needle of needles) {
    const at = hay.indexOf(squash(needle), from);
    assert.ok(at >= 0, `"${needle}" appears after position ${from} of the printed text`);
    from = at + squash(needle).length;
  }
}

