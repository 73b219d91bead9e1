#!/usr/bin/env python3
"""Benchmark harness: runs several commands side by side and reports, per command,
cold start, warm-up, steady state, total wall time and peak RSS as median [min-max]
over --runs runs, with ratios against a baseline command measured in the same run.

A benchmark program reports its iterations on stdout as lines `iteration <n>: <seconds>`.
Suites are JSON files (see benchmarks/README.md). `bench.py --self-test` checks the harness.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ITERATION_LINE = re.compile(r"^\s*iteration\s+(\d+)\s*:\s*([0-9.eE+-]+)\s*(?:s\b.*)?$")
DEFAULT_TOLERANCE = 0.10

# Metric key, column title, unit formatter; the order is the table's column order.
METRICS = [
    ("cold", "cold start (s)"),
    ("warmup", "warm-up (s)"),
    ("warmup_iters", "warm-up iters"),
    ("steady", "steady (s/iter)"),
    ("wall", "total wall (s)"),
    ("rss", "peak RSS (MB)"),
]


class BenchError(Exception):
    """A problem with the suite file or the command line, reported as one line."""


# ---------------------------------------------------------------- measurement

def parse_iterations(stdout):
    """The iteration times from `iteration <n>: <seconds>` lines, ordered by n."""
    found = {}
    for line in stdout.splitlines():
        m = ITERATION_LINE.match(line)
        if m:
            try:
                found[int(m.group(1))] = float(m.group(2))
            except ValueError:
                continue
    return [found[n] for n in sorted(found)]


def detect_warmup(times, tolerance=DEFAULT_TOLERANCE):
    """Number of leading warm-up iterations: those before the first iteration whose time is
    within `tolerance` of the median of the last half of the run (the settled speed)."""
    if len(times) < 2:
        return 0
    reference = statistics.median(times[len(times) // 2:])
    for i, t in enumerate(times):
        if t <= reference * (1 + tolerance):
            return i
    return len(times) - 1  # unreachable: half the last half is at or below its median


def split_warmup(times, warmup):
    """(warm-up seconds, warm-up count, steady-state median) for one run's iteration times.
    `warmup` is a fixed count or None for automatic detection."""
    if not times:
        return None, None, None
    w = detect_warmup(times) if warmup is None else min(warmup, len(times) - 1)
    return sum(times[:w]), w, statistics.median(times[w:])


def run_process(argv, cwd, env, timeout):
    """Runs argv to completion; returns (exit code, stdout, stderr, wall seconds, peak RSS bytes).
    Waits with os.wait4 so that the rusage (and so ru_maxrss) is this child's alone."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        lock = threading.Lock()
        state = {"exited": False, "killed": False}

        def kill_on_timeout():
            with lock:
                if not state["exited"]:
                    state["killed"] = True
                    proc.kill()

        killer = threading.Timer(timeout, kill_on_timeout)
        killer.start()
        # Wait without reaping, so the timer can never signal a reused pid; then reap with wait4.
        os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
        wall = time.perf_counter() - start
        with lock:
            state["exited"] = True
        killer.cancel()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if state["killed"]:
            raise TimeoutError(f"timed out after {timeout:g} s")
        out.seek(0)
        err.seek(0)
        rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)  # Linux reports KiB
        return (proc.returncode, out.read().decode("utf-8", "replace"),
                err.read().decode("utf-8", "replace"), wall, rss)


# ---------------------------------------------------------------- suites

def load_suite(path):
    """Reads a suite file and resolves working directories against the file's folder."""
    try:
        with open(path, encoding="utf-8") as f:
            suite = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        raise BenchError(f"{path}: cannot read suite: {e}") from e
    base = os.path.dirname(os.path.abspath(path))
    suite.setdefault("name", os.path.splitext(os.path.basename(path))[0])
    suite_cwd = os.path.normpath(os.path.join(base, suite.get("cwd", ".")))
    benchmarks = suite.get("benchmarks")
    if not isinstance(benchmarks, list) or not benchmarks:
        raise BenchError(f"{path}: 'benchmarks' must be a non-empty list")
    for bench in benchmarks:
        if "name" not in bench or not bench.get("commands"):
            raise BenchError(f"{path}: every benchmark needs a 'name' and 'commands'")
        bench_cwd = os.path.normpath(os.path.join(suite_cwd, bench.get("cwd", ".")))
        labels = set()
        for cmd in bench["commands"]:
            if "label" not in cmd or "exe" not in cmd:
                raise BenchError(f"{path}: benchmark {bench['name']}: every command needs 'label' and 'exe'")
            if cmd["label"] in labels:
                raise BenchError(f"{path}: benchmark {bench['name']}: duplicate label {cmd['label']!r}")
            labels.add(cmd["label"])
            cmd["cwd"] = os.path.normpath(os.path.join(bench_cwd, cmd.get("cwd", ".")))
            cmd.setdefault("args", [])
            cmd.setdefault("requires", [])
    return suite


