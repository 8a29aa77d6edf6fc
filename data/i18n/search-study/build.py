"""Build the fixture variants under /tmp/uksearch/sites/<variant>/ and their search indexes."""
import html, json, os, re, shutil, subprocess, sys
from pages import PAGES
from ukstem import stem

PF = "/work/main/.venv/lib/python3.11/site-packages/pagefind_bin/pagefind"
ROOT = "/tmp/uksearch/sites"
WORD = re.compile(r"[^\W\d_]+(?:[’'ʼ][^\W\d_]+)*")

_morph = None
def morph():
    global _morph
    if _morph is None:
        import pymorphy3
        _morph = pymorphy3.MorphAnalyzer(lang="uk")
    return _morph

def words_of(text):
    return [w.lower() for w in WORD.findall(text)]

def paradigm_forms(words):
    """lemma + every inflected form of every reading of every word (pymorphy3 + uk dicts)."""
    m = morph(); out = set()
    for w in set(words):
        for p in m.parse(w.replace("’", "'").replace("ʼ", "'")):
            out.add(p.normal_form)
            out.update(f.word for f in p.lexeme)
    return out

def lemmas(words):
    m = morph(); out = set()
    for w in set(words):
        for p in m.parse(w.replace("’", "'").replace("ʼ", "'")):
            out.add(p.normal_form)
    return out

def page_html(pid, title, paras, extra=""):
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return f"""<!doctype html>
<html lang="uk"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>
<body>
<nav>Головна · Твердження · Методика</nav>
<main data-pagefind-body>
<h1>{html.escape(title)}</h1>
{body}
{extra}
</main>
</body></html>
"""

def hidden_block(words, how):
    txt = " ".join(sorted(words))
    if how == "div-hidden":
        return f'<div hidden aria-hidden="true" class="search-terms">{html.escape(txt)}</div>'
    if how == "attr":
        return f'<span data-pagefind-index-attrs="data-terms" data-terms="{html.escape(txt)}"></span>'
    raise ValueError(how)

def write_site(name, extra_fn=None, pf_args=()):
    d = os.path.join(ROOT, name)
    shutil.rmtree(d, ignore_errors=True); os.makedirs(d)
    for pid, title, paras in PAGES:
        extra = extra_fn(pid, title, paras) if extra_fn else ""
        with open(os.path.join(d, pid + ".html"), "w") as f:
            f.write(page_html(pid, title, paras, extra))
    content_bytes = sum(os.path.getsize(os.path.join(d, p[0] + ".html")) for p in PAGES)
    if pf_args is not None:
        r = subprocess.run([PF, "--site", d, *pf_args], capture_output=True, text=True)
        if r.returncode: print(r.stdout, r.stderr); sys.exit(1)
        info = [l for l in r.stdout.splitlines() if "ndexed" in l or "language" in l.lower()]
        print(name, "|", "; ".join(s.strip() for s in info))
    return d, content_bytes

def visible_words(title, paras):
    return words_of(title + " " + " ".join(paras))

if __name__ == "__main__":
    which = sys.argv[1:] or ["A", "RU", "B", "Battr", "C", "L", "docs"]
    sizes = {}
    if "A" in which:
        sizes["A"] = write_site("A")
    if "RU" in which:
        sizes["RU"] = write_site("RU", pf_args=("--force-language", "ru"))
    if "B" in which:   # all paradigm forms not already on the page, hidden div
        def ex(pid, t, ps):
            vw = visible_words(t, ps); return hidden_block(paradigm_forms(vw) - set(vw), "div-hidden")
        sizes["B"] = write_site("B", ex)
    if "Battr" in which:  # same, via data-pagefind-index-attrs
        def ex(pid, t, ps):
            vw = visible_words(t, ps); return hidden_block(paradigm_forms(vw) - set(vw), "attr")
        sizes["Battr"] = write_site("Battr", ex)
    if "C" in which:   # light stemmer: stems added (hidden), query stemmed in the browser
        def ex(pid, t, ps):
            vw = visible_words(t, ps); return hidden_block({stem(w) for w in vw} - set(vw), "div-hidden")
        sizes["C"] = write_site("C", ex)
    if "L" in which:   # lemmas added (hidden); browser gets a form->lemma table
        table = {}
        def ex(pid, t, ps):
            vw = visible_words(t, ps)
            m = morph()
            for w in set(vw):
                for p in m.parse(w.replace("’", "'")):
                    for f in p.lexeme:
                        table.setdefault(f.word, set()).add(p.normal_form)
            return hidden_block(lemmas(vw) - set(vw), "div-hidden")
        sizes["L"] = write_site("L", ex)
        os.makedirs(os.path.join(ROOT, "L", "lemmas"), exist_ok=True)
        with open(os.path.join(ROOT, "L", "lemmas", "forms.json"), "w") as f:
            json.dump({k: sorted(v) for k, v in sorted(table.items())}, f, ensure_ascii=False, separators=(",", ":"))
    if "docs" in which:  # plain documents for MiniSearch / lunr (whole-index engines)
        os.makedirs(ROOT, exist_ok=True)
        docs = [{"id": pid, "url": f"/{pid}.html", "title": t, "text": " ".join(ps)} for pid, t, ps in PAGES]
        json.dump(docs, open(os.path.join(ROOT, "docs.json"), "w"), ensure_ascii=False)
    json.dump({k: v[1] for k, v in sizes.items()}, open(os.path.join(ROOT, f"html_bytes_{'_'.join(which)}.json"), "w"))

def build_c2():
    """C plus a sentinel word before the hidden stems, so a UI processResult can cut them off."""
    def ex(pid, t, ps):
        vw = visible_words(t, ps)
        return '<div hidden aria-hidden="true">zzstemszz ' + " ".join(sorted({stem(w) for w in vw} - set(vw))) + "</div>"
    return write_site("C2", ex)
