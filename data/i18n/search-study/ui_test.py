import asyncio, json, sys
from playwright.async_api import async_playwright
CASES = [("A","raw","військовослужбовця"),("A","stem","військовослужбовця"),("C2","stem","мобілізації"),("C2","fix","мобілізації"),("C2","fix","військовослужбовця"),("B","raw","мобілізації")]
async def main():
    out = []
    async with async_playwright() as p:
        b = await p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for site, mode, q in CASES:
            pg = await b.new_page(viewport={"width": 900, "height": 1100})
            await pg.goto(f"http://127.0.0.1:8765/sites/ui.html?site={site}&mode={mode}")
            await pg.wait_for_function("window.uiReady === true")
            await pg.fill(".pagefind-ui__search-input", q)
            await pg.wait_for_selector(".pagefind-ui__result-title", timeout=15000)
            await pg.wait_for_timeout(1200)
            msg = await pg.inner_text(".pagefind-ui__message")
            ex = await pg.eval_on_selector_all(".pagefind-ui__result", "els => els.slice(0,3).map(e => e.querySelector('.pagefind-ui__result-title').innerText + ' :: ' + e.querySelector('.pagefind-ui__result-excerpt').innerText)")
            shot = f"/tmp/uksearch/ui_{site}_{mode}_{q}.png"; await pg.screenshot(path=shot)
            out.append({"site": site, "mode": mode, "q": q, "message": msg, "top3": ex, "shot": shot})
            print(site, mode, q, "|", msg); [print("    ", e[:200].replace("\n", " ")) for e in ex]
            await pg.close()
        await b.close()
    json.dump(out, open("/tmp/uksearch/ui_test.json", "w"), ensure_ascii=False, indent=1)
asyncio.run(main())
