// The editor's words come from the server, in the staff member's language: a JSON data block the admin layout writes
// (Features/Shared/_EditorStrings.cshtml; a data block is not script, so the Content-Security-Policy has nothing to
// refuse). A key missing there shows as itself rather than failing.
export function strings() {
  const block = document.getElementById("editor-strings");
  let given = {};
  try {
    given = block ? JSON.parse(block.textContent) : {};
  } catch {
    given = {};
  }
  const t = new Proxy(given, { get: (target, key) => (key in target ? target[key] : String(key)) });
  return Object.assign(Object.create(t), {
    format: (key, ...values) => values.reduce((s, v, i) => s.replace(`{${i}}`, String(v)), t[key]),
  });
}
