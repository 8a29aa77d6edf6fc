import json, sys, os, glob, gzip, statistics
from queries import Q
d = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "results_all.json"))
rows = []
for opt, r in d.items():
    TP = FP = REL = 0; recalls = []; precs = []; full = 0
    for q, lem, pos, rel in Q:
        hits = set(r["per_query"][q]["hits"]); rel = set(rel)
        tp = len(hits & rel); TP += tp; FP += len(hits - rel); REL += len(rel)
        recalls.append(tp / len(rel)); precs.append(tp / len(hits) if hits else 0.0)
        full += (tp == len(rel))
    fb = [sum(n for u, n in x) for x in r["first_search"]]
    rows.append((opt, TP / REL, TP / (TP + FP) if TP + FP else 0, statistics.mean(recalls), statistics.mean(precs), full, TP, FP, REL, min(fb), max(fb), statistics.mean(fb)))
print("| option | micro recall | micro precision | mean recall/query | mean precision/query | queries fully recalled | TP | FP | first-search bytes min–max (mean) |")
print("|---|---|---|---|---|---|---|---|---|")
for o, R, P, mr, mp, full, TP, FP, REL, a, b, m in rows:
    print(f"| {o} | {R:.2f} ({TP}/{REL}) | {P:.2f} ({TP}/{TP+FP}) | {mr:.2f} | {mp:.2f} | {full}/20 | {TP} | {FP} | {a:,}–{b:,} ({m:,.0f}) |")
