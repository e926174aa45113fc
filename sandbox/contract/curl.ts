/**
 * Reads the `curl` commands of Stripe's guides as they are kept in `shared/reference/stripe-guides/`
 * (web pages flattened to text: a command's line breaks became `\ ` separators, and quoted values
 * such as the API key were broken over several lines) and turns each into the request curl would
 * send. Only the options the guides use are understood; anything else is an error, so a guide that
 * starts using a new option fails loudly instead of being sent wrong.
 */

export type CurlCommand = {
  /** The command as it appears in the guide (joined onto one line), for failure messages. */
  source: string;
  method: string;
  url: string;
  headers: Array<[string, string]>;
  /** Basic auth user from `-u user:` (curl sends `Authorization: Basic base64(user:)`). */
  user: string | null;
  /** `-d` / `--data-urlencode` pieces, already in their wire form (`k=v`, joined with `&` by curl). */
  data: string[];
  get: boolean;
  json: string | null;
};

export type CurlRequest = { method: string; url: string; headers: Record<string, string>; body: string | undefined };

/** Lines of one command: a line continues while a quote is open, it ends in `/` or `=`, or the next begins with `\` or `/`. */
function commandLines(lines: string[], start: number): { text: string; next: number } {
  let text = "";
  let quote: string | null = null;
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? "";
    // Inside quotes a flattened line break stands for a space; outside, for nothing at all.
    text += quote ? ` ${line}` : line;
    for (const ch of line) {
      if (quote) {
        if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'") quote = ch;
    }
    const next = (lines[i + 1] ?? "").trimStart();
    const trimmed = line.trimEnd();
    if (quote || /[/=\\]$/.test(trimmed) || /^[\\/]/.test(next)) continue;
    break;
  }
  return { text, next: i + 1 };
}

/** Shell words: quotes group and are removed, adjacent parts join, unquoted whitespace and `\ ` separate. */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (quote) {
      if (ch === quote) quote = null;
      else word = (word ?? "") + ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= "";
    } else if (ch === "\\" || /\s/.test(ch)) {
      // `\ ` is the flattened line continuation: a separator, like whitespace.
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? "") + ch;
  }
  if (quote) throw new Error(`unterminated ${quote} in: ${text}`);
  if (word !== null) words.push(word);
  return words;
}

function parse(text: string): CurlCommand {
  const words = shellWords(text);
  if (words[0] !== "curl") throw new Error(`not a curl command: ${text}`);
  const cmd: CurlCommand = {
    source: text.replace(/\s+/g, " ").trim(),
    method: "",
    url: "",
    headers: [],
    user: null,
    data: [],
    get: false,
    json: null,
  };
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? "";
    const value = () => {
      const v = words[++i];
      if (v === undefined) throw new Error(`${w} needs a value in: ${cmd.source}`);
      return v;
    };
    if (w === "-X" || w === "--request") cmd.method = value();
    else if (w === "-G" || w === "--get") cmd.get = true;
    else if (w === "-u" || w === "--user") cmd.user = value().replace(/\s+/g, "");
    else if (w === "-H" || w === "--header") {
      const h = value();
      const colon = h.indexOf(":");
      if (colon < 1) throw new Error(`bad header ${h} in: ${cmd.source}`);
      cmd.headers.push([
        h.slice(0, colon).trim(),
        h
          .slice(colon + 1)
          .replace(/\s+/g, " ")
          .trim(),
      ]);
    } else if (w === "-d" || w === "--data") cmd.data.push(value());
    else if (w === "--data-urlencode") {
      // curl: `name=content` sends `name=` + the URL-encoded content.
      const v = value();
      const eq = v.indexOf("=");
      cmd.data.push(eq < 0 ? encodeURIComponent(v) : `${v.slice(0, eq)}=${encodeURIComponent(v.slice(eq + 1))}`);
    } else if (w === "--json") cmd.json = value();
    else if (!w.startsWith("-") && !cmd.url) cmd.url = w;
    else throw new Error(`unsupported curl argument ${w} in: ${cmd.source}`);
  }
  if (!cmd.url) throw new Error(`no URL in: ${cmd.source}`);
  return cmd;
}

/** Every `curl` command in a guide's text, in order. */
export function extractCurlCommands(guide: string): CurlCommand[] {
  const lines = guide.split(/\r?\n/);
  const out: CurlCommand[] = [];
  for (let i = 0; i < lines.length;) {
    if (/^\s*curl\s/.test(lines[i] ?? "")) {
      const { text, next } = commandLines(lines, i);
      out.push(parse(text));
      i = next;
    } else i++;
  }
  return out;
}

/**
 * The HTTP request curl makes for a command: `-d` data form-encoded in the body (POST), or in
 * the query with `-G` (GET); `--json` as an `application/json` body (POST); `-X` overrides.
 */
export function toRequest(cmd: CurlCommand): CurlRequest {
  const headers: Record<string, string> = { "user-agent": "curl/8.5.0", accept: "*/*" };
  if (cmd.user !== null) headers.authorization = `Basic ${Buffer.from(cmd.user).toString("base64")}`;
  let url = cmd.url;
  let body: string | undefined;
  let method = "GET";
  const form = cmd.data.join("&");
  if (cmd.get) {
    if (form) url += (url.includes("?") ? "&" : "?") + form;
  } else if (cmd.json !== null) {
    if (cmd.data.length) throw new Error(`--json with -d in: ${cmd.source}`);
    method = "POST";
    body = cmd.json;
    headers["content-type"] = "application/json";
    headers.accept = "application/json";
  } else if (cmd.data.length) {
    method = "POST";
    body = form;
    headers["content-type"] = "application/x-www-form-urlencoded";
  }
  for (const [k, v] of cmd.headers) headers[k.toLowerCase()] = v;
  return { method: cmd.method || method, url, headers, body };
}
