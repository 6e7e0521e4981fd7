// Small DOM helpers: elements are built with properties and text, never from HTML strings, so nothing a person typed or
// the server named can become markup.
let counter = 0;

export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/** A modal dialog (the native element: focus kept inside, Escape closes, focus returns where it was). */
export function dialog(title, t) {
  const heading = el("h2", { id: uid("dialog-title"), text: title });
  const body = el("div", { className: "dialog-body" });
  const close = el("button", { type: "button", className: "link dialog-close", text: t.close });
  const node = el("dialog", { className: "editor-dialog", "aria-labelledby": heading.id }, el("div", { className: "dialog-head" }, heading, close), body);
  close.addEventListener("click", () => node.close());
  // Removed a task later: whoever waits on the dialog (its promise, resolved by a "close" listener) has updated the page
  // by then, so the dialog's going means the choice is shown.
  node.addEventListener("close", () => setTimeout(() => node.remove(), 0));
  document.body.append(node);
  return { node, body, open: () => node.showModal(), close: () => node.close() };
}

export function debounce(fn, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
