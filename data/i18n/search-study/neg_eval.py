"""Queries with no relevant page: what does each option return? (Pagefind backtracking pitfall)"""
import asyncio, json, re
from playwright.async_api import async_playwright
from run_eval import OPTIONS, BASE, pid
NEG = ["танками", "ракетою", "Харкові", "волонтерів", "перемир'я", "санкціями"]
async def main():
    out = {}
    async with async_playwright() as p:
        b = await p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for opt in ["A", "A+Q", "RU", "B", "C", "L", "MS-uk", "MS-ukP"]:
            ctx = await b.new_context(); pg = await ctx.new_page()
            await pg.goto(f"{BASE}?{OPTIONS[opt]}"); await pg.wait_for_function("window.harnessReady === true")
            out[opt] = {}
            for q in NEG:
                r = await pg.evaluate("q => window.runSearch(q)", q)
                marks = sorted({m for h in r["hits"] for m in re.findall(r"<mark>(.*?)</mark>", h["excerpt"])})
                out[opt][q] = {"n": len(r["hits"]), "terms": r["terms"], "marked": marks[:6]}
            await ctx.close()
            print(opt, {q: (v["n"], v["marked"][:3]) for q, v in out[opt].items()}, flush=True)
        await b.close()
    json.dump(out, open("/tmp/uksearch/results_negative.json", "w"), ensure_ascii=False, indent=1)
asyncio.run(main())
