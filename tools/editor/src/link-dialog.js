// The link dialog: find a post, page, event or campaign of this site by a few words of its title (no copying of
// addresses), or give an address. Resolves with { href, text } or { remove: true }, or null when cancelled.
import { el, dialog, debounce, uid } from "./dom.js";
import * as server from "./server.js";

export function openLinkDialog(t, { href, askText, canRemove, culture }) {
  return new Promise((resolve) => {
    let answer = null;
    const d = dialog(t.linkTitle, t);
    const searchId = uid("link-search");
    const hintId = uid("link-hint");
    const addressId = uid("link-address");
    const textId = uid("link-text");
    const search = el("input", { type: "search", id: searchId, autocomplete: "off", "aria-describedby": hintId });
    const results = el("ul", { className: "link-results" });
    const status = el("p", { role: "status", className: "hint" });
    const address = el("input", { type: "text", id: addressId, inputmode: "url", value: href || "", autocomplete: "off" });
    const text = el("input", { type: "text", id: textId });
    const finish = (value) => { answer = value; d.close(); };
    const insert = () => {
      const target = address.value.trim();
      if (!target) { address.focus(); return; }
      finish({ href: target, text: text.value.trim() });
    };
    const find = debounce(async () => {
      const q = search.value.trim();
      if (!q) { results.replaceChildren(); status.textContent = ""; return; }
      try {
        const found = await server.findLinks(q, culture);
        results.replaceChildren(...found.map((f) => el("li", {},
          el("button", { type: "button", className: "link-result", onclick: () => finish({ href: f.url, text: text.value.trim() || f.title }) },
            el("span", { className: "link-result-title", text: f.title }), " ", el("span", { className: "hint", text: `${f.kind} · ${f.url}` })))));
        status.textContent = found.length ? t.format("results", found.length) : t.noResults;
      } catch (e) {
        status.textContent = e.message;
      }
    }, 250);
    search.addEventListener("input", find);
    for (const input of [address, text]) {
      input.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); insert(); } });
    }
    search.addEventListener("keydown", (e) => { if (e.key === "Enter") e.preventDefault(); });
    d.body.append(
      el("p", { className: "field" }, el("label", { for: searchId, text: t.searchSite }), search, el("span", { id: hintId, className: "hint", text: t.searchHint })),
      status, results,
      el("p", { className: "field" }, el("label", { for: addressId, text: t.address }), address),
      askText ? el("p", { className: "field" }, el("label", { for: textId, text: t.linkText }), text) : null,
      el("p", { className: "actions" },
        el("button", { type: "button", text: t.insert, onclick: insert }),
        canRemove ? el("button", { type: "button", className: "secondary", text: t.removeLink, onclick: () => finish({ remove: true }) }) : null,
        el("button", { type: "button", className: "secondary", text: t.cancel, onclick: () => d.close() })));
    d.node.addEventListener("close", () => resolve(answer));
    d.open();
    search.focus();
  });
}
