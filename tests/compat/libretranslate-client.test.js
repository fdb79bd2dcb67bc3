// A client written for LibreTranslate (the npm package `libretranslate`), pointed at our
// server through its `apiurl` option. Run by ctest (node --test).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { translate } from "libretranslate";
import { startServer } from "./live_server.js";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  assert.equal(await server.stop(), 0, "the server exits 0 on SIGTERM");
});

const ask = (options) => translate({ apiurl: server.url, ...options });

test("translates a sentence, reading the pairs from /languages first", async () => {
  assert.equal(await ask({ query: "The house.", source: "en", target: "es" }), "La casa.");
});

test("translates through a pivot language", async () => {
  const text = await ask({ query: "The user shall download the report.", source: "en", target: "fr" });
  assert.match(text, /rapport/);
});

test("detects the source language when it is auto", async () => {
  const text = await ask({
    query: "El sistema deberá registrar cada pedido del cliente.",
    target: "en",
  });
  assert.match(text, /system/i);
});

test("keeps HTML tags with format html", async () => {
  const text = await ask({ query: "<p>The <b>red car</b>.</p>", source: "en", target: "es", format: "html" });
  assert.equal(text, "<p>El <b>coche rojo</b>.</p>");
});

test("translates a list of texts in one request", async () => {
  const texts = await ask({ query: ["The house.", "The red car."], source: "en", target: "es" });
  assert.deepEqual(texts, ["La casa.", "El coche rojo."]);
});

test("a language the server does not have is refused before any translation", async () => {
  await assert.rejects(ask({ query: "Hallo.", source: "de", target: "en" }), TypeError);
});

test("a pair the server cannot translate gets LibreTranslate's JSON error", async () => {
  const response = await fetch(`${server.url}/translate`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ q: "Hola.", source: "es", target: "es" }),
  });
  assert.equal(response.status, 400);
  assert.match((await response.json()).error, /no translation from 'es' to 'es'/);
  assert.equal(await ask({ query: "Hola.", source: "es", target: "es" }), undefined);
});
