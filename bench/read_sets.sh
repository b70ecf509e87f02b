#!/bin/bash
# usage (from the repository root, venv active): bash bench/read_sets.sh TAG [sets...]
# Scores the READ sets only (never the blind ones) with the installed code and prints each set's
# figures plus POOLED figures (weighted by question counts) for the article pool, the news pool and
# all read sets; the set lists and the blind sets come from bench/read_sets.py. Indexes are cached in ${TMPDIR:-/tmp}/rs-TAG (delete it after changing
# indexing code). Env: PY and QA name the python and qa commands (default: python, qa).
TAG=$1; shift
export HF_HUB_OFFLINE=1
R=$PWD
PY=${PY:-python}
QA=${QA:-qa}
M=${TMPDIR:-/tmp}/rs-$TAG; mkdir -p $M
export QA_HOME=$M/home
LIST="$PY $R/bench/read_sets.py"
BLIND=" $($LIST blind) "; ART=$($LIST article); NEWS=$($LIST news)
[ -n "$ART" ] && [ -n "$NEWS" ] && [ "$BLIND" != "  " ] || { echo "bench/read_sets.py gave no set lists"; exit 2; }
SETS=${@:-$($LIST names)}
OUT=$M/results.txt; : > $OUT
for s in $SETS; do
 case "$BLIND" in *" $s "*) echo "refusing blind set $s"; continue;; esac
 case $s in
  newsdev) [ -d $M/nd ] || $QA index ../shared/eval/news-dev/docs --index $M/nd >/dev/null 2>&1
     r=$($PY ../shared/eval/score.py ../shared/eval/news-dev/gold.jsonl --cmd "$QA chat --json --index $M/nd" --by category --show-misses 2>&1) ;;
  seed) r=$($PY ../shared/eval/score.py ../shared/eval/seed_dev.jsonl --cmd "$QA chat --json" --by category --show-misses 2>&1) ;;
  h1) r=$($PY ../shared/eval/score.py bench/data/article_heldout.jsonl --cmd "$QA chat --json" --by category --show-misses 2>&1) ;;
  h[0-9]|h[0-9][0-9]) n=${s#h}; r=$($PY ../shared/eval/score.py bench/data/article_heldout$n.jsonl --cmd "$QA chat --json" --by category --show-misses 2>&1) ;;
  nh|nh[0-9]|nh[0-9][0-9]) n=${s#nh}; [ -n "$n" ] && a="--set $n" || a=""; f=bench/data/news_heldout$n.jsonl
     [ -d $M/$s ] || { $PY bench/news_heldout_docs.py $a $M/$s-docs >/dev/null && $QA index $M/$s-docs --index $M/$s >/dev/null 2>&1; }
     r=$($PY ../shared/eval/score.py $f --cmd "$QA chat --json --index $M/$s" --by category --show-misses 2>&1) ;;
  para) [ -d $M/para ] || $QA index index/article.txt bench/data/articles --index $M/para >/dev/null 2>&1
     r=$($PY ../shared/eval/score.py bench/data/paraphrase_fit.jsonl --cmd "$QA chat --json --index $M/para" --by category --show-misses 2>&1) ;;
  *) echo "unknown set $s"; continue;;
 esac
 echo "== $s"; echo "$r" | grep -E '^ *(speaker|fact|follow|parts|unanswerable|category)|^hit@1|^items'
 { echo "== $s"; echo "$r"; } >> $OUT
done
$PY - "$OUT" "$ART" "$NEWS" <<'PY'
import re, sys
sets = {}; cur = None
for line in open(sys.argv[1]):
    if line.startswith("== "): cur = line[3:].strip(); sets[cur] = {}
    m = re.match(r"items=(\d+) answerable=(\d+) unanswerable=(\d+)", line)
    if m and cur: sets[cur].update(ans=int(m[2]), un=int(m[3]))
    m = re.match(r"hit@1=([\d.]+) recall@3=[\d.]+ recall@5=([\d.]+) .*abstain=([\d.na/]+) false_abstain=([\d.na/]+)", line)
    if m and cur:
        f = lambda x: float(x) if x != "n/a" else 0.0
        sets[cur].update(h=f(m[1]), r5=f(m[2]), ab=f(m[3]), fa=f(m[4]))
def pool(names):
    xs = [sets[n] for n in names if n in sets and "h" in sets[n]]
    A = sum(x["ans"] for x in xs); U = sum(x["un"] for x in xs)
    if not A: return None
    h = sum(x["h"] * x["ans"] for x in xs) / A; r5 = sum(x["r5"] * x["ans"] for x in xs) / A
    fa = sum(x["fa"] * x["ans"] for x in xs) / A; ab = sum(x["ab"] * x["un"] for x in xs) / U if U else 0
    return f"answerable={A} unanswerable={U} hit@1={h:.3f} r@5={r5:.3f} declined={ab:.3f} wrongly={fa:.3f}"
art = sys.argv[2].split(); news = sys.argv[3].split()
for name, ns in ((f"POOL article h1-{art[-1]}", art), (f"POOL news nh1-{news[-1]}", news), ("POOL all read sets", list(sets))):
    p = pool(ns)
    if p: print(f"{name}: {p}")
PY
