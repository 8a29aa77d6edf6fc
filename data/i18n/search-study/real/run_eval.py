"""Run A, RU, B in headless Debian Chromium via Playwright against a local http.server; record hits,
excerpts and the bytes of a first search (fresh browser context per query)."""
import asyncio, json, sys
sys.path.insert(0, "/work/main/scripts/site")
from browser import CHROMIUM_ARGS, chromium_path
from playwright.async_api import async_playwright
from queries import Q
PORT = 8766
BASE = f"http://127.0.0.1:{PORT}/harness.html"
OPTIONS = {"A": "site=A&lang=uk", "RU": "site=RU&lang=ru", "B": "site=B&lang=uk"}

async def open_page(browser, opt):
    ctx = await browser.new_context()
    page = await ctx.new_page()
    rec, errs, pend = [], [], []
    async def on_resp(r):
        try: b = await r.body(); rec.append((r.url, len(b), r.headers.get("content-encoding")))
        except Exception: rec.append((r.url, -1, None))
    page.on("response", lambda r: pend.append(asyncio.ensure_future(on_resp(r))))
    page.on("pageerror", lambda e: errs.append(str(e)))
    page.on("console", lambda m: errs.append(m.text) if m.type == "error" else None)
    await page.goto(f"{BASE}?{OPTIONS[opt]}")
    await page.wait_for_function("window.harnessReady === true")
    await asyncio.gather(*pend); rec.clear()           # drop harness.html itself
    return ctx, page, rec, errs, pend

async def main(opts):
    out = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        for opt in opts:
            ctx, page, rec, errs, pend = await open_page(browser, opt)
            per_q = {}
            for q, *_ in Q:
                r = await page.evaluate("q => window.runSearch(q)", q)
                per_q[q] = {"count": r["count"], "urls": [h["url"] for h in r["hits"]],
                            "excerpts": {h["url"]: h["excerpt"] for h in r["hits"][:5]}}
            await ctx.close()
            first = {}
            for mode, ndata in (("search_only", 0), ("search_top5", 5)):
                fb = []
                for q, *_ in Q:
                    ctx, page, rec, errs2, pend = await open_page(browser, opt)
                    await page.evaluate("([q, n]) => window.runSearch(q, n)", [q, ndata])
                    await page.wait_for_timeout(200); await asyncio.gather(*pend)
                    fb.append([(u.replace(f"http://127.0.0.1:{PORT}", ""), n, enc) for u, n, enc in rec])
                    errs += errs2
                    await ctx.close()
                first[mode] = fb
            out[opt] = {"per_query": per_q, "first_search": first, "errors": errs}
            print(opt, "done; errors:", errs[:3], flush=True)
        await browser.close()
    json.dump(out, open(f"results_{'_'.join(opts)}.json", "w"), ensure_ascii=False, indent=1)

if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:] or list(OPTIONS)))
