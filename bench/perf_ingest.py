"""Library ingest speed against the model's floor, and re-ingest after one change (issue #13).

Run: ``python bench/perf_ingest.py [--pdfs DIR] [--files 40]``.

In one run, on the same files (the first ``--files`` PDFs of ``--pdfs``, copied to a temporary
folder), it measures:

* full ingest: a fresh ``paracite ingest FOLDER --index NEW --quiet`` (a subprocess, the ONNX
  export already cached): wall seconds, chunks, chunks per second, peak RSS of the whole process
  tree (main process plus parse workers, sampled from /proc every 0.2 s) and of the main process;
* model only: the same chunk texts (as they are embedded: heading + text) embedded once with
  sentence-transformers, batch 32, in a fresh process; the time of the ``encode`` call;
* re-ingest after adding one file to the folder, and after removing one, against the full time.

Goals (issue #13): full ingest <= 1.5x model-only; a re-ingest after one change <= 15% of full.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PDFS = Path("/work/shared/corpus/un-pdf-lib")


def _tree_rss(root: int) -> int:
    """Resident kB of a process and all its descendants (Linux /proc)."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            status = (d / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parent[int(d.name)] = int(fields.get("PPid", "0").strip())
        rss[int(d.name)] = int(fields.get("VmRSS", "0 kB").split()[0])
    tree, grew = {root}, True
    while grew:
        more = {p for p, pp in parent.items() if pp in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(rss.get(p, 0) for p in tree)


def ingest(folder: Path, index: Path) -> dict:
    """One ``paracite ingest``: wall seconds, summary line, peak RSS (tree and main) in MB."""
    cmd = [sys.executable, "-m", "search", "ingest", str(folder), "--index", str(index), "--quiet"]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample():  # never polls the child: wait4 below must be the one to reap it
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    done.set()
    proc.returncode = os.waitstatus_to_exitcode(status)
    sampler.join()
    out, err = proc.stdout.read().decode(), proc.stderr.read().decode()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"ingest failed: {err.strip()}")
    return {"wall": wall, "summary": out.splitlines()[0] if out else "", "skipped": err.count("paracite: skipped"),
            "tree_mb": peak[0] / 1024, "main_mb": usage.ru_maxrss / 1024,
            "cpu": usage.ru_utime + usage.ru_stime}  # the main process and the children it reaped


_MODEL_ONLY = """
import json, sqlite3, sys, time
from types import SimpleNamespace
from index.build import embed_input
from index.embed import encode_st
con = sqlite3.connect(sys.argv[1] + "/current/paracite.sqlite")
texts = [embed_input(SimpleNamespace(section=tuple(json.loads(sec)), text=t))
         for sec, t in con.execute("SELECT section, text FROM chunks ORDER BY id")]
encode_st(texts[:32])  # load the model and warm up outside the timing
t, c = time.perf_counter(), time.process_time()
encode_st(texts, batch_size=32)
print(json.dumps({"seconds": time.perf_counter() - t, "cpu": time.process_time() - c, "texts": len(texts)}))
"""


def model_only(index: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _MODEL_ONLY, str(index)], cwd=ROOT, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"model-only run failed: {out.stderr.strip()[-500:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pdfs", type=Path, default=PDFS)
    ap.add_argument("--files", type=int, default=40)
    ap.add_argument("--no-model-only", action="store_true", help="skip the sentence-transformers baseline")
    args = ap.parse_args()
    pdfs = sorted(args.pdfs.glob("*.pdf"))[:args.files + 1]
    print(f"{args.files} PDFs of {args.pdfs}; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="paracite-perf-") as tmp:
        folder, index = Path(tmp) / "library", Path(tmp) / "index"
        folder.mkdir()
        for p in pdfs[:args.files]:
            shutil.copy(p, folder)
        full = ingest(folder, index)
        chunks = json.loads((index / "current" / "manifest.json").read_text())["chunks"]
        print(f"  full ingest      {full['wall']:7.1f} s  {chunks} chunks  {chunks / full['wall']:6.1f} chunks/s  "
              f"peak RSS {full['tree_mb']:.0f} MB (all processes), {full['main_mb']:.0f} MB (main)")
        print(f"                   {full['summary']}")
        floor = None if args.no_model_only else model_only(index)
        if floor:
            print(f"  model only       {floor['seconds']:7.1f} s  {floor['texts']} chunk texts, sentence-transformers, "
                  f"batch 32  ({floor['texts'] / floor['seconds']:.1f} chunks/s)")
            print(f"  full / model-only: {full['wall'] / floor['seconds']:.2f}x wall  (goal <= 1.5x); CPU seconds of "
                  f"the main process (parse workers not counted) {full['cpu']:.0f} / {floor['cpu']:.0f} = "
                  f"{full['cpu'] / floor['cpu']:.2f}x")
        unchanged = ingest(folder, index)
        print(f"  re-ingest, nothing changed   {unchanged['wall']:6.1f} s  "
              f"{100 * unchanged['wall'] / full['wall']:4.1f}% of full")
        shutil.copy(pdfs[args.files], folder)
        added = ingest(folder, index)
        print(f"  re-ingest after adding one   {added['wall']:6.1f} s  {100 * added['wall'] / full['wall']:4.1f}% "
              f"of full  (goal <= 15%)  [{pdfs[args.files].name}]  {added['summary']}")
        (folder / pdfs[0].name).unlink()
        removed = ingest(folder, index)
        print(f"  re-ingest after removing one {removed['wall']:6.1f} s  {100 * removed['wall'] / full['wall']:4.1f}% "
              f"of full  (goal <= 15%)  [{pdfs[0].name}]  {removed['summary']}")


if __name__ == "__main__":
    main()
