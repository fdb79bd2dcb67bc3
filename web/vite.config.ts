// Builds the page into the build tree's data folder (share/analyst-toolkit/web), which
// `analyst-toolkit serve` serves by default (ATK_WEB_OUT moves it). VITE_API_BASE points the page at another origin's API.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.ATK_WEB_OUT ?? "../build/share/analyst-toolkit/web",
    emptyOutDir: true,
    // CodeMirror with Markdown is one 600 kB library: splitting it further would gain nothing.
    chunkSizeWarningLimit: 700,
    // The editor and React change less often than the app: their own files stay cached.
    rollupOptions: {
      output: {
        manualChunks: {
          codemirror: ["codemirror", "@codemirror/lang-markdown", "@codemirror/lint"],
          react: ["react", "react-dom"],
        },
      },
    },
  },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
  },
});
