// Pasted HTML (Word, Google Docs, web pages) before ProseMirror reads it. ProseMirror keeps only what the schema knows
// (headings, lists, emphasis, links, tables, images), so fonts, colours and classes go by themselves; what is done here
// is what it would get wrong: images from elsewhere (the site serves its own media: they are dropped and counted),
// Google Docs' bold wrapper that is not bold, and Word's lists, which arrive as paragraphs with a typed bullet.
const ownImage = (src) => /^\/(?!\/)/.test(src || "");

// Chromium checks style attributes and <style> elements against the page's Content-Security-Policy even while parsing
// into a detached document (DOMParser, ProseMirror's own reader), reporting each as a violation. So before anything
// parses it, style blocks go and every style attribute is renamed data-style; what it meant (bold, italic, Word's list
// markers) is read from there, and nothing with a style reaches ProseMirror.
const styleBlocks = /<style[\s\S]*?<\/style\s*>/gi;
const styleAttributes = /(<[a-zA-Z][^<>]*?\s)style(\s*=)/g;

function styleOf(node) {
  return node.getAttribute("data-style") || "";
}

export function cleanPastedHtml(html, onDropped) {
  let text = html.replace(styleBlocks, "");
  // A tag may carry several style-looking attributes (o:style…); repeat until none is left.
  for (let before = ""; before !== text;) {
    before = text;
    text = text.replace(styleAttributes, "$1data-style$2");
  }
  const doc = new DOMParser().parseFromString(text, "text/html");
  let dropped = 0;
  doc.querySelectorAll("img").forEach((img) => {
    if (!ownImage(img.getAttribute("src"))) {
      img.remove();
      dropped += 1;
    }
  });
  // VML images of Word (<v:imagedata>) and anything else that would fetch from elsewhere.
  doc.querySelectorAll("picture, video, audio, iframe, object, embed, svg, style, script, meta, link, title").forEach((n) => {
    if (n.tagName.toLowerCase() === "picture" || n.tagName.toLowerCase() === "svg") dropped += 1;
    n.remove();
  });
  doc.querySelectorAll("b[id^='docs-internal-guid']").forEach((b) => b.replaceWith(...b.childNodes));
  wordLists(doc);
  emphasisFromStyles(doc);
  if (dropped > 0 && onDropped) onDropped(dropped);
  return doc.body.innerHTML;
}

// Word writes each list item as <p class="MsoListParagraph…" style="mso-list:l0 level1 lfo1"> whose first span
// (mso-list:Ignore) holds the bullet or number typed out. Runs of them become <ul>/<ol>.
function wordLists(doc) {
  const isItem = (n) => n && n.nodeType === 1 && n.tagName === "P" &&
    (/MsoList/i.test(n.className) || /mso-list/i.test(styleOf(n)));
  const items = Array.from(doc.querySelectorAll("p")).filter(isItem);
  for (const p of items) {
    if (!p.isConnected || p.closest("li")) continue;
    const run = [p];
    let next = p.nextElementSibling;
    while (isItem(next)) {
      run.push(next);
      next = next.nextElementSibling;
    }
    const marker = markerOf(p);
    const list = doc.createElement(/^\(?[0-9a-zA-Z]{1,3}[.)]/.test(marker) ? "ol" : "ul");
    p.before(list);
    for (const item of run) {
      markerSpan(item)?.remove();
      const li = doc.createElement("li");
      li.append(...item.childNodes);
      list.append(li);
      item.remove();
    }
  }
}

function markerSpan(p) {
  return Array.from(p.querySelectorAll("span")).find((s) => /mso-list\s*:\s*ignore/i.test(styleOf(s))) || null;
}

// Google Docs and web pages mark bold and italic with styles; they become <strong> and <em>, and a <b> styled not bold
// stops being bold. Then every data-style and class goes.
function emphasisFromStyles(doc) {
  for (const node of Array.from(doc.body.querySelectorAll("[data-style]"))) {
    const style = styleOf(node);
    const tag = node.tagName.toLowerCase();
    if ((tag === "b" || tag === "strong") && /font-weight\s*:\s*(normal|[1-4]00)\b/i.test(style)) {
      node.replaceWith(...node.childNodes);
      continue;
    }
    const wrap = (name) => {
      const inner = doc.createElement(name);
      inner.append(...node.childNodes);
      node.append(inner);
    };
    if (/font-weight\s*:\s*(bold|bolder|[6-9]00)\b/i.test(style) && tag !== "b" && tag !== "strong" && !/^h[1-6]$/.test(tag)) wrap("strong");
    if (/font-style\s*:\s*italic/i.test(style) && tag !== "i" && tag !== "em") wrap("em");
  }
  doc.body.querySelectorAll("[data-style], [class]").forEach((n) => {
    n.removeAttribute("data-style");
    n.removeAttribute("class");
  });
}

function markerOf(p) {
  const span = markerSpan(p);
  return ((span ? span.textContent : p.textContent) || "").trim();
}
