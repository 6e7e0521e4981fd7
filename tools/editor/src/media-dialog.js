// The media dialog: search the media library, see thumbnails, upload in place with alternative text, choose one. Used
// by the editor's Image button and by image fields (a featured image, a logo).
import { el, dialog, debounce, uid } from "./dom.js";
import * as server from "./server.js";

/** Opens the dialog; resolves with the chosen library item, or null when closed without a choice. */
export function chooseMedia(t, near, kind) {
  return new Promise((resolve) => {
    let chosen = null;
    const d = dialog(t.mediaTitle, t);
    const searchId = uid("media-search");
    const search = el("input", { type: "search", id: searchId, autocomplete: "off" });
    const status = el("p", { role: "status", className: "hint" });
    const list = el("ul", { className: "media-results" });
    const fileId = uid("media-file");
    const altId = uid("media-alt");
    const images = "image/jpeg,image/png,image/gif,image/webp,image/svg+xml";
    const file = el("input", { type: "file", id: fileId, accept: kind === "image" ? images : kind === "pdf" ? "application/pdf" : `${images},application/pdf` });
    const alt = el("input", { type: "text", id: altId, maxlength: 500 });
    const uploadStatus = el("p", { role: "status", className: "hint" });
    const uploadButton = el("button", { type: "button", text: t.upload });

    const show = (items) => {
      list.replaceChildren(...items.map((item) => el("li", {},
        el("button", { type: "button", className: "media-result", "aria-label": `${t.choose}: ${item.alt || item.name}`, onclick: () => { chosen = item; d.close(); } },
          item.thumbnail ? el("img", { src: item.thumbnail, alt: "", width: 96, loading: "lazy" }) : el("span", { className: "media-pdf", text: "PDF" }),
          el("span", { text: item.alt || item.name })))));
      status.textContent = items.length ? t.format("results", items.length) : t.noResults;
    };
    const load = async () => {
      try {
        show(await server.library(search.value.trim(), kind));
      } catch (e) {
        status.textContent = e.message;
      }
    };
    search.addEventListener("input", debounce(load, 250));
    uploadButton.addEventListener("click", async () => {
      if (!file.files || file.files.length === 0) {
        uploadStatus.textContent = t.format("uploadFailed", t.file);
        file.focus();
        return;
      }
      if (file.files[0].type.startsWith("image/") && !alt.value.trim()) {
        uploadStatus.textContent = t.altRequired;
        alt.focus();
        return;
      }
      uploadStatus.textContent = t.uploading;
      try {
        chosen = await server.upload(file.files[0], alt.value.trim(), near);
        uploadStatus.textContent = t.uploaded;
        d.close();
      } catch (e) {
        uploadStatus.textContent = t.format("uploadFailed", e.message);
      }
    });

    d.body.append(
      el("p", { className: "field" }, el("label", { for: searchId, text: t.searchMedia }), search),
      status, list,
      el("fieldset", { className: "media-upload" }, el("legend", { text: t.upload }),
        el("p", { className: "field" }, el("label", { for: fileId, text: t.file }), file),
        el("p", { className: "field" }, el("label", { for: altId, text: t.alt }), alt),
        el("p", {}, uploadButton), uploadStatus));
    d.node.addEventListener("close", () => resolve(chosen));
    d.open();
    search.focus();
    load();
  });
}

/** Asks what an image shows before it goes into a text; resolves with the words, or null when cancelled. */
export function askAlt(t, fileName) {
  return new Promise((resolve) => {
    let answer = null;
    const d = dialog(t.altTitle, t);
    const id = uid("alt");
    const input = el("input", { type: "text", id, maxlength: 500, required: true });
    const note = el("p", { role: "status", className: "hint" });
    const ok = el("button", { type: "button", text: t.insert });
    const cancel = el("button", { type: "button", className: "secondary", text: t.cancel, onclick: () => d.close() });
    const accept = () => {
      if (!input.value.trim()) {
        note.textContent = t.altRequired;
        input.focus();
        return;
      }
      answer = input.value.trim();
      d.close();
    };
    ok.addEventListener("click", accept);
    input.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); accept(); } });
    d.body.append(el("p", { className: "hint", text: fileName }), el("p", { className: "field" }, el("label", { for: id, text: t.alt }), input), note, el("p", { className: "actions" }, ok, cancel));
    d.node.addEventListener("close", () => resolve(answer));
    d.open();
    input.focus();
  });
}

/**
 * An image field (the radio list of _MediaChoice) becomes the chosen image with "Choose an image" and "No image": the
 * dialog searches the whole library, not only the newest images the list offers. The radio buttons stay (hidden) and
 * are what the form posts, so the server sees the same field with or without script.
 */
export function attachPicker(field, t) {
  const list = field.querySelector("ul");
  const radios = () => Array.from(field.querySelectorAll("input[type='radio']"));
  if (!list || radios().length === 0) return;
  const name = radios()[0].name;
  const current = el("p", { className: "picker-current", "aria-live": "polite" });
  const render = () => {
    const checked = radios().find((r) => r.checked);
    const label = checked && checked.value ? field.querySelector(`label[for='${CSS.escape(checked.id)}']`) : null;
    const img = label && label.querySelector("img");
    current.replaceChildren(...(label
      ? [img ? el("img", { src: img.getAttribute("src"), alt: "", width: 96 }) : null, el("span", { text: t.format("chosen", label.textContent.trim()) })]
      : [el("span", { text: t.noImage })]));
  };
  const choose = el("button", { type: "button", text: t.chooseImage });
  const none = el("button", { type: "button", className: "secondary", text: t.noImage });
  choose.addEventListener("click", async () => {
    const item = await chooseMedia(t, field, "image");
    if (item) {
      let radio = radios().find((r) => r.value === String(item.id));
      if (!radio) {
        radio = el("input", { type: "radio", name, value: item.id, id: `${name.replace(/\./g, "-")}-${item.id}` });
        list.append(el("li", {}, radio, el("label", { for: radio.id },
          el("img", { src: item.thumbnail, alt: "", width: 96 }), el("span", { text: item.alt }))));
      }
      radio.checked = true;
      render();
    }
    choose.focus();
  });
  none.addEventListener("click", () => {
    const empty = radios().find((r) => r.value === "");
    if (empty) empty.checked = true;
    render();
  });
  list.hidden = true;
  // The address field is for pages without script; the dialog searches the whole library instead.
  const address = field.querySelector(".media-address");
  if (address) address.hidden = true;
  list.after(current, el("p", { className: "actions" }, choose, none));
  render();
}

/**
 * A text field that takes a media-library address (an organisation's logo, a campaign's PDF) gets a button beside it that
 * opens the dialog and writes the chosen item's address into the field; the field itself stays for typing or pasting.
 */
export function attachAddressPicker(input, t) {
  const kind = input.dataset.mediaAddress;
  const button = el("button", { type: "button", className: "secondary", text: kind === "pdf" ? t.chooseDocument : t.chooseImage });
  button.addEventListener("click", async () => {
    const item = await chooseMedia(t, input, kind);
    if (item) {
      input.value = item.url;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
    input.focus();
  });
  input.after(button);
}
