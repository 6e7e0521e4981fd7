// Prints the name, version and licence text of every package in node_modules that the bundle can contain (the
// dependencies, not esbuild), for wwwroot/lib/editor/LICENSES.txt.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const lines = ["Packages bundled in editor.js (built by tools/editor/build.sh from tools/editor/package-lock.json)", ""];
for (const [path, info] of Object.entries(lock.packages)) {
  if (!path || info.dev) continue;
  const dir = path;
  const file = existsSync(dir) ? readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f)) : undefined;
  lines.push(`== ${path.replace(/^.*node_modules\//, "")} ${info.version} (${info.license || "see text"})`);
  lines.push(file ? readFileSync(join(dir, file), "utf8").trim() : `Licence: ${info.license}`, "");
}
console.log(lines.join("\n"));
