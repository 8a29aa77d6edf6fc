"""Score results_A_RU_B.json against groundtruth.json; sizes of the indexes; write tables.md."""
import json, os, statistics, glob
R = json.load(open("results_A_RU_B.json")); GT = json.load(open("groundtruth.json"))
ROOT = "sites"
def short(u):
    if u == "/uk/": return "home"
    if u == "/uk/claims/": return "claims"
    return u.replace("/uk/claims/", "").replace("/uk/", "").strip("/")
import re
def unbase(u): return re.sub(r"^/sites/[^/]+", "", u)
def size(paths): return sum(os.path.getsize(p) for p in paths)
def idx_sizes(site):
    pf = os.path.join(ROOT, site, "pagefind")
    ent = json.load(open(os.path.join(pf, "pagefind-entry.json")))
    lang = [l for l in ent["languages"] if l != "en"][0]
    h = ent["languages"][lang]["hash"]
    meta = glob.glob(f"{pf}/pagefind.{h}.pf_meta"); ix = glob.glob(f"{pf}/index/{lang}_*"); fr = glob.glob(f"{pf}/fragment/{lang}_*")
    allf = [os.path.join(d, f) for d, _, fs in os.walk(pf) for f in fs]
    words = [l for l in open(f"build_{site}.log") if "Indexed" in l and "words" in l]
    return {"lang": lang, "meta": size(meta), "index": size(ix), "index_chunks": len(ix), "fragments": size(fr),
            "uk_total": size(meta + ix + fr), "pagefind_dir": size(allf)}
def html_size(site):
    return size(glob.glob(f"{ROOT}/{site}/uk/**/*.html", recursive=True))
lines = []; summary = {}
for opt in R:
    tp = fp = rel_n = full = 0; rows = {}
    for q, g in GT.items():
        rel = set(g["relevant"]); hits = set(map(unbase, R[opt]["per_query"][q]["urls"]))
        assert len(hits) == R[opt]["per_query"][q]["count"]
        tp += len(hits & rel); fp += len(hits - rel); rel_n += len(rel); full += rel <= hits
        rows[q] = {"count": len(hits), "found": len(hits & rel), "rel": len(rel),
                   "missed": sorted(map(short, rel - hits)), "false": sorted(map(short, hits - rel))}
    def fbytes(mode):
        per = [sum(n for _, n, _ in fb) for fb in R[opt]["first_search"][mode]]
        return round(statistics.mean(per)), min(per), max(per)
    summary[opt] = {"recall": tp / rel_n, "precision": tp / (tp + fp) if tp + fp else 1.0, "tp": tp, "fp": fp, "rel": rel_n,
                    "full": full, "first_search_only": fbytes("search_only"), "first_search_top5": fbytes("search_top5"),
                    "sizes": idx_sizes(opt), "uk_html": html_size(opt), "rows": rows, "errors": R[opt]["errors"]}
json.dump(summary, open("summary.json", "w"), ensure_ascii=False, indent=1)
A = summary["A"]["sizes"]
lines.append("| option | recall (micro) | precision (micro) | full-recall queries | false hits | 1st search, search() only: mean B (min–max) | 1st search + data() of top 5: mean B | uk index (meta+index+fragments) | index chunks only | whole pagefind/ | uk HTML |")
lines.append("|---|---|---|---|---|---|---|---|---|---|---|")
for opt, s in summary.items():
    z = s["sizes"]; a, b, c = s["first_search_only"]; d = s["first_search_top5"][0]
    g = lambda k: f"{z[k]:,}" + ("" if opt == "A" else f" ({z[k]/A[k]:.2f}×)")
    lines.append(f"| {opt} | {s['recall']:.3f} ({s['tp']}/{s['rel']}) | {s['precision']:.3f} ({s['tp']}/{s['tp']+s['fp']}) | {s['full']}/20 | {s['fp']} | {a:,} ({b:,}–{c:,}) | {d:,} | {g('uk_total')} | {g('index')} | {g('pagefind_dir')} | {s['uk_html']:,} |")
lines.append("")
lines.append("| query | lemma | rel. | " + " | ".join(f"{o}: count, found" for o in summary) + " |")
lines.append("|---|---|---|" + "---|" * len(summary))
for q, g in GT.items():
    cells = []
    for o in summary:
        r = summary[o]["rows"][q]; cells.append(f"{r['count']}, {r['found']}/{r['rel']}")
    lines.append(f"| {q} | {g['lemma']} | {len(g['relevant'])} | " + " | ".join(cells) + " |")
lines.append("")
for o in summary:
    lines.append(f"### {o}: missed relevant pages / false hits per query")
    for q, r in summary[o]["rows"].items():
        if r["missed"] or r["false"]:
            lines.append(f"- **{q}** ({r['found']}/{r['rel']}, {r['count']} results): missed {', '.join(r['missed']) or '—'}" + (f"; false: {', '.join(r['false'])}" if r['false'] else ""))
    lines.append("")
open("tables.md", "w").write("\n".join(lines)); print("\n".join(lines))
