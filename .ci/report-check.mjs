// Opens an msckg HTML report in headless Chromium (Debian's, driven by
// puppeteer-core) with every network request refused, and prints as JSON
// what a reader would meet: console errors, page errors, requests other
// than the page itself, the evidence table's rows, and for every linked
// value, whether clicking it shows its sentence with the words marked.
// Usage: node report-check.mjs REPORT.html [PATH-OF-CHROMIUM, default /usr/bin/chromium]
import puppeteer from "puppeteer-core";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [file, chromium = process.env.CHROMIUM || "/usr/bin/chromium"] = process.argv.slice(2);
const url = pathToFileURL(resolve(file)).href;
const out = { consoleErrors: [], pageErrors: [], requests: [], rows: [], clicks: [] };

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-default-apps", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on("request", (req) => {
    const u = req.url().split("#")[0];
    if (u === url) return req.continue();
    out.requests.push(req.url());
    req.abort();
  });
  page.on("console", (m) => { if (m.type() === "error") out.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => out.pageErrors.push(String(e)));
  await page.goto(url, { waitUntil: "load" });

  out.rows = await page.$$eval("#evidence thead th", (ths) => ths.map((th) => th.textContent))
    .then(async (head) => page.$$eval("#evidence tbody tr", (trs, head) => trs.map((tr) => {
      const row = {};
      // A cell's value, without the marks of its further sentences.
      [...tr.children].forEach((td, i) => {
        const a = td.querySelector("a.num");
        row[head[i]] = a ? a.textContent : td.textContent;
      });
      return row;
    }), head));

  const links = await page.$$("a.num");
  for (const a of links) {
    const href = await a.evaluate((el) => el.getAttribute("href"));
    const text = await a.evaluate((el) => el.textContent);
    await a.evaluate((el) => el.scrollIntoView());
    await a.click();
    const shown = await page.evaluate((id) => {
      const ev = document.getElementById(id);
      const visible = [...document.querySelectorAll(".ev")].filter((e) => getComputedStyle(e).display !== "none");
      if (!ev) return { missing: true };
      const mark = ev.querySelector("mark");
      return {
        visible: getComputedStyle(ev).display !== "none",
        onlyOne: visible.length === 1 && visible[0] === ev,
        marked: mark ? mark.textContent : "",
        markColour: mark ? getComputedStyle(mark).backgroundColor : "",
        sentence: ev.firstElementChild ? ev.firstElementChild.textContent : "",
      };
    }, href.slice(1));
    out.clicks.push({ href, text, ...shown });
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
