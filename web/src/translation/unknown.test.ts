import { describe, expect, it } from "vitest";
import type { Root } from "hast";
import { markUnknown, rehypeMarkUnknown, unknownTitle } from "./unknown";

describe("markUnknown", () => {
  it("marks whole occurrences of the unknown words", () => {
    expect(markUnknown("El frobnicator y el frobnicators.", ["frobnicator"])).toEqual([
      { text: "El ", unknown: false },
      { text: "frobnicator", unknown: true },
      { text: " y el frobnicators.", unknown: false },
    ]);
  });

  it("prefers the longest word and escapes what regular expressions would read", () => {
    const segments = markUnknown("a+b and a+bc", ["a+b", "a+bc"]);
    expect(segments.filter((s) => s.unknown).map((s) => s.text)).toEqual(["a+b", "a+bc"]);
  });

  it("knows letters beyond ASCII", () => {
    expect(markUnknown("été zorb", ["été"])[0]).toEqual({ text: "été", unknown: true });
    expect(markUnknown("étéx", ["été"])).toEqual([{ text: "étéx", unknown: false }]);
  });

  it("leaves a text without unknown words whole", () => {
    expect(markUnknown("La casa.", [])).toEqual([{ text: "La casa.", unknown: false }]);
    expect(markUnknown("", ["x"])).toEqual([]);
  });
});

describe("rehypeMarkUnknown", () => {
  const text = (value: string) => ({ type: "text" as const, value });
  const element = (tagName: string, ...children: Root["children"]) =>
    ({ type: "element" as const, tagName, properties: {}, children }) as Root["children"][number];
  const mark = (word: string) => ({ ...element("mark", text(word)), properties: { title: unknownTitle } });

  it("wraps unknown words of the rendered text in <mark>, at any depth, but not inside code", () => {
    const tree: Root = {
      type: "root",
      children: [
        element("p", text("El "), element("strong", text("frobnicator rojo")), text(".")),
        element("pre", element("code", text("frobnicator()"))),
        element("p", element("code", text("frobnicator"))),
      ],
    };
    rehypeMarkUnknown(["frobnicator"])()(tree);
    expect(tree).toEqual({
      type: "root",
      children: [
        element(
          "p",
          text("El "),
          element("strong", mark("frobnicator"), text(" rojo")),
          text("."),
        ),
        element("pre", element("code", text("frobnicator()"))),
        element("p", element("code", text("frobnicator"))),
      ],
    });
  });

  it("leaves a tree without unknown words as it was", () => {
    const tree: Root = { type: "root", children: [element("p", text("La casa."))] };
    rehypeMarkUnknown([])()(tree);
    expect(tree).toEqual({ type: "root", children: [element("p", text("La casa."))] });
  });
});
