#!/bin/sh
# Searches the bench corpus with qreview, ripgrep and fzf in one run, and
# measures wall time and peak memory of each. Usage: benches/compare.sh [DIR]
# (default: the corpus `cargo bench` generates). Needs /usr/bin/time, rg, fzf.
set -u
DIR=${1:-target/bench-corpus/q20000-s1}
Q=${QREVIEW:-target/release/qreview}
OUT=$(mktemp)
run() { # label, command...
    label=$1; shift
    /usr/bin/time -o "$OUT.time" -f "%e s wall, %M KB peak" "$@" >"$OUT" 2>/dev/null
    printf '%-58s %-28s %s\n' "$label" "$(cat "$OUT.time" | tail -1)" "$(summary)"
}
echo "corpus: $DIR, $(find "$DIR" -name '*.txt' | wc -l) files, $(find "$DIR" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1) bytes"
summary() { tail -1 "$OUT"; }
run "qreview check (load only)" "$Q" check "$DIR"
summary() { echo "$(grep -c '"id"' "$OUT") pieces in $(grep '"id"' "$OUT" | sort -u | wc -l) questions"; }
run "qreview search 'medias sociaux' (load+index+search)" "$Q" search 'medias sociaux' "$DIR" --limit 1000000 --json
run "qreview search --fuzzy 'affaires etrangeres'" "$Q" search --fuzzy 'affaires etrangeres' "$DIR" --limit 1000000 --json
summary() { echo "$(wc -l <"$OUT") files"; }
run "rg -i -c 'médias sociaux'" rg -i -c 'médias sociaux' "$DIR"
run "rg -i -c 'medias sociaux' (rg folds no accents)" rg -i -c 'medias sociaux' "$DIR"
summary() { echo "$(wc -l <"$OUT") lines"; }
run "fzf --filter 'affaires etrangeres' (every corpus line)" sh -c "find '$DIR' -name '*.txt' -exec cat {} + | fzf --filter 'affaires etrangeres'"
rm -f "$OUT" "$OUT.time"
