import { describe, expect, it } from "vitest";
import { defaultTarget } from "./target";

describe("the first target", () => {
  it("is the browser's language when the document can go to it", () => {
    expect(defaultTarget(["ca", "es", "fr"], "en", ["fr-FR", "en"])).toBe("fr");
    expect(defaultTarget(["ca", "es", "fr"], "en", ["de-DE", "fr-CA"])).toBe("fr");
  });
  it("is never the document's own language, nor Catalan first: Spanish, else the first", () => {
    expect(defaultTarget(["ca", "es", "fr"], "en", ["en-US"])).toBe("es");
    expect(defaultTarget(["ca", "es", "fr"], "en", [])).toBe("es");
    expect(defaultTarget(["ca", "fr"], "es", ["es-ES"])).toBe("ca");
    expect(defaultTarget([], "de", ["en"])).toBe("");
  });
});
