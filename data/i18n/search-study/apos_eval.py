import asyncio, json
from playwright.async_api import async_playwright
from run_eval import OPTIONS, BASE, pid
QS = ["пов’язує", "пов'язує", "повʼязує", "пов’язують", "п’яти", "п'ять"]
async def main():
    out = {}
    async with async_playwright() as p:
        b = await p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for opt in ["A", "A+Q", "B", "C", "L", "MS-uk"]:
            ctx = await b.new_context(); pg = await ctx.new_page()
            await pg.goto(f"{BASE}?{OPTIONS[opt]}"); await pg.wait_for_function("window.harnessReady === true")
            out[opt] = {}
            for q in QS:
                r = await pg.evaluate("q => window.runSearch(q)", q)
                out[opt][q] = sorted(pid(h["url"]) for h in r["hits"])
            await ctx.close()
            print(opt, out[opt], flush=True)
        await b.close()
    json.dump(out, open("/tmp/uksearch/results_apostrophe.json", "w"), ensure_ascii=False, indent=1)
asyncio.run(main())
