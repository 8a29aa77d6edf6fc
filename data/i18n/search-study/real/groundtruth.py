"""Ground truth: Ukrainian pages whose indexed text (Pagefind fragments of the unmodified build)
holds any word that pymorphy3 can read as a form of the query's lemma."""
import json
from analyze import P, page_words, word_pages, lemma_pages, lemma_forms
from morph import lemmas
from queries import Q
gt = {}
for q, lemma, pos in Q:
    assert lemma in lemmas(q), (q, lemmas(q))
    rel = sorted(lemma_pages.get(lemma, ()))
    present = {f: sorted(word_pages[f]) for f in lemma_forms[lemma]}
    gt[q] = {"lemma": lemma, "pos": pos, "relevant": rel, "query_readings": sorted(lemmas(q)),
             "verbatim_pages": sorted(word_pages.get(q, ())), "forms_present": {f: len(v) for f, v in present.items()}}
    print(f"{q:22} {lemma:20} {pos:5} rel={len(rel):3} verbatim={len(word_pages.get(q, ())):2} readings={sorted(lemmas(q))} forms={sorted(present, key=lambda f:-len(present[f]))}")
json.dump(gt, open("groundtruth.json", "w"), ensure_ascii=False, indent=1)
print("pairs:", sum(len(v["relevant"]) for v in gt.values()), "of", len(P), "pages")