def resolve_exe(cmd):
    """The executable's path, or None with the reason when it (or a required file) is missing."""
    exe = cmd["exe"]
    if os.sep in exe or (os.altsep and os.altsep in exe):
        path = exe if os.path.isabs(exe) else os.path.join(cmd["cwd"], exe)
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            return None, f"{exe} not found"
    else:
        path = shutil.which(exe)
        if path is None:
            return None, f"{exe} not on PATH"
    for req in cmd["requires"]:
        if not os.path.exists(os.path.join(cmd["cwd"], req)):
            return None, f"{req} not found"
    return path, None


def measure_command(cmd, exe, warmup, timeout):
    """One run of one command: a dict of metric values (None when not measurable)."""
    env = dict(os.environ, **{k: str(v) for k, v in cmd.get("env", {}).items()})
    code, out, err, wall, rss = run_process([exe] + cmd["args"], cmd["cwd"], env, timeout)
    if code != 0:
        tail = err.strip().splitlines()[-1:] or ["(no stderr)"]
        how = f"killed by signal {-code}" if code < 0 else f"exit {code}"
        raise RuntimeError(f"{how}: {tail[0][:200]}")
    times = parse_iterations(out)
    warm_s, warm_n, steady = split_warmup(times, warmup)
    result = {"wall": wall, "rss": rss / 2**20, "warmup": warm_s, "warmup_iters": warm_n,
              "steady": steady, "iterations": times}
    if "cold_args" in cmd:
        ccode, _, cerr, cwall, _ = run_process([exe] + cmd["cold_args"], cmd["cwd"], env, timeout)
        if ccode != 0:
            raise RuntimeError(f"cold-start run exit {ccode}: {cerr.strip()[-200:]}")
        result["cold"] = cwall
    else:
        result["cold"] = times[0] if times else None
    return result


def run_suite(suite, runs, warmup_override=None, timeout=600.0, only=None, log=sys.stderr):
    """Runs every selected benchmark; commands alternate within each run so that drift in
    machine load affects them alike. Returns a results structure for render_markdown."""
    results = []
    for bench in suite["benchmarks"]:
        if only and bench["name"] not in only:
            continue
        warmup = warmup_override if warmup_override is not None else bench.get("warmup")
        if warmup == "auto":
            warmup = None
        entries = []
        for cmd in bench["commands"]:
            exe, missing = resolve_exe(cmd)
            entries.append({"label": cmd["label"], "cmd": cmd, "exe": exe, "status": "n/a" if missing else "ok",
                            "note": missing, "runs": [],
                            "cold_mode": "trivial input" if "cold_args" in cmd else "first iteration"})
        for r in range(runs):
            for e in entries:
                if e["status"] != "ok":
                    continue
                print(f"[{bench['name']}] {e['label']} run {r + 1}/{runs}", file=log, flush=True)
                try:
                    e["runs"].append(measure_command(e["cmd"], e["exe"], warmup, timeout))
                except (RuntimeError, TimeoutError, OSError) as ex:
                    e["status"], e["note"] = "failed", str(ex)
        results.append({"name": bench["name"], "description": bench.get("description", ""), "entries": entries})
    return results


# ---------------------------------------------------------------- report

def summarize(values):
    """(median, min, max) of the values that were measured, or None."""
    vals = [v for v in values if v is not None]
    if not vals:
        return None
    return statistics.median(vals), min(vals), max(vals)


def fmt(v, key):
    if key == "warmup_iters":
        return f"{v:g}"
    if key == "rss":
        return f"{v:.0f}" if v >= 10 else f"{v:.1f}"
    return f"{v:.0f}" if v >= 100 else f"{v:#.3g}"


def render_cell(stats, key, base):
    if stats is None:
        return "-"
    med, lo, hi = stats
    text = f"{fmt(med, key)} [{fmt(lo, key)}–{fmt(hi, key)}]"
    if base is not None and key != "warmup_iters":
        if base[0] > 0:
            text += f" {med / base[0]:.2f}×"
    return text


