"""Run every option in headless Chromium (Playwright) and record hits + bytes."""
import asyncio, json, re, sys
sys.path.insert(0, "/tmp/uksearch")
from queries import Q
from playwright.async_api import async_playwright

BASE = "http://127.0.0.1:8765/harness.html"
OPTIONS = {
  "A":        "engine=pagefind&site=A&q=raw",
  "A+Q":      "engine=pagefind&site=A&q=ukstem",
  "RU":       "engine=pagefind&site=RU&q=raw",
  "B":        "engine=pagefind&site=B&q=raw",
  "Battr":    "engine=pagefind&site=Battr&q=raw",
  "C":        "engine=pagefind&site=C&q=ukstem",
  "L":        "engine=pagefind&site=L&q=lemma",
  "MS-none":  "engine=minisearch&stem=none&prefix=0",
  "MS-noneP": "engine=minisearch&stem=none&prefix=1",
  "MS-uk":    "engine=minisearch&stem=ukstem&prefix=0",
  "MS-ukP":   "engine=minisearch&stem=ukstem&prefix=1",
  "MS-ru":    "engine=minisearch&stem=ru&prefix=0",
}

def pid(url):
    m = re.search(r"(p\d\d)-", url); return m.group(1) if m else url

async def open_page(browser, opt):
    ctx = await browser.new_context()
    page = await ctx.new_page()
    rec = []
    async def on_resp(r):
        try:
            b = await r.body(); rec.append((r.url, len(b)))
        except Exception as e:
            rec.append((r.url, -1))
    page.on("response", lambda r: asyncio.ensure_future(on_resp(r)))
    errs = []
    page.on("pageerror", lambda e: errs.append(str(e)))
    page.on("console", lambda m: errs.append(m.text) if m.type == "error" else None)
    await page.goto(f"{BASE}?{OPTIONS[opt]}")
    await page.wait_for_function("window.harnessReady === true")
    return ctx, page, rec, errs

async def main(opts):
    out = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for opt in opts:
            # 1) recall/precision run: all queries, all result data
            ctx, page, rec, errs = await open_page(browser, opt)
            per_q = {}
            for q, lemma, pos, rel in Q:
                r = await page.evaluate("q => window.runSearch(q)", q)
                per_q[q] = {"terms": r["terms"], "hits": [pid(h["url"]) for h in r["hits"]],
                            "excerpts": {pid(h["url"]): h["excerpt"] for h in r["hits"]}}
            await ctx.close()
            # 2) first-search bytes: fresh context per query, like a first visit (top 5 results' data)
            fb = []
            for q, *_ in Q:
                ctx, page, rec, errs2 = await open_page(browser, opt)
                rec.clear()  # drop harness.html itself
                await page.evaluate("q => window.runSearch(q, 5)", q)
                await page.wait_for_timeout(150)
                fb.append([(u.replace("http://127.0.0.1:8765", ""), n) for u, n in rec])
                errs += errs2
                await ctx.close()
            out[opt] = {"per_query": per_q, "first_search": fb, "errors": errs}
            print(opt, "done", "errors:", errs[:3], flush=True)
        await browser.close()
    json.dump(out, open(f"/tmp/uksearch/results_{'_'.join(opts) if len(opts)<4 else 'all'}.json", "w"), ensure_ascii=False, indent=1)

if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:] or list(OPTIONS)))
