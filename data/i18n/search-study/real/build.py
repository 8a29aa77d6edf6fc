"""Build the copies: sites/A (as the site does it), sites/RU (uk pages relabelled lang="ru"),
sites/B (hidden pymorphy3 paradigm forms inside each uk page's data-pagefind-body). Never touches /work/main."""
import html, json, os, re, subprocess, sys, time
PF = "/work/main/.venv/lib/python3.11/site-packages/pagefind_bin/pagefind"
EXCLUDE = "[data-search-exclude], .headerlink"
ROOT = "/tmp/uksearch-real/sites"

def index(name):
    t = time.time()
    r = subprocess.run([PF, "--site", os.path.join(ROOT, name), "--exclude-selectors", EXCLUDE], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    open(f"/tmp/uksearch-real/build_{name}.log", "w").write(r.stdout)
    return time.time() - t

def uk_files(name):
    for dp, dn, fn in os.walk(os.path.join(ROOT, name, "uk")):
        for f in fn:
            if f.endswith(".html"): yield os.path.join(dp, f)

def url_to_file(name, url):
    return os.path.join(ROOT, name, url.lstrip("/"), "index.html")

def body_end(s):
    """Offset of the </div> closing the <div data-pagefind-body>."""
    m = re.search(r"<div data-pagefind-body>", s); assert m
    depth, pos = 1, m.end()
    for t in re.finditer(r"<div\b[^>]*>|</div\s*>", s[pos:]):
        depth += -1 if t.group(0).startswith("</") else 1
        if depth == 0: return pos + t.start()
    raise ValueError("unclosed body")

if __name__ == "__main__":
    which = sys.argv[1:] or ["A", "RU", "B"]
    for name in which:
        assert os.path.isdir(os.path.join(ROOT, name)), "copy sites/orig to sites/" + name + " first"
        assert not os.path.exists(os.path.join(ROOT, name, "pagefind")), "remove the copy's old pagefind/ first"
    if "RU" in which:
        n = 0
        for f in uk_files("RU"):
            s = open(f).read(); s2 = s.replace('<html lang="uk"', '<html lang="ru"', 1)
            n += s2 != s; open(f, "w").write(s2)
        print("RU: relabelled", n, "uk pages")
    stats = {}
    if "B" in which:
        from morph import words_of, forms, CYR
        P = json.load(open("/tmp/uksearch-real/uk_pages.json"))   # indexed text of build A
        added_words = 0; t0 = time.time(); before = after = 0
        for url, v in P.items():
            f = url_to_file("B", url); s = open(f).read(); before += len(s.encode())
            vw = set(words_of(v["content"]))
            extra = set()
            for w in vw:
                if CYR.search(w): extra |= forms(w)
            extra -= vw
            added_words += len(extra)
            block = '<div hidden aria-hidden="true" class="cbc-search-forms">' + html.escape(" ".join(sorted(extra))) + "</div>"
            i = body_end(s); s = s[:i] + block + s[i:]
            open(f, "w").write(s); after += len(s.encode())
        stats["B"] = {"pages": len(P), "added_words": added_words, "html_before": before, "html_after": after, "expand_s": round(time.time() - t0, 2)}
        print("B:", stats["B"])
    for name in which:
        stats.setdefault(name, {})["index_s"] = round(index(name), 2)
        print(name, open(f"/tmp/uksearch-real/build_{name}.log").read().split("[Building search indexes]")[-1].strip().replace("\n", " | ")[:400])
    json.dump(stats, open(f"/tmp/uksearch-real/build_stats_{'_'.join(which)}.json", "w"), indent=1)
