import { describe, expect, it } from "vitest";
import { formatGlossary, parseGlossary, withTerms } from "./glossary";

describe("glossary files", () => {
  it("read one term per line, skipping blanks, comments and repeats", () => {
    expect(parseGlossary("# ours\r\nAcme Cloud\n\n  SSO  \nAcme Cloud\n#x\n")).toEqual(["Acme Cloud", "SSO"]);
  });

  it("write what they read", () => {
    const terms = ["Acme Cloud", "Kubernetes", "iOS"];
    expect(parseGlossary(formatGlossary(terms))).toEqual(terms);
  });

  it("gain terms once each, blanks ignored", () => {
    expect(withTerms(["SSO"], ["SSO", " OMS ", ""])).toEqual(["SSO", "OMS"]);
  });
});
