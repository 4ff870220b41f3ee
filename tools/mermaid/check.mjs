// Parses Mermaid diagrams with mermaid's own parser, in one Node process for all of them.
// Usage: node check.mjs FILE...   Each FILE holds one diagram, or Markdown with ```mermaid blocks.
// Prints one line per diagram, "ok FILE#N" or "error FILE#N: message", and exits 1 if any failed.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
globalThis.Element = dom.window.Element;
globalThis.HTMLElement = dom.window.HTMLElement;

const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

function diagrams(text) {
  const blocks = [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.length > 0 ? blocks : [text];
}

let failed = 0;
for (const file of process.argv.slice(2)) {
  const found = diagrams(readFileSync(file, 'utf8'));
  for (let i = 0; i < found.length; i++) {
    try {
      const result = await mermaid.parse(found[i]);
      console.log(`ok ${file}#${i + 1} ${result.diagramType}`);
    } catch (e) {
      failed++;
      console.log(`error ${file}#${i + 1}: ${String(e.message || e).replace(/\n/g, ' ')}`);
    }
  }
}
process.exit(failed > 0 ? 1 : 0);
