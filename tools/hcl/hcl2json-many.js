#!/usr/bin/env node
// Converts many HCL (.tf) files to Terraform-style JSON in ONE process, with HashiCorp's own HCL parser (WASM).
// Input: file paths as arguments. Output (stdout): one JSON object {"<path>": {"json": {...}} | {"error": "..."}}.
// Exit status 0 even when files fail to parse: the caller reports each file's error.
"use strict";
const fs = require("fs");
const { parse } = require("@cdktf/hcl2json");

async function main(files) {
  const out = {};
  for (const file of files) {
    try {
      out[file] = { json: await parse(file, fs.readFileSync(file, "utf8")) };
    } catch (e) {
      out[file] = { error: String(e && e.message ? e.message : e) };
    }
  }
  process.stdout.write(JSON.stringify(out));
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(2);
});
