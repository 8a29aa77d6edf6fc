import json, gzip, os, statistics
from queries import Q
d = json.load(open("results_all.json"))
def local(u):
    u = u.split("?")[0]
    return "/tmp/uksearch" + u
_gz = {}
def gz(u, n):
    p = local(u)
    if p not in _gz:
        raw = open(p, "rb").read()
        _gz[p] = len(raw) if raw[:2] == b"\x1f\x8b" else len(gzip.compress(raw, 9))
    return _gz[p]
print("## first-search bytes (mean over 20 fresh first visits): as served by http.server (no HTTP compression) | if the host gzips JS/JSON")
for opt, r in d.items():
    raw = [sum(n for u, n in x) for x in r["first_search"]]
    g = [sum(gz(u, n) for u, n in x) for x in r["first_search"]]
    print(f"| {opt} | {statistics.mean(raw):,.0f} | {statistics.mean(g):,.0f} |")
print()
opts = ["A", "A+Q", "RU", "B", "C", "L", "MS-uk", "MS-ukP"]
print("| query | relevant | " + " | ".join(opts) + " |")
print("|---|---|" + "---|" * len(opts))
for q, lem, pos, rel in Q:
    cells = []
    for o in opts:
        h = set(d[o]["per_query"][q]["hits"]); tp = len(h & set(rel)); fp = sorted(h - set(rel)); miss = sorted(set(rel) - h)
        c = f"{tp}/{len(rel)}"
        if miss: c += " miss " + ",".join(m[1:] for m in miss)
        if fp: c += " +FP " + ",".join(f[1:] for f in fp)
        cells.append(c)
    print(f"| {q} ({lem}, {pos}) | {','.join(r[1:] for r in rel)} | " + " | ".join(cells) + " |")
print()
print("stems sent (A+Q / C):", {q: d["C"]["per_query"][q]["terms"][0] for q, *_ in Q})
print("lemmas looked up (L):", {q: d["L"]["per_query"][q]["terms"] for q, *_ in Q})
