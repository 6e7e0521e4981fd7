// The rich text editor over a Markdown textarea (Tiptap, with its Markdown extension to read and write the text). The
// textarea stays in the form and is what is posted: it keeps the text exactly as it was until the first change in the
// editor, so opening and saving a text never rewrites it, and the "Markdown" button shows it for direct editing.
import { Editor, Extension, mergeAttributes } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import Image from "@tiptap/extension-image";
import { Table, TableRow, TableHeader, TableCell } from "@tiptap/extension-table";
import { Markdown } from "@tiptap/markdown";
import { el, uid, debounce } from "./dom.js";
import { cleanPastedHtml } from "./paste.js";
import { chooseMedia, askAlt } from "./media-dialog.js";
import { openLinkDialog } from "./link-dialog.js";
import * as server from "./server.js";

// What the editor's schema cannot hold: raw HTML and footnotes. Such a text opens as Markdown so nothing is lost. An
// autolink (<https://…>) is not a tag: after a tag's name comes a space, "/" or ">", never ":".
const unsupported = /<\/?[a-zA-Z][a-zA-Z0-9-]*(\s[^>]*)?\/?>|\[\^[^\]]+\]/;

// Tables without the inline styles Tiptap writes on them (column widths, alignment): the Content-Security-Policy refuses
// style attributes, and the public page has none either. Alignment stays in the node, so the Markdown keeps it.
const PlainTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    const { style: _style, ...attributes } = HTMLAttributes;
    return ["table", mergeAttributes(this.options.HTMLAttributes, attributes), ["tbody", 0]];
  },
});
const withoutStyle = (cell) => cell.extend({
  addAttributes() {
    const attributes = this.parent?.() || {};
    return attributes.align ? { ...attributes, align: { ...attributes.align, renderHTML: () => ({}) } } : attributes;
  },
});
const plainCells = [withoutStyle(TableHeader), withoutStyle(TableCell)];

const blocks = ["paragraph", "heading", "listItem", "blockquote", "tableCell", "tableHeader"];

// Every paragraph, heading and cell finds its own direction (dir="auto" in the editing surface only; the Markdown has
// none), so an Arabic text reads right to left and an English name in it stays left to right.
const OwnDirection = Extension.create({
  name: "ownDirection",
  addGlobalAttributes() {
    return [{ types: blocks, attributes: { dir: { default: "auto", parseHTML: () => "auto", renderHTML: () => ({ dir: "auto" }) } } }];
  },
});

