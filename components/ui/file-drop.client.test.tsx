import { test } from "node:test";
import assert from "node:assert/strict";
import { renderToString } from "react-dom/server";
import { FileDrop } from "./file-drop";

const render = (error?: string) =>
  renderToString(
    <FileDrop
      id="receipt-file-p1"
      name="file"
      label="Receipt"
      prompt="Drop it here"
      accept="image/png,application/pdf"
      capture="environment"
      hint="PDF or PNG, up to 10 MB"
      error={error}
    />,
  );

test("the file input is named by its drop zone's label and offers the camera for the accepted types", () => {
  const html = render();
  assert.match(html, /<label for="receipt-file-p1"[^>]*>.*Receipt.*Drop it here.*<\/label>/);
  const input = html.match(/<input[^>]*type="file"[^>]*>/)?.[0] ?? "";
  assert.match(input, /id="receipt-file-p1"/);
  assert.match(input, /name="file"/);
  assert.match(input, /accept="image\/png,application\/pdf"/);
  assert.match(input, /capture="environment"/);
  assert.match(input, /aria-describedby="receipt-file-p1-hint"/);
  assert.doesNotMatch(input, /aria-invalid/);
});

test("an error replaces the hint and is announced with the input", () => {
  const html = render("That file isn't a PDF or PNG");
  const input = html.match(/<input[^>]*type="file"[^>]*>/)?.[0] ?? "";
  assert.match(input, /aria-invalid="true"/);
  assert.match(input, /aria-describedby="receipt-file-p1-error[ "]/);
  assert.match(html, /data-field-error="file"[^>]*>That file isn&#x27;t a PDF or PNG</);
  assert.doesNotMatch(html, /PDF or PNG, up to 10 MB/);
});
