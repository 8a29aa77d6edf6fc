"""Per-page words and lemmas of the Ukrainian pages' indexed text; candidate listing for queries."""
import json, collections, sys
from morph import words_of, lemmas, forms, CYR
P = json.load(open("uk_pages.json"))
page_words = {u: set(words_of(v["content"])) for u, v in P.items()}
word_pages = collections.defaultdict(set)
for u, ws in page_words.items():
    for w in ws: word_pages[w].add(u)
lemma_pages = collections.defaultdict(set); lemma_forms = collections.defaultdict(set)
for w, us in word_pages.items():
    if not CYR.search(w): continue
    for l in lemmas(w):
        lemma_pages[l] |= us; lemma_forms[l].add(w)
if __name__ == "__main__":
    for l in sys.argv[1:]:
        fs = sorted(lemma_forms.get(l, ()), key=lambda f: -len(word_pages[f]))
        print(f"{l}: {len(lemma_pages.get(l, ()))} pages; present forms:", ", ".join(f"{f}({len(word_pages[f])})" for f in fs))
        absent = sorted(forms(l) - set(word_pages))
        print("   absent forms:", ", ".join(absent[:40]))
