#!/usr/bin/env python3
"""Generates diagnosis.tsv: valid pack scans damaged the way misconfigured scanners damage them, with the finding
that must come first and the reading the repair must give. Deterministic; rerun after editing:
    python3 testdata/gs1/make_diagnosis.py > testdata/gs1/diagnosis.tsv
Values use letters only, so a dropped separator has exactly one correct place.
"""
import random

rng = random.Random(7)
GS = "\x1d"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
rows = []


def check(body):
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def pack():
    body = "".join(rng.choice("0123456789") for _ in range(13))
    date = f"{rng.randint(26, 35):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    batch = "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 10)))
    serial = "".join(rng.choice(LETTERS) for _ in range(rng.randint(8, 20)))
    scan = "]d2" + "01" + body + check(body) + "17" + date + "10" + batch + GS + "21" + serial
    hri = f"(01){body}{check(body)}(17){date}(10){batch}(21){serial}"
    return scan, hri


def translate(text, source, target):
    return "".join(target[source.index(c)] if c in source else c for c in text)


def azerty(text):
    return translate(text, "1234567890aqzwAQZW]", "&é\"'(-è_çàqawzQAWZ$")


def qwertz(text):
    return translate(text, "yzYZ]", "zyZY+")


def caps_lock(text):
    return text.swapcase()


faults = [
    ("SeparatorsDropped", lambda s: s.replace(GS, "")),
    ("SeparatorSubstituted", lambda s: s.replace(GS, rng.choice(["~", "|", "<GS>", "{GS}", "^]"]))),
    ("KeyboardLayoutAzerty", azerty),
    ("KeyboardLayoutQwertz", qwertz),
    ("CapsLock", caps_lock),
    ("LineEndingLeftIn", lambda s: s + rng.choice(["\r\n", "\r", "\n", "\t"])),
    ("AimMissing", lambda s: s[1:]),
    ("AimUnexpected", lambda s: rng.choice(["]d1", "]Q1", "]C0"]) + s[3:]),
]

for code, damage in faults:
    for _ in range(6):
        scan, hri = pack()
        rows.append((damage(scan), code, hri))
for _ in range(6):
    scan, hri = pack()
    wrong = str((int(scan[18]) + 1) % 10)
    rows.append((scan[:18] + wrong + scan[19:], "CodeInvalid", "-"))
for _ in range(6):
    scan, hri = pack()
    rows.append((azerty(scan.replace(GS, "")), "KeyboardLayoutAzerty", hri))


def escape(s):
    return s.replace("\\", "\\\\").replace(GS, "\\x1d").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


print("# Scanner-setup diagnosis corpus: raw<TAB>first finding code<TAB>repaired bracketed form (- when none). By make_diagnosis.py.")
print("# Escapes in raw: \\x1d = GS, \\r = CR, \\n = LF, \\t = TAB, \\\\ = backslash.")
for raw, code, hri in rows:
    print("\t".join([escape(raw), code, hri]))
