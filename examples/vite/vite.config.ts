// No plugin needed: Vite bundles the package's `new URL("./mistral_edge_bg.wasm", import.meta.url)`
// as an asset. Pre-bundling (dev server only) would break that URL, so the package is excluded.
export default {
  optimizeDeps: { exclude: ["mistral-edge-client"] },
  build: { target: "es2022" }, // the package's browser entry uses top-level await
};
