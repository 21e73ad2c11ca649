// A small, safe subset of Markdown for finished answers, built as DOM nodes (never innerHTML):
// fenced code, headings, bullet and numbered lists, paragraphs, inline code, bold, italic, links.
import { h } from "./dom.js";

const INLINE = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\*[^*\s\n][^*\n]*\*)|\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g;

function inline(text) {
  const out = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) out.push(text.slice(last, match.index));
    const [whole, code, bold, italic, label, href] = match;
    if (code) out.push(h("code", { text: code.slice(1, -1) }));
    else if (bold) out.push(h("strong", { text: bold.slice(2, -2) }));
    else if (italic) out.push(h("em", { text: italic.slice(1, -1) }));
    else if (href) out.push(h("a", { href, target: "_blank", rel: "noopener noreferrer", text: label }));
    else out.push(whole);
    last = match.index + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function paragraph(lines) {
  return h("p", {}, ...lines.flatMap((line, i) => (i ? [h("br"), ...inline(line)] : inline(line))));
}

/** Whether the text looks like Markdown worth rendering. */
export function looksLikeMarkdown(text) {
  return /^```|^#{1,6}\s|^\s*(?:[-*]|\d+[.)])\s|`[^`\n]+`|\*\*[^*\n]+\*\*|\]\(https?:\/\//m.test(text);
}

export function renderMarkdown(text) {
  const blocks = [];
  const lines = text.split("\n");
  let para = [];
  const flush = () => {
    if (para.length) blocks.push(paragraph(para));
    para = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const fence = line.match(/^```\s*([\w+-]*)/);
    if (fence) {
      flush();
      const code = [];
      for (i += 1; i < lines.length && !lines[i].startsWith("```"); i += 1) code.push(lines[i]);
      blocks.push(h("pre", { class: "md-code", dataset: { lang: fence[1] || "" } }, h("code", { text: code.join("\n") })));
      continue;
    }
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    if (heading) {
      flush();
      blocks.push(h("p", { class: `md-h md-h${heading[1].length}` }, ...inline(heading[2])));
      continue;
    }
    const item = line.match(/^\s*(?:([-*])|(\d+)[.)])\s+(.*)$/);
    if (item) {
      flush();
      const ordered = Boolean(item[2]);
      const items = [];
      for (; i < lines.length; i += 1) {
        const next = lines[i].match(/^\s*(?:([-*])|(\d+)[.)])\s+(.*)$/);
        if (!next || Boolean(next[2]) !== ordered) break;
        items.push(h("li", {}, ...inline(next[3])));
      }
      i -= 1;
      blocks.push(h(ordered ? "ol" : "ul", {}, ...items));
      continue;
    }
    if (!line.trim()) flush();
    else para.push(line);
  }
  flush();
  return blocks;
}