def render_markdown(suite_name, results, runs, baseline):
    """The report: one table per benchmark, rows are commands, cells are median [min–max]
    followed by the ratio to the baseline command's median."""
    lines = [f"# Benchmarks: {suite_name}", "",
             f"{runs} run(s) per command; cells are median [min–max] over runs, then the ratio to "
             f"the baseline command's median in the same run. Python {sys.version.split()[0]}, "
             f"{os.cpu_count()} CPU(s), load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}.", ""]
    for bench in results:
        entries = bench["entries"]
        base_label = baseline if baseline in [e["label"] for e in entries] else entries[0]["label"]
        stats = {e["label"]: {k: summarize(r.get(k) for r in e["runs"]) for k, _ in METRICS} for e in entries}
        base_entry = next(e for e in entries if e["label"] == base_label)
        lines.append(f"## {bench['name']}")
        if bench["description"]:
            lines += ["", bench["description"]]
        lines += ["", "| command | " + " | ".join(title for _, title in METRICS) + " |",
                  "|---|" + "---:|" * len(METRICS)]
        for e in entries:
            label = e["label"] + (" (baseline)" if e["label"] == base_label else "")
            if e["status"] != "ok":
                cells = [e["status"]] * len(METRICS)
            else:
                cells = []
                for key, _ in METRICS:
                    base = stats[base_label][key] if base_entry["status"] == "ok" else None
                    cells.append(render_cell(stats[e["label"]][key], key, base))
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
        notes = [f"- {e['label']}: {e['status']}: {e['note']}" for e in entries if e["note"]]
        notes += [f"- {e['label']}: cold start = {e['cold_mode']}" for e in entries if e["status"] == "ok"]
        notes += [f"- {e['label']}: command `{' '.join([e['cmd']['exe']] + e['cmd']['args'])}`" for e in entries]
        lines += ["", *notes, ""]
    return "\n".join(lines)


# ---------------------------------------------------------------- self-test

SELF_TEST_PROGRAM = r"""
import sys, time
slow_first, steady = float(sys.argv[1]), float(sys.argv[2])
for n in range(1, 6):
    start = time.perf_counter()
    time.sleep(slow_first if n == 1 else steady)
    print(f"iteration {n}: {time.perf_counter() - start:.6f}")
"""


def check_table(markdown, expect_rows):
    """Checks a rendered report: every table row has the header's cell count, the separator
    is well-formed, and the expected command rows are present. Returns the rows by label."""
    tables = [[]]
    for line in markdown.splitlines():
        if line.startswith("|"):
            tables[-1].append([c.strip() for c in line.strip().strip("|").split("|")])
        elif tables[-1]:
            tables.append([])
    tables = [t for t in tables if t]
    assert len(tables) == 1, f"expected one table, found {len(tables)}"
    header, sep, *rows = tables[0]
    assert header[0] == "command" and header[1:] == [t for _, t in METRICS], header
    assert len(sep) == len(header) and all(re.fullmatch(r"-+:?", c) for c in sep), sep
    by_label = {}
    for row in rows:
        assert len(row) == len(header), f"row has {len(row)} cells, header {len(header)}: {row}"
        by_label[row[0].replace(" (baseline)", "")] = dict(zip(header[1:], row[1:]))
    assert sorted(by_label) == sorted(expect_rows), sorted(by_label)
    return by_label


