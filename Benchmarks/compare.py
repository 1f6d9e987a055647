#!/usr/bin/env python3
"""Side-by-side table of one benchmark run: Nazorg's workloads beside Yrs (pycrdt), Loro and the physical
limits, with ratios, and the architecture's targets met or missed.

    python3 Benchmarks/compare.py Benchmarks/results/run.jsonl

Reads the JSON lines of one `scripts/bench.sh` run (bench/run-peers.sh with nazorg-workloads added).
Ratios are Nazorg's time divided by the peer's (below 1.0: Nazorg is faster). Compare only within one run.
"""
from __future__ import annotations

import json
import sys

WORKLOADS = ["W1-field-updates-streamed", "W2-bulk-caseload", "W3-same-field-many-writers", "W4-offline-week-merge"]
PEERS = ["pycrdt", "loro", "nazorg", "nazorg+sqlite+crypto"]


def secs(v: float) -> str:
    return f"{v * 1e3:.1f} ms" if v < 1 else f"{v:.2f} s"


def num(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.1f}" if v < 1000 else f"{v:,.0f}"
    return f"{v:,}"


def main(path: str) -> int:
    lines = [json.loads(l) for l in open(path) if l.strip().startswith("{")]
    meta = next((l for l in lines if l["peer"] == "_meta"), {})
    by = {(l["peer"], l["workload"]): l for l in lines if l["peer"] != "_meta"}
    print(f"Run {meta.get('started_utc', '?')} · {meta.get('nproc', '?')} CPUs · {meta.get('cpu_model', '?')} · "
          f"kernel {meta.get('kernel', '?')}\n")
    print("| workload | peer | time (median) | ops/s | B/op | final state B | × pycrdt | × loro |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for w in WORKLOADS:
        for p in PEERS:
            l = by.get((p, w))
            if not l:
                continue
            ratios = []
            for ref in ("pycrdt", "loro"):
                r = by.get((ref, w))
                ratios.append("–" if r is None or p == ref else f"{l['seconds'] / r['seconds']:.2f}")
            scale = "" if l.get("scale", 1.0) == 1.0 else f" (scale {l['scale']})"
            print(f"| {w.split('-')[0]}{scale} | {p} | {secs(l['seconds'])} | {num(l['ops_per_s'])} | "
                  f"{l['bytes_per_op']:.1f} | {num(l['final_doc_bytes'])} | {ratios[0]} | {ratios[1]} |")
    print()
    limits = [l for l in lines if l["workload"].startswith("L-")]
    if limits:
        print("| physical limit | time | rate/s |")
        print("|---|---:|---:|")
        for l in limits:
            print(f"| {l['workload']} | {secs(l['seconds'])} | {num(l['ops_per_s'])} |")
        print()

    full = {w: by.get(("nazorg+sqlite+crypto", w)) for w in WORKLOADS}
    print("| target (ARCHITECTURE.md) | measured | |")
    print("|---|---|---|")
    w2, w4 = full[WORKLOADS[1]], full[WORKLOADS[3]]
    if w2:
        rate = w2["n_ops"] / w2["phases"]["apply_s"]
        print(f"| merge a pulled batch ≥ 100,000 field ops/s | W2 apply (decode, verify, decrypt, merge, commit): "
              f"{rate:,.0f} field ops/s | {'met' if rate >= 1e5 else 'missed'} |")
    if w4:
        rate = w4["n_ops"] / (w4["phases"]["a_to_b_s"] + w4["phases"]["b_to_a_s"])
        print(f"| (same, one-op changes) | W4 merge, both directions: {rate:,.0f} field ops/s | "
              f"{'met' if rate >= 1e5 else 'missed'} |")
        peers = [by.get((p, WORKLOADS[3])) for p in ("pycrdt", "loro")]
        best = min((p["seconds"] for p in peers if p), default=None)
        if best:
            print(f"| W4 end to end faster than both peers in memory | {secs(w4['seconds'])} vs {secs(best)} (faster peer) | "
                  f"{'met' if w4['seconds'] < best else 'missed'} |")
    if w2:
        print(f"| ≤ 40 B per field update in batches of ≥ 100 | W2 (400 field sets per change): {w2['bytes_per_op']:.1f} B | "
              f"{'met' if w2['bytes_per_op'] <= 40 else 'missed'} |")
    if w4:
        print(f"| (one-op changes, not a batch of ≥ 100) | W4: {w4['bytes_per_op']:.1f} B | – |")
    mem = by.get(("nazorg+sqlite+crypto", WORKLOADS[1]))
    if mem:
        print(f"| memory peak W2 | {mem['extra']['peak_rss_bytes'] / 2**20:.0f} MiB (process peak after W2) | – |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
