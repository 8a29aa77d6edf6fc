"""Indexed text of every Ukrainian page, read back from Pagefind's own fragments (sites/A)."""
import gzip, json, os, sys
def fragments(site):
    d = os.path.join(site, "pagefind", "fragment")
    for f in sorted(os.listdir(d)):
        raw = gzip.decompress(open(os.path.join(d, f), "rb").read())
        assert raw.startswith(b"pagefind_dcd"), raw[:20]
        yield f, json.loads(raw[len(b"pagefind_dcd"):])
if __name__ == "__main__":
    site = sys.argv[1] if len(sys.argv) > 1 else "sites/A"
    out = {}
    for f, j in fragments(site):
        if j["url"].startswith("/uk/"):
            out[j["url"]] = {"title": j["meta"].get("title", ""), "content": j["content"], "word_count": j["word_count"]}
    json.dump(out, open("uk_pages.json", "w"), ensure_ascii=False, indent=1)
    print(len(out), "uk pages;", sum(v["word_count"] for v in out.values()), "words")
