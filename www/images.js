// Generated images, shown inline: the files API's bytes become a Blob URL (the request goes
// through the demo's proxy, so no key is needed on the page); a signed URL is the fallback.
import { h } from "./dom.js";
import { client } from "./state.js";

const cache = new Map(); // fileId → Promise<url>

const MIME = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", webp: "image/webp", gif: "image/gif" };

function imageUrl(fileId, fileType) {
  if (!cache.has(fileId)) {
    cache.set(fileId, (async () => {
      try {
        const body = await client.files.download({ fileId });
        const blob = await new Response(body).blob();
        return URL.createObjectURL(new Blob([blob], { type: MIME[fileType] ?? "image/png" }));
      } catch (error) {
        const signed = await client.files.getSignedUrl({ fileId, expiry: 1 }).catch(() => null);
        if (signed?.url) return signed.url;
        cache.delete(fileId);
        throw error;
      }
    })());
  }
  return cache.get(fileId);
}

/** A figure that fills in once the image has loaded. */
export function imageFigure({ fileId, fileName, fileType }) {
  const img = h("img", { class: "generated", alt: fileName ?? "generated image", dataset: { fileId } });
  const caption = h("figcaption", { text: `${fileName ?? "image"}${fileType ? `.${fileType}` : ""} · loading…` });
  const figure = h("figure", { class: "image loading" }, img, caption);
  imageUrl(fileId, fileType).then(
    (url) => {
      img.src = url;
      img.addEventListener("load", () => {
        figure.classList.remove("loading");
        caption.textContent = `${fileName ?? "image"}${fileType ? `.${fileType}` : ""} · ${img.naturalWidth}×${img.naturalHeight}`;
      }, { once: true });
    },
    (error) => {
      figure.classList.replace("loading", "failed");
      caption.textContent = `could not load the image: ${error.message}`;
    },
  );
  return figure;
}
