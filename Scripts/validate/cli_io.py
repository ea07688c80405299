#!/usr/bin/env python3
"""Runs bulletin where a transcript cannot: over files it makes in a temporary folder (the output that is
the source, symbolic links, named pipes), so that a binary that gets them wrong damages only its copies;
and with standard output or error that cannot be written (/dev/full, a pipe whose reader has gone).
Run from the repository root.

Usage: cli_io.py BINARY"""
import os, shutil, signal, stat, subprocess, sys, tempfile, threading

binary = os.path.abspath(sys.argv[1])
source = os.path.abspath("Examples/monitor/v1-i1-gas-talks.txt")
original = open(source, "rb").read()
failures = []
passed = 0


def check(name, condition, detail=""):
    global passed
    if condition:
        passed += 1
    else:
        failures.append(f"{name}{': ' + detail if detail else ''}")


def run(args, **options):
    return subprocess.run([binary] + args, capture_output=True, timeout=60, **options)


def feed(path, data):
    """Writes data into the named pipe at path from a thread, once bulletin opens it for reading."""
    def write():
        try:
            with open(path, "wb") as pipe:
                pipe.write(data)
        except BrokenPipeError:
            pass  # bulletin closed the pipe unread: its status says why
    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


work = tempfile.mkdtemp(prefix="bulletin-cli-io-")
os.chdir(work)
try:
    # The output is the source, however spelled: a usage error, and the source as it was.
    shutil.copy(source, "same.txt")
    os.symlink("same.txt", "link.txt")
    os.link("same.txt", "hard.txt")
    for label, args, stdin in [
        ("itself", ["same.txt", "-o", "same.txt"], None),
        ("./", ["same.txt", "-o", "./same.txt"], None),
        ("a link to it", ["same.txt", "-o", "link.txt"], None),
        ("read through a link", ["link.txt", "-o", "same.txt"], None),
        ("a hard link", ["same.txt", "-o", "hard.txt"], None),
        ("standard input from it", ["-", "-o", "same.txt"], "same.txt"),
    ]:
        # Restored in place (the links stay), so that each case starts from the source even after one failed.
        open("same.txt", "wb").write(original)
        # Standard input is the file itself, as a shell's < makes it, not a pipe of its bytes.
        given = open(stdin, "rb") if stdin else subprocess.DEVNULL
        result = run(["convert"] + args + ["--to", "json"], stdin=given)
        if stdin:
            given.close()
        check(f"output is the source ({label}): status 64", result.returncode == 64, f"{result.returncode} {result.stderr!r}")
        check(f"output is the source ({label}): says so", b"it is the source file" in result.stderr, repr(result.stderr))
        check(f"output is the source ({label}): source kept", open("same.txt", "rb").read() == original)

    # A link to a file: the file is replaced and the link stays.
    shutil.copy(source, "target.txt")
    os.symlink("target.txt", "to-target")
    result = run(["convert", "same.txt", "--to", "json", "-o", "to-target"])
    check("through a link: status 0", result.returncode == 0, repr(result.stderr))
    check("through a link: the link stays", os.path.islink("to-target"))
    check("through a link: the file is written", open("target.txt", "rb").read().startswith(b"{"))

    # A named pipe is written into, not replaced.
    os.mkfifo("out.fifo")
    received = []
    reader = threading.Thread(target=lambda: received.append(open("out.fifo", "rb").read()), daemon=True)
    reader.start()
    result = run(["convert", "same.txt", "--to", "text", "-o", "out.fifo"])
    reader.join(10)
    check("into a named pipe: status 0", result.returncode == 0, repr(result.stderr))
    check("into a named pipe: it stays a pipe", stat.S_ISFIFO(os.lstat("out.fifo").st_mode))
    check("into a named pipe: the reader gets the text", received and received[0].startswith(b"Gas talks resume"), repr(received)[:200])

    # A named pipe is read to its end as a source, by every command that takes one.
    expected = run(["convert", "same.txt", "--to", "text"]).stdout
    os.mkfifo("in.fifo")
    for command in (["convert", "in.fifo", "--to", "text"], ["tag", "in.fifo"], ["summarize", "in.fifo"]):
        writer = feed("in.fifo", original)
        result = run(command)
        writer.join(10)
        check(f"{command[0]} from a named pipe: status 0", result.returncode == 0, repr(result.stderr))
        check(f"{command[0]} from a named pipe: output", result.stdout != b"" and (command[0] != "convert" or result.stdout == expected))

    # A source reached twice (by two links, a hard link, or named again beside its folder) is read once, by
    # check and by build: no "repeats word for word" warning, one article, named by the path without a link.
    os.makedirs("twice/sub")
    shutil.copy(source, "twice/a.txt")
    os.symlink("a.txt", "twice/l1.txt")
    os.symlink(os.path.abspath("twice/a.txt"), "twice/l2.txt")
    os.link("twice/a.txt", "twice/sub/hard.txt")
    for args in (["check", "twice"], ["check", "twice", "twice/l1.txt", "twice/sub/../a.txt"], ["check", "twice/l2.txt", "twice/l1.txt"]):
        result = run(args)
        label = " ".join(args)
        check(f"{label}: status 0", result.returncode == 0, f"{result.returncode} {result.stderr[:300]!r}")
        check(f"{label}: one file, no warning", result.stdout + result.stderr == b"1 file checked: 0 errors, 0 warnings\n",
              repr((result.stdout + result.stderr)[:300]))
    result = run(["build", "twice", "-o", "twice-out", "--formats", "text"])
    check("build of a file reached twice: status 0", result.returncode == 0, repr(result.stderr[:300]))
    check("build of a file reached twice: no warning", b"warning" not in result.stdout + result.stderr and
          b"Built 1 issue, 1 article" in result.stdout + result.stderr, repr((result.stdout + result.stderr)[:300]))
    if result.returncode == 0:
        import json
        articles = [a["source"] for i in json.load(open("twice-out/manifest.json"))["issues"] for a in i["articles"]]
        check("build of a file reached twice: one article, by its own path", articles == ["twice/a.txt"], repr(articles))

    # ./output, which check leaves out as a build's output, is checked when named itself; an empty path is a
    # usage error; standard input is checked alone.
    os.makedirs("named/output")
    shutil.copy(source, "named/output/a.txt")
    for args, status, says in [(["check", "output"], 0, b"1 file checked: 0 errors"), (["check", "./output/"], 0, b"1 file checked: 0 errors"),
                               (["check", "."], 1, b"no sources found"), (["check", ""], 64, b"an empty path names no source"),
                               (["build", "", "-o", "out"], 64, b"an empty path names no source")]:
        result = subprocess.run([binary] + args, capture_output=True, timeout=60, cwd="named")
        label = " ".join(repr(a) if a == "" else a for a in args)
        check(f"{label}: status {status}", result.returncode == status, f"{result.returncode} {result.stderr[:300]!r}")
        check(f"{label}: says so", says in result.stdout + result.stderr, repr((result.stdout + result.stderr)[:300]))

    # A source whose name is not UTF-8 (Latin-1 café.txt) cannot be named by a path: an error that says so,
    # in a folder, and named on the command line, not "no such file" alone.
    os.makedirs("latin1")
    shutil.copy(source, b"latin1/caf\xe9.txt")
    result = run(["check", "latin1"])
    check("a name not UTF-8 in a folder: status 1", result.returncode == 1, f"{result.returncode} {result.stderr[:300]!r}")
    check("a name not UTF-8 in a folder: says so", "latin1/caf\ufffd.txt:1:1: error: the file's name is not UTF-8".encode() in result.stderr,
          repr(result.stderr[:300]))
    for command in (["convert", b"latin1/caf\xe9.txt", "--to", "text"], ["check", b"latin1/caf\xe9.txt"]):
        result = subprocess.run([binary] + command, capture_output=True, timeout=60)
        check(f"a name not UTF-8 named to {command[0]}: status 74", result.returncode == 74, f"{result.returncode} {result.stderr[:300]!r}")
        check(f"a name not UTF-8 named to {command[0]}: says why", b"a name that is not UTF-8" in result.stderr, repr(result.stderr[:300]))

    # check lists every problem in one order, by path, as a failed build does: a source's error under a/ before
    # the search's error for a name under b/ that is not UTF-8, where the search's came first.
    os.makedirs("ordered/a")
    os.makedirs("ordered/b")
    open("ordered/a/bad.txt", "w").write("Publication: Monitor Volume: six Issue: 1\n\nText.\n")
    shutil.copy(source, b"ordered/b/caf\xe9.txt")
    result = run(["check", "ordered"])
    source_error, search_error = result.stderr.find(b"ordered/a/bad.txt:"), result.stderr.find(b"ordered/b/caf")
    check("check: a source's error and the search's, in path order", 0 <= source_error < search_error, repr(result.stderr[:400]))

    # A folder that cannot be listed (permission denied) is one error at its path among the others, status 1,
    # not the end of the search. Root is denied nothing: as root, bulletin runs as nobody.
    os.makedirs("locked/src/closed")
    shutil.copy(source, "locked/src/a.txt")
    open("locked/src/bad.txt", "w").write("Publication: Monitor Volume: six Issue: 1\n\nText.\n")
    os.chmod("locked/src/closed", 0)
    demote = None
    if os.geteuid() == 0:
        import pwd
        nobody = pwd.getpwnam("nobody")
        os.chmod(work, 0o755)
        os.chmod("locked", 0o777)
        demote = lambda: (os.setgroups([]), os.setgid(nobody.pw_gid), os.setuid(nobody.pw_uid))
    # Where nobody may not run the binary (a build folder private to root), the cases are left out.
    if subprocess.run([binary, "--version"], capture_output=True, timeout=60, preexec_fn=demote).returncode == 0:
        for args, label in [(["check", "src"], "check"), (["build", "src", "-o", "out", "--formats", "text"], "build"),
                            (["check", "src/closed"], "check of the folder alone")]:
            result = subprocess.run([binary] + args, capture_output=True, timeout=60, cwd="locked", preexec_fn=demote)
            errors = result.stderr.decode(errors="replace")
            check(f"unlistable folder, {label}: status 1", result.returncode == 1, f"{result.returncode} {errors[:300]!r}")
            check(f"unlistable folder, {label}: an error at its path",
                  "src/closed:1:1: error: the folder cannot be listed: Permission denied\n" in errors, repr(errors[:500]))
            if label != "check of the folder alone":
                check(f"unlistable folder, {label}: the other errors too", "src/bad.txt:1:" in errors, repr(errors[:500]))
        check("unlistable folder: build wrote nothing", not os.path.exists("locked/out"))
    else:
        print("cli io: the binary cannot be run as nobody here; the cases of a folder that cannot be listed are left out")
    os.chmod("locked/src/closed", 0o755)

    # A link to a folder that holds it (`/`, `..`) is not followed: an error at the link, status 1, and a build
    # writes nothing; a search that followed `root -> /` read the whole file system (62,177 files).
    os.makedirs("loops/src/sub")
    shutil.copy(source, "loops/src/a.txt")
    os.symlink("/", "loops/src/root")
    os.symlink("../..", "loops/src/sub/up")
    loop = b": error: the symbolic link to %s is not followed: it leads back to a folder that holds it"
    for args, label in [(["check", "src"], "check"), (["build", "src", "-o", "out", "--formats", "text"], "build")]:
        result = subprocess.run([binary] + args, capture_output=True, timeout=60, cwd="loops")
        check(f"link to a holding folder, {label}: status 1", result.returncode == 1, f"{result.returncode} {result.stderr[:300]!r}")
        check(f"link to a holding folder, {label}: an error at each link",
              b"src/root:1:1" + loop % b"/" in result.stderr and b"src/sub/up:1:1" + loop % b"../.." in result.stderr, repr(result.stderr[:600]))
        if label == "check":
            check("link to a holding folder, check: the one source checked", b"1 file checked: 2 errors" in result.stderr, repr(result.stderr[-300:]))
    check("link to a holding folder: build wrote nothing", not os.path.exists("loops/out"))

    # Files a build wrote are never read back as sources, through a link into its output folder beside the
    # sources or inside them: the next build reads the source alone, with a warning at the link.
    for output, link, target in [("out", "src/old", "../out/text"), ("src/output", "src/old", "output/text")]:
        folder = "own-" + output.replace("/", "-")
        os.makedirs(folder + "/src")
        shutil.copy(source, folder + "/src/a.txt")
        os.symlink(target, f"{folder}/{link}")
        for build in range(2):
            result = subprocess.run([binary, "build", "src", "-o", output, "--formats", "text"], capture_output=True, timeout=60, cwd=folder)
            check(f"link into the output ({output}), build {build + 1}: status 0", result.returncode == 0, f"{result.returncode} {result.stderr[:400]!r}")
        warning = f"warning: src/old is not read for sources: it is a symbolic link to {target}, in the build's output folder\n".encode()
        check(f"link into the output ({output}): a warning names it", warning in result.stderr, repr(result.stderr[:400]))
        check(f"link into the output ({output}): one article", b"1 article" in result.stdout + result.stderr, repr(result.stderr[:400]))

    # A theme's link to a folder is followed, its files the theme's; one to a folder that holds it is an error at it.
    os.makedirs("themes/fonts/serif")
    os.makedirs("themes/linked/site")
    os.makedirs("themes/looped/site")
    open("themes/fonts/serif/body.woff2", "wb").write(b"font")
    os.symlink("../../fonts", "themes/linked/site/fonts")
    os.symlink("..", "themes/looped/site/back")
    result = run(["build", source, "-o", "themes/out", "--formats", "site", "--theme", "themes/linked"])
    check("theme link to a folder: status 0", result.returncode == 0, f"{result.returncode} {result.stderr[:300]!r}")
    check("theme link to a folder: its file in the site", os.path.exists("themes/out/site/fonts/serif/body.woff2"))
    result = run(["build", source, "-o", "themes/out2", "--formats", "site", "--theme", "themes/looped"])
    check("theme link to a holding folder: status 1", result.returncode == 1, f"{result.returncode} {result.stderr[:300]!r}")
    check("theme link to a holding folder: an error at the link", b"themes/looped/site/back:1:1" + loop % b".." in result.stderr, repr(result.stderr[:300]))
    check("theme link to a holding folder: build wrote nothing", not os.path.exists("themes/out2"))

    # Standard output that cannot be written: one line on standard error and status 74, never a crash.
    # /dev/full is opened as it is, never created: where there is none the cases are left out.
    open("same.txt", "wb").write(original)
    if os.path.exists("/dev/full") and stat.S_ISCHR(os.stat("/dev/full").st_mode):
        full = os.open("/dev/full", os.O_WRONLY)
        message = b"error: cannot write standard output: No space left on device\n"
        article = b'{"id": 1, "text": "Gazprom met in Moscow. The talks went on."}\n'
        sentence = b'{"sentence": 1, "text": "Gazprom met in Moscow."}\n'
        for args, given in [
            (["convert", "same.txt", "--to", "text"], b""), (["convert", "-", "--to", "json"], original),
            (["tag", "same.txt"], b""), (["tag", "same.txt", "--json"], b""), (["tag", "--jsonl"], sentence),
            (["summarize", "same.txt"], b""), (["summarize", "same.txt", "--json"], b""), (["summarize", "--jsonl"], article),
            (["schema"], b""), (["--help"], b""), (["--version"], b""), (["convert", "--help"], b""),
        ]:
            result = subprocess.run([binary] + args, input=given, stdout=full, stderr=subprocess.PIPE, timeout=60)
            check(f"{' '.join(args)} > /dev/full: status 74", result.returncode == 74, f"{result.returncode} {result.stderr[:300]!r}")
            check(f"{' '.join(args)} > /dev/full: one line", result.stderr == message, repr(result.stderr[:300]))
        # Standard error that cannot be written: a failure keeps its status, a success becomes 74.
        os.makedirs("bad")
        open("bad/bad.txt", "w").write("Publication: Monitor Volume: six Issue: 1\n\nText.\n")
        for args, status in [(["check", "bad"], 1), (["check", "same.txt"], 74), (["convert", "missing.txt", "--to", "text"], 74)]:
            result = subprocess.run([binary] + args, stdout=subprocess.PIPE, stderr=full, timeout=60)
            check(f"{' '.join(args)} 2> /dev/full: status {status}", result.returncode == status, str(result.returncode))
        os.close(full)
    else:
        print("cli io: no /dev/full here; the cases of a full standard output are left out")

    # A reader that goes away: with SIGPIPE ignored the write fails with EPIPE, and bulletin ends quietly
    # with 141, as a shell reports a process that SIGPIPE ended; with SIGPIPE as it is, the signal ends it.
    open("big.txt", "wb").write(original + original.split(b"\n\n", 1)[1] * 400)
    for ignored in (True, False):
        process = subprocess.Popen([binary, "convert", "big.txt", "--to", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   preexec_fn=(lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN)) if ignored else None)
        process.stdout.read(10)
        process.stdout.close()
        errors = process.stderr.read()
        status = process.wait(60)
        label = "SIGPIPE ignored" if ignored else "SIGPIPE"
        check(f"reader gone ({label}): status", status == (141 if ignored else -signal.SIGPIPE), str(status))
        check(f"reader gone ({label}): nothing on standard error", errors == b"", repr(errors[:300]))

    # Input that never ends stops at the size limit, an error at its path, never a hang or a filled memory:
    # standard input from /dev/zero, and an endless pipe (lines for --jsonl, one line for a source).
    for label, args, status in [
        ("convert -", ["convert", "-", "--to", "text"], 74),
        ("tag -", ["tag", "-"], 74),
        ("summarize -", ["summarize", "-"], 74),
        ("tag --jsonl", ["tag", "--jsonl"], 1),
        ("summarize --jsonl", ["summarize", "--jsonl"], 1),
    ]:
        with open("/dev/zero", "rb") as zero:
            result = subprocess.run([binary] + args, stdin=zero, capture_output=True, timeout=60)
        check(f"{label} < /dev/zero: status {status}", result.returncode == status, f"{result.returncode} {result.stderr[:300]!r}")
        check(f"{label} < /dev/zero: says the input is too large", b"holds more than 32 MiB" in result.stderr, repr(result.stderr[:300]))
    endless = subprocess.Popen(["yes", "Publication: Monitor Volume: 1 Issue: 1"], stdout=subprocess.PIPE)
    result = subprocess.run([binary, "check", "/dev/stdin"], stdin=endless.stdout, capture_output=True, timeout=60)
    endless.kill()
    endless.wait()
    check("check of an endless pipe: status 1", result.returncode == 1, f"{result.returncode} {result.stderr[:300]!r}")
    check("check of an endless pipe: source.too-large", b"/dev/stdin:1:1: error: the file cannot be read: it holds more than 32 MiB" in result.stderr,
          repr(result.stderr[:300]))

    # A book is not written to a terminal (a pseudo-terminal here): a usage error that says what to do.
    import pty
    primary, secondary = pty.openpty()
    result = subprocess.run([binary, "convert", "same.txt", "--to", "epub"], stdout=secondary, stderr=subprocess.PIPE, timeout=60)
    os.close(secondary)
    os.close(primary)
    check("epub to a terminal: status 64", result.returncode == 64, f"{result.returncode} {result.stderr[:300]!r}")
    check("epub to a terminal: says so", b"standard output is a terminal" in result.stderr, repr(result.stderr[:300]))
    primary, secondary = pty.openpty()
    result = subprocess.run([binary, "convert", "same.txt", "--to", "text"], stdout=secondary, stderr=subprocess.PIPE, timeout=60)
    os.close(secondary)
    os.close(primary)
    check("text to a terminal: status 0", result.returncode == 0, f"{result.returncode} {result.stderr[:300]!r}")
finally:
    os.chdir("/")
    shutil.rmtree(work, ignore_errors=True)

for failure in failures:
    print(f"FAIL {failure}")
print(f"cli io: {passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
