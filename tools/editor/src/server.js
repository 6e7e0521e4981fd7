// The three things the editor asks the server for. POSTs carry the antiforgery token of the form the field sits in
// (Razor Pages check it on every POST; the default header name).
function token(near) {
  const form = near && near.closest("form");
  const input = (form && form.querySelector("input[name='__RequestVerificationToken']")) ||
    document.querySelector("input[name='__RequestVerificationToken']");
  return input ? input.value : "";
}

async function problem(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || response.statusText;
  } catch {
    return response.status === 403 ? "403" : response.statusText || String(response.status);
  }
}

export async function preview(markdown, near) {
  const body = new FormData();
  body.append("markdown", markdown);
  const response = await fetch("/admin/editor?handler=Preview", {
    method: "POST", body, credentials: "same-origin", headers: { RequestVerificationToken: token(near) },
  });
  if (!response.ok) throw new Error(await problem(response));
  return response.text();
}

export async function findLinks(q, culture) {
  const response = await fetch(`/admin/editor?handler=Links&q=${encodeURIComponent(q)}&culture=${encodeURIComponent(culture)}`,
    { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(await problem(response));
  return response.json();
}

export async function library(q, kind) {
  const response = await fetch(`/admin/media?handler=Library&q=${encodeURIComponent(q)}&kind=${encodeURIComponent(kind || "")}`,
    { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(await problem(response));
  return response.json();
}

export async function upload(file, alt, near) {
  const body = new FormData();
  body.append("Upload", file, file.name || "image");
  body.append("AltText", alt || "");
  const response = await fetch("/admin/media?handler=Json", {
    method: "POST", body, credentials: "same-origin", headers: { RequestVerificationToken: token(near), Accept: "application/json" },
  });
  if (!response.ok) throw new Error(await problem(response));
  return response.json();
}
