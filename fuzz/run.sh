#!/usr/bin/env bash
# Run the three harnesses one after the other, each for SECONDS (default 600), niced.
#
#     bash fuzz/run.sh [SECONDS] [TARGET...]
#
# Seeds are made first (fuzz/make_seeds.py); a finding is written to fuzz/crashes/ and
# the target is started again (its corpus kept) until its time is used up.  Each run's
# log is fuzz/crashes/TARGET-RUN-TIME.log.  FUZZ_FLAGS adds libFuzzer options, for
# example FUZZ_FLAGS=-len_control=0 to try long inputs from the start.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-600}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(parse_post read_jsonl read_csv)
python=${PYTHON:-python}
"$python" fuzz/make_seeds.py
mkdir -p fuzz/crashes
for target in "${targets[@]}"; do
    end=$((SECONDS + seconds))
    run=0
    while ((SECONDS < end)); do
        run=$((run + 1))
        log=fuzz/crashes/$target-$run-$(date +%s).log
        nice "$python" "fuzz/$target.py" "fuzz/corpus/$target" "-dict=fuzz/$target.dict" \
            -max_total_time=$((end - SECONDS)) -timeout=20 -rss_limit_mb=2048 \
            -max_len=16384 -print_final_stats=1 \
            "-artifact_prefix=fuzz/crashes/$target-" ${FUZZ_FLAGS:-} >"$log" 2>&1 || true
        grep -E '^(Done|stat::number_of_executed_units)|Uncaught|ERROR' "$log" || true
        if ((run >= 20)); then
            echo "$target: 20 restarts, giving up" >&2
            break
        fi
    done
done