def self_test():
    """Benchmarks two small python3 programs (plus a missing and a failing command) and
    checks the report's shape and the measurements' plausibility."""
    assert parse_iterations("x\niteration 2: 0.5\niteration 1: 1.5\niteration 3: 0.25 s\n") == [1.5, 0.5, 0.25]
    assert detect_warmup([1.0, 0.5, 0.2, 0.21, 0.2, 0.19]) == 2
    assert detect_warmup([0.2, 0.2, 0.2]) == 0
    assert detect_warmup([0.3]) == 0
    assert split_warmup([1.0, 0.2, 0.2, 0.2], 2) == (1.2, 2, 0.2)
    assert split_warmup([], None) == (None, None, None)

    with tempfile.TemporaryDirectory() as tmp:
        prog = os.path.join(tmp, "prog.py")
        with open(prog, "w", encoding="utf-8") as f:
            f.write(SELF_TEST_PROGRAM)
        py = sys.executable
        suite = {"name": "self-test", "benchmarks": [{"name": "sleepy", "commands": [
            {"label": "slow", "exe": py, "args": [prog, "0.15", "0.03"], "cold_args": ["-c", "pass"]},
            {"label": "fast", "exe": py, "args": [prog, "0.03", "0.006"]},
            {"label": "missing", "exe": "no-such-benchmark-executable-rsharp"},
            {"label": "failing", "exe": py, "args": ["-c", "import sys; sys.exit(3)"]},
        ]}]}
        suite_path = os.path.join(tmp, "suite.json")
        with open(suite_path, "w", encoding="utf-8") as f:
            json.dump(suite, f)
        runs = 3
        with open(os.devnull, "w", encoding="utf-8") as quiet:
            results = run_suite(load_suite(suite_path), runs, log=quiet)
        markdown = render_markdown("self-test", results, runs, "slow")

    rows = check_table(markdown, ["slow", "fast", "missing", "failing"])
    col = dict(METRICS)
    assert all(v == "n/a" for v in rows["missing"].values()), rows["missing"]
    assert all(v == "failed" for v in rows["failing"].values()), rows["failing"]
    assert "exit 3" in markdown
    number = r"[0-9.]+(?:e[+-]?\d+)?"
    for key in ["cold", "warmup", "steady", "wall", "rss"]:
        assert re.fullmatch(rf"{number} \[{number}–{number}\] 1\.00×", rows["slow"][col[key]]), rows["slow"][col[key]]
    ratio = lambda cell: float(cell.rsplit(" ", 1)[1].rstrip("×"))
    median = lambda cell: float(cell.split(" ", 1)[0])
    # The fast program sleeps a fifth as long per iteration; the first iteration is its warm-up.
    assert ratio(rows["fast"][col["steady"]]) < 0.6, rows["fast"]
    assert median(rows["slow"][col["warmup_iters"]]) == 1, rows["slow"]
    assert 0.005 < median(rows["fast"][col["steady"]]) < 0.05, rows["fast"]
    assert median(rows["slow"][col["wall"]]) > 0.15 + 4 * 0.03, rows["slow"]
    assert median(rows["slow"][col["rss"]]) > 1, rows["slow"]
    print(markdown)
    print("self-test passed")
    return 0


# ---------------------------------------------------------------- command line

def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("suite", nargs="?", help="suite file, e.g. benchmarks/samples.json")
    parser.add_argument("--runs", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument("--baseline", help="label of the command ratios are relative to "
                        "(default: the suite's 'baseline', else each benchmark's first command)")
    parser.add_argument("--warmup", help="warm-up iterations to drop: a number, or 'auto' (default: "
                        "the benchmark's 'warmup', else auto)")
    parser.add_argument("--bench", action="append", help="run only this benchmark (repeatable)")
    parser.add_argument("--markdown", metavar="FILE", help="also write the Markdown report to FILE")
    parser.add_argument("--json", metavar="FILE", help="also write the raw measurements to FILE")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per process (default 600)")
    parser.add_argument("--self-test", action="store_true", help="check the harness itself and exit")
    args = parser.parse_args(argv)

    if args.self_test:
        try:
            return self_test()
        except AssertionError as e:
            print(f"self-test FAILED: {e}", file=sys.stderr)
            return 1
    if not args.suite:
        parser.error("a suite file is required (or --self-test)")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    warmup = None
    if args.warmup is not None:
        if args.warmup == "auto":
            warmup = "auto"
        elif args.warmup.isdigit():
            warmup = int(args.warmup)
        else:
            parser.error("--warmup must be a number or 'auto'")
    try:
        suite = load_suite(args.suite)
        if args.bench:
            unknown = set(args.bench) - {b["name"] for b in suite["benchmarks"]}
            if unknown:
                raise BenchError(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
        results = run_suite(suite, args.runs, warmup, args.timeout, args.bench)
    except BenchError as e:
        print(f"bench.py: {e}", file=sys.stderr)
        return 2
    markdown = render_markdown(suite["name"], results, args.runs, args.baseline or suite.get("baseline"))
    print(markdown)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(markdown + "\n")
    if args.json:
        raw = [{"name": b["name"], "commands": [{"label": e["label"], "status": e["status"], "note": e["note"],
                                                 "runs": e["runs"]} for e in b["entries"]]} for b in results]
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"suite": suite["name"], "runs": args.runs, "benchmarks": raw}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