export function attachEditor(area, t) {
  if (area.dataset.editorReady) return;
  area.dataset.editorReady = "1";
  const label = area.id ? document.querySelector(`label[for='${CSS.escape(area.id)}']`) : null;
  if (label && !label.id) label.id = uid("label");
  // The language the text is written in (a translation's field says it; a post's form has its "Written in" choice, which
  // may change while writing): links found by the link dialog point to pages in it.
  const culture = () => area.getAttribute("lang") || area.form?.querySelector("[name='Input.Culture']")?.value ||
    document.documentElement.lang || "en";

  const toolbar = el("div", { role: "toolbar", className: "rte-toolbar", "aria-label": t.toolbar });
  const surface = el("div", { className: "rte-surface" });
  const previewBody = el("div", { className: "rte-preview-body body" });
  const preview = el("section", { className: "rte-preview", "aria-label": t.previewTitle, hidden: true }, previewBody);
  const count = el("span", { className: "rte-count" });
  const note = el("span", { role: "status", className: "rte-note" });
  const wrapper = el("div", { className: "rte" }, toolbar, el("div", { className: "rte-panes" }, surface, preview), el("p", { className: "rte-status" }, count, " ", note, " ",
    // In a new tab: following it here would leave the page with the text not yet saved.
    el("a", { href: "/admin/editor", target: "_blank", text: t.help })));
  area.before(wrapper);
  wrapper.querySelector(".rte-panes").prepend(area);

  let dirty = false;
  let source = false;
  const required = area.required;

  const editor = new Editor({
    element: surface,
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [1, 2, 3, 4, 5, 6] },
        underline: false,
        link: { openOnClick: false, autolink: true, protocols: ["mailto"], HTMLAttributes: { rel: null, target: null } },
      }),
      Image.configure({ inline: true, allowBase64: false }),
      PlainTable.configure({ resizable: false }),
      TableRow,
      ...plainCells,
      Markdown,
      OwnDirection,
      Extension.create({
        name: "chorusKeys",
        addKeyboardShortcuts: () => ({
          "Mod-k": () => { link(); return true; },
          "Alt-F10": () => { focusToolbar(); return true; },
        }),
      }),
    ],
    editorProps: {
      attributes: {
        class: "rte-content body",
        role: "textbox",
        "aria-multiline": "true",
        ...(label ? { "aria-labelledby": label.id } : { "aria-label": area.getAttribute("aria-label") || t.editorLabel }),
        ...(area.getAttribute("aria-describedby") ? { "aria-describedby": area.getAttribute("aria-describedby") } : {}),
        ...(required ? { "aria-required": "true" } : {}),
        ...(area.getAttribute("lang") ? { lang: area.getAttribute("lang") } : {}),
        spellcheck: "true",
      },
      transformPastedHTML: (html) => cleanPastedHtml(html, (n) => say(t.format("droppedImages", n))),
      handleDrop: (view, event, _slice, moved) => {
        const files = imagesIn(event.dataTransfer);
        if (moved || files.length === 0) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
        insertFiles(files, at ? at.pos : view.state.selection.from);
        return true;
      },
      handlePaste: (view, event) => {
        const files = imagesIn(event.clipboardData);
        if (files.length === 0) return false;
        event.preventDefault();
        insertFiles(files, view.state.selection.from);
        return true;
      },
    },
    onUpdate: () => {
      dirty = true;
      sync();
      counted();
      if (!preview.hidden) refreshPreview();
    },
    onTransaction: () => pressed(),
  });

  function say(text) {
    note.textContent = text;
  }

  const sync = debounce(() => writeBack(), 250);
  function writeBack() {
    if (dirty && !source) area.value = editor.getMarkdown();
  }

  function counted() {
    const text = source ? area.value : editor.getText();
    let words = 0;
    if (typeof Intl !== "undefined" && Intl.Segmenter) {
      for (const s of new Intl.Segmenter(culture(), { granularity: "word" }).segment(text)) if (s.isWordLike) words += 1;
    } else {
      words = text.split(/\s+/).filter(Boolean).length;
    }
    count.textContent = t.format("words", words);
  }

  const refreshPreview = debounce(async () => {
    writeBack();
    try {
      // The server's HTML is sanitised by the same code as the public page's (HtmlSanitizer) before it arrives.
      previewBody.innerHTML = await server.preview(area.value, area);
    } catch (e) {
      previewBody.replaceChildren(el("p", { className: "error", text: t.format("previewFailed", e.message) }));
    }
  }, 400);

  async function insertFiles(files, at) {
    let position = at;
    for (const file of files) {
      const alt = await askAlt(t, file.name);
      if (alt === null) continue;
      say(t.uploading);
      try {
        const item = await server.upload(file, alt, area);
        editor.chain().focus().insertContentAt(position, { type: "image", attrs: { src: item.url, alt: item.alt } }).run();
        position = editor.state.selection.to;
        say(t.uploaded);
      } catch (e) {
        say(t.format("uploadFailed", e.message));
      }
    }
  }

  async function image() {
    const item = await chooseMedia(t, area, "");
    if (!item) { editor.commands.focus(); return; }
    if (item.kind === "image") {
      editor.chain().focus().setImage({ src: item.url, alt: item.alt }).run();
    } else {
      const { empty } = editor.state.selection;
      if (empty) editor.chain().focus().insertContent({ type: "text", text: item.name, marks: [{ type: "link", attrs: { href: item.url } }] }).run();
      else editor.chain().focus().setLink({ href: item.url }).run();
    }
  }

  async function link() {
    const active = editor.isActive("link");
    const { empty, from, to } = editor.state.selection;
    const result = await openLinkDialog(t, {
      href: active ? editor.getAttributes("link").href : "",
      askText: empty && !active,
      canRemove: active,
      culture: culture(),
    });
    if (!result) { editor.commands.focus(); return; }
    if (result.remove) {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
    } else if (empty && !active) {
      editor.chain().focus().insertContent({ type: "text", text: result.text || result.href, marks: [{ type: "link", attrs: { href: result.href } }] }).run();
    } else {
      editor.chain().focus().setTextSelection({ from, to }).extendMarkRange("link").setLink({ href: result.href }).run();
    }
  }

  function setSource(on) {
    if (on === source) return;
    if (on) {
      writeBack();
      source = true;
      surface.hidden = true;
      area.hidden = false;
      area.required = required;
      area.focus();
    } else {
      if (unsupported.test(area.value)) {
        say(t.sourceOnly);
        return;
      }
      editor.commands.setContent(area.value, { contentType: "markdown", emitUpdate: false });
      dirty = false;
      source = false;
      area.hidden = true;
      area.required = false;
      surface.hidden = false;
      editor.commands.focus();
    }
    pressed();
    counted();
  }

  // Toolbar: one tab stop, arrow keys along it (the ARIA toolbar pattern), Escape back to the text.
  const buttons = [];
  const button = (key, text, action, active) => {
    // The name is hidden text, not aria-label: a name that does not contain the visible glyph ("H2") misleads voice control.
    const b = el("button", { type: "button", className: `rte-b-${key}`, title: t[key], tabindex: buttons.length ? -1 : 0 },
      ...(text === t[key] ? [text] : [el("span", { "aria-hidden": "true", text }), el("span", { className: "visually-hidden", text: t[key] })]));
    b.addEventListener("click", () => action());
    b.addEventListener("mousedown", (e) => e.preventDefault());
    buttons.push({ b, active, visualOnly: key !== "markdown" && key !== "preview" });
    toolbar.append(b);
    return b;
  };
  const run = (fn) => () => { fn(editor.chain().focus()).run(); };
  button("heading", "H2", run((c) => c.toggleHeading({ level: 2 })), () => editor.isActive("heading", { level: 2 }));
  button("subheading", "H3", run((c) => c.toggleHeading({ level: 3 })), () => editor.isActive("heading", { level: 3 }));
  button("bold", "B", run((c) => c.toggleBold()), () => editor.isActive("bold"));
  button("italic", "I", run((c) => c.toggleItalic()), () => editor.isActive("italic"));
  button("bulletList", "•", run((c) => c.toggleBulletList()), () => editor.isActive("bulletList"));
  button("orderedList", "1.", run((c) => c.toggleOrderedList()), () => editor.isActive("orderedList"));
  button("quote", "❝", run((c) => c.toggleBlockquote()), () => editor.isActive("blockquote"));
  button("link", "🔗", link, () => editor.isActive("link"));
  button("image", "▣", image, null);
  button("table", "▦", run((c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true })), null);
  button("rule", "―", run((c) => c.setHorizontalRule()), null);
  button("undo", "↶", run((c) => c.undo()), null);
  button("redo", "↷", run((c) => c.redo()), null);
  button("preview", t.preview, () => {
    preview.hidden = !preview.hidden;
    wrapper.classList.toggle("with-preview", !preview.hidden);
    if (!preview.hidden) refreshPreview();
    pressed();
  }, () => !preview.hidden);
  button("markdown", t.markdown, () => setSource(!source), () => source);

  function pressed() {
    for (const { b, active, visualOnly } of buttons) {
      if (active) b.setAttribute("aria-pressed", String(Boolean(active())));
      b.disabled = source && visualOnly;
    }
  }

  function focusToolbar() {
    const current = buttons.find(({ b }) => b.tabIndex === 0 && !b.disabled) || buttons.find(({ b }) => !b.disabled);
    if (current) current.b.focus();
  }

  toolbar.addEventListener("keydown", (e) => {
    const enabled = buttons.map(({ b }) => b).filter((b) => !b.disabled);
    const i = enabled.indexOf(document.activeElement);
    if (i < 0) return;
    const rtl = getComputedStyle(toolbar).direction === "rtl";
    let next = -1;
    if (e.key === (rtl ? "ArrowLeft" : "ArrowRight")) next = (i + 1) % enabled.length;
    else if (e.key === (rtl ? "ArrowRight" : "ArrowLeft")) next = (i - 1 + enabled.length) % enabled.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = enabled.length - 1;
    else if (e.key === "Escape") { e.preventDefault(); if (source) area.focus(); else editor.commands.focus(); return; }
    if (next < 0) return;
    e.preventDefault();
    enabled.forEach((b) => { b.tabIndex = -1; });
    enabled[next].tabIndex = 0;
    enabled[next].focus();
  });

  area.addEventListener("input", () => counted());
  area.addEventListener("keydown", (e) => { if (e.altKey && e.key === "F10") { e.preventDefault(); focusToolbar(); } });
  area.form?.addEventListener("submit", () => writeBack());
  label?.addEventListener("click", (e) => { if (!source) { e.preventDefault(); editor.commands.focus(); } });

  if (unsupported.test(area.value)) {
    source = true;
    surface.hidden = true;
    say(t.sourceOnly);
  } else {
    editor.commands.setContent(area.value, { contentType: "markdown", emitUpdate: false });
    area.hidden = true;
    area.required = false;
  }
  pressed();
  counted();
  return editor;
}

function imagesIn(transfer) {
  return transfer && transfer.files ? Array.from(transfer.files).filter((f) => f.type.startsWith("image/")) : [];
}
