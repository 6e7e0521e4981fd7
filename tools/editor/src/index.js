// Entry of the staff pages' bundle (wwwroot/lib/editor/editor.js, built by ../build.sh): a rich text editor over every
// textarea marked data-editor="markdown" and a media dialog for every image field marked data-media-picker and every
// media-library address field marked data-media-address ("image" or "pdf"). Both are
// progressive enhancement: without this script the textarea takes Markdown and the image field is a list of choices.
import { strings } from "./strings.js";
import { attachEditor } from "./markdown-editor.js";
import { attachPicker, attachAddressPicker } from "./media-dialog.js";

function start() {
  const t = strings();
  document.querySelectorAll("textarea[data-editor='markdown']").forEach((area) => attachEditor(area, t));
  document.querySelectorAll("[data-media-picker]").forEach((field) => attachPicker(field, t));
  document.querySelectorAll("input[data-media-address]").forEach((input) => attachAddressPicker(input, t));
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
