#!/usr/bin/env python3
"""Generates corpus.tsv: GS1 scans with the result each must give, built from first principles (GS1 General
Specifications rules written out here independently of the C# parser). Deterministic; rerun after editing:
    python3 testdata/gs1/make_corpus.py > testdata/gs1/corpus.tsv
"""
import calendar
import random

rng = random.Random(20261122)
GS = "\x1d"
CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
SAFE = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-./_"  # no '(' so bracketed input is unambiguous
AIMS = ["]d2", "]Q3", "]C1", "]e0", "]J1", ""]
PREDEFINED = {"00", "01", "02", "11", "13", "15", "16", "17", "20"} | {f"31{i:02d}" for i in range(100)} | {f"41{i}" for i in range(10)}
rows = []


def check(body):
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def digits(n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def gtin():
    body = digits(13)
    return body + check(body)


def sscc():
    body = digits(17)
    return body + check(body)


def gln():
    body = digits(12)
    return body + check(body)


def text(lo, hi, alphabet=CSET82):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def date(day_zero=False):
    yy = rng.randint(24, 35)
    mm = rng.randint(1, 12)
    dd = 0 if day_zero else rng.randint(1, calendar.monthrange(2000 + yy, mm)[1])
    return f"{yy:02d}{mm:02d}{dd:02d}"


def element_string(elements):
    out = ""
    for i, (ai, value) in enumerate(elements):
        out += ai + value
        if i < len(elements) - 1 and ai not in PREDEFINED:
            out += GS
    return out


def hri(elements):
    return "".join(f"({ai}){value}" for ai, value in elements)


def key(elements):
    values = dict(elements)
    if "00" in values:
        return "00" + values["00"]
    if "01" not in values:
        return "-"
    if "21" in values:
        return "01" + values["01"] + "21" + values["21"]
    if "10" in values:
        return "01" + values["01"] + "10" + values["10"]
    return "01" + values["01"]


def ok(raw, elements, note):
    rows.append((raw, "ok", hri(elements), key(elements), note))


def error(raw, code, note):
    rows.append((raw, "error", code, "-", note))


def pack(order=None, alphabet=CSET82):
    elements = [("01", gtin()), ("17", date(rng.random() < 0.2)), ("10", text(1, 20, alphabet)), ("21", text(1, 20, alphabet))]
    if order == "shuffle":
        rng.shuffle(elements)
    return elements


# ---- valid scans ----
for _ in range(60):
    e = pack("shuffle")
    ok(rng.choice(AIMS) + element_string(e), e, "pack 01 17 10 21, any order")
for _ in range(25):
    e = [("01", gtin()), ("21", text(1, 20)), ("11", date()), ("17", date(True)), ("10", text(1, 20))]
    ok("]d2" + element_string(e), e, "pack with production date and day-00 expiry")
for ai in ["710", "711", "712", "713", "714", "715", "716", "717"]:
    e = [("01", gtin()), ("17", date()), ("10", text(1, 20)), ("21", text(1, 20)), (ai, text(1, 20, "0123456789ABCDEF"))]
    ok("]d2" + element_string(e), e, f"pack with national reimbursement number {ai}")
for _ in range(15):
    e = [("00", sscc())]
    ok(rng.choice(["]C1", "]d2", ""]) + element_string(e), e, "SSCC only")
for _ in range(15):
    e = [("00", sscc()), ("02", gtin()), ("37", str(rng.randint(1, 99999999))), ("10", text(1, 20)), ("15", date())]
    ok("]C1" + element_string(e), e, "pallet: SSCC, content GTIN, count, batch, best before")
for _ in range(10):
    e = [("01", gtin()), ("10", text(1, 20))]
    ok("]d2" + element_string(e), e, "GTIN + batch, no serial")
for _ in range(10):
    e = [("01", gtin()), ("17", date())]
    ok("]e0" + element_string(e), e, "GTIN + expiry only")
for _ in range(30):
    e = pack("shuffle", SAFE)
    ok(hri(e), e, "bracketed input")
for _ in range(10):
    e = [("01", gtin()), ("17", date()), ("10", text(1, 20)), ("21", text(1, 20))]
    raw = "]d2" + "01" + e[0][1] + GS + "17" + e[1][1] + GS + "10" + e[2][1] + GS + "21" + e[3][1]
    ok(raw, e, "GS after predefined-length AIs is accepted")
for _ in range(5):
    e = pack()
    ok(GS + element_string(e), e, "leading GS (FNC1 in first position sent as GS)")
for _ in range(5):
    e = [("01", gtin()), ("10", text(1, 20))]
    ok("]d2" + element_string(e) + GS, e, "trailing GS")
for _ in range(6):
    body = digits(12)
    ean13 = body + check(body)
    ok("]E0" + ean13, [("01", "0" + ean13)], "EAN-13")
for _ in range(4):
    body = digits(7)
    ean8 = body + check(body)
    ok("]E4" + ean8, [("01", "000000" + ean8)], "EAN-8")
for _ in range(5):
    e = [("414", gln()), ("254", text(1, 20))]
    ok("]C1" + element_string(e), e, "GLN with extension")
for _ in range(5):
    e = [("01", gtin()), (f"310{rng.randint(0, 5)}", digits(6)), ("10", text(1, 20))]
    ok("]C1" + element_string(e), e, "net weight")
for _ in range(5):
    e = [("01", gtin()), ("7003", date() + f"{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}"), ("21", text(1, 20))]
    ok("]d2" + element_string(e), e, "expiry date and time")
for _ in range(4):
    e = [("01", gtin()), ("22", text(1, 20)), ("10", text(1, 20)), ("21", text(1, 20))]
    ok("]Q3" + element_string(e), e, "consumer product variant")
for _ in range(3):
    body = digits(17)
    e = [("8018", body + check(body))]
    ok("]d2" + element_string(e), e, "GSRN recipient")
for _ in range(3):
    e = [("01", gtin()), ("240", text(1, 30)), ("21", text(1, 20))]
    ok("]d2" + element_string(e), e, "additional product id")
for _ in range(3):
    e = [("00", sscc()), ("403", text(1, 30)), ("400", text(1, 30))]
    ok("]C1" + element_string(e), e, "SSCC with route and order number")
for _ in range(3):
    e = [("01", gtin()), ("10", text(1, 20))]
    raw = "]d2" + "01" + e[0][1] + "10" + e[1][1] + GS + "01" + e[0][1]
    ok(raw, e + [("01", e[0][1])], "same AI repeated with the same value")
for _ in range(3):
    e = [("01", gtin()), ("90", text(1, 30)), ("91", text(1, 90)), ("21", text(1, 20))]
    ok("]d2" + element_string(e), e, "company internal AIs")

# ---- invalid scans ----
for _ in range(20):
    e = pack("shuffle")
    g = dict(e)["01"]
    bad = g[:-1] + str((int(g[-1]) + rng.randint(1, 9)) % 10)
    e = [(ai, bad if ai == "01" else v) for ai, v in e]
    error(rng.choice(AIMS) + element_string(e), "InvalidCheckDigit", "GTIN check digit wrong")
for _ in range(5):
    s = sscc()
    error("]C1" + "00" + s[:-1] + str((int(s[-1]) + 1) % 10), "InvalidCheckDigit", "SSCC check digit wrong")
for _ in range(5):
    g = gln()
    error("]C1" + "414" + g[:-1] + str((int(g[-1]) + 3) % 10), "InvalidCheckDigit", "GLN check digit wrong")
bad_dates = ["251301", "250001", "250132", "250230", "250229", "270229", "250431", "250631", "250931", "251131", "251232"]
for d in bad_dates:
    e = [("01", gtin()), ("17", d), ("10", text(1, 20))]
    error("]d2" + element_string(e), "InvalidDate", "impossible expiry date " + d)
for d in ["250230", "251301", "250100"]:
    e = [("01", gtin()), ("11", d) if d != "250100" else ("7006", d)]
    error("]d2" + element_string(e), "InvalidDate", "impossible date " + d)
for _ in range(5):
    e = [("01", gtin()), ("7003", date() + "2460")]
    error("]d2" + element_string(e), "InvalidDate", "impossible time")
for _ in range(20):
    batch = text(4, 20)
    serial = text(max(1, 19 - len(batch)), 20)
    raw = "]d2" + "01" + gtin() + "17" + date() + "10" + batch + "21" + serial
    error(raw, "ValueTooLong", "GS dropped: batch runs into serial")
for bad in [" ", "#", "$", "@", "\u00e9", "[", "{", "~", "`", "^"]:
    batch = text(1, 8) + bad + text(1, 8)
    error("]d2" + "01" + gtin() + "10" + batch + GS + "21" + text(1, 20), "InvalidCharacter", f"batch with {bad!r}")
for bad in ["\r\n", "\r", "\n", "\t"]:
    error("]d2" + "01" + gtin() + "17" + date() + bad, "InvalidCharacter", "line ending after fixed-length AI")
    error("]d2" + "01" + gtin() + "21" + text(1, 10) + bad, "InvalidCharacter", "line ending after serial")
for _ in range(5):
    error("]d2" + "8010" + "ABC" + text(1, 5, "abcdefghij"), "InvalidCharacter", "CSET 39 field with lower case")
for _ in range(4):
    error("]d2" + "01" + gtin() + "20" + "A1", "InvalidCharacter", "letter in numeric AI")
for _ in range(5):
    error("]d2" + "21" + text(1, 20), "MissingAssociation", "serial without GTIN")
for _ in range(3):
    error("]d2" + "10" + text(1, 20), "MissingAssociation", "batch without GTIN")
for _ in range(3):
    error("]C1" + "254" + text(1, 20), "MissingAssociation", "GLN extension without GLN")
for _ in range(3):
    error("]C1" + "02" + gtin() + "37" + str(rng.randint(1, 999)), "MissingAssociation", "content and count without SSCC")
for _ in range(3):
    error("]d2" + "01" + gtin() + "250" + text(1, 20), "MissingAssociation", "secondary serial without serial")
for _ in range(10):
    g = gtin()
    raw = "]d2" + "01" + g + "10" + "A" + text(1, 10) + GS + "21" + text(1, 10) + GS + "10" + "B" + text(1, 10)
    error(raw, "ConflictingDuplicate", "batch twice with different values")
for _ in range(3):
    error("]d2" + "01" + gtin() + "10" + text(1, 10) + GS + "01" + gtin(), "ConflictingDuplicate", "two different GTINs")
for unknown in ["05", "06", "07", "08", "09", "14", "18", "19", "3106", "3999"]:
    error("]d2" + "01" + gtin() + unknown + digits(6), "UnknownAi", f"unknown AI {unknown}")
for _ in range(8):
    g = gtin()
    error("]d2" + "01" + g[: rng.randint(1, 13)], "ValueTooShort", "GTIN cut short")
for _ in range(3):
    error("]d2" + "01" + gtin() + "17" + date()[:4], "ValueTooShort", "date cut short")
for _ in range(4):
    error("]d2" + "01" + gtin() + rng.choice(["3", "31", "310", "7"]), "TruncatedAi", "data ends inside an AI")
for _ in range(5):
    g = gtin()
    cut = rng.randint(1, 13)
    error("]d2" + "01" + g[:cut] + GS + g[cut:], "UnexpectedSeparator", "GS inside GTIN")
for _ in range(5):
    error("]d2" + "01" + gtin() + "10" + text(1, 10) + GS + GS + "21" + text(1, 10), "UnexpectedSeparator", "two GS in a row")
for aim in ["]d1", "]Q1", "]C0", "]Q0", "]d0"]:
    error(aim + element_string(pack()), "NotGs1Symbology", f"{aim} is not GS1")
for aim in ["]X0", "]Z0", "]A0"]:
    error(aim + element_string(pack()), "UnknownSymbologyIdentifier", f"{aim} unknown here")
for _ in range(2):
    error("]" + text(1, 1, "!%&") + "2" + element_string(pack()), "UnknownSymbologyIdentifier", "malformed AIM")
for _ in range(5):
    error("]d2" + "01" + gtin() + "02" + gtin() + "37" + "10", "InvalidPairing", "GTIN together with content GTIN")
error("", "Empty", "nothing")
error("]d2", "Empty", "only an AIM identifier")
error("]d2" + GS, "Empty", "only a separator")
for _ in range(3):
    g = gtin()
    error("]E0" + g[1:-1] + str((int(g[-1]) + 1) % 10), "InvalidEanUpc", "EAN-13 check digit wrong")
error("]E0" + "0109506000134352", "InvalidEanUpc", "element string under an EAN identifier")
error("]E4" + "9506000134352", "InvalidEanUpc", "13 digits under EAN-8")
for _ in range(4):
    error("(01)" + gtin() + "(05)123", "ValueTooLong", "bracketed: an unknown AI in brackets is read as part of the GTIN")
for _ in range(3):
    error("(0" + "1" + gtin(), "MalformedBracketedInput", "bracketed AI without closing bracket")
for _ in range(3):
    error("(01)" + gtin()[:-2], "ValueTooShort", "bracketed GTIN too short")


def escape(s):
    return s.replace("\\", "\\\\").replace(GS, "\\x1d").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


print("# GS1 scan corpus: input<TAB>expect<TAB>result<TAB>identifier<TAB>note. Generated by make_corpus.py (reference year 2026).")
print("# Escapes in input: \\x1d = GS (FNC1), \\r = CR, \\n = LF, \\t = TAB, \\\\ = backslash. expect: ok (result = bracketed HRI,")
print("# identifier = canonical key or -) or error (result = Gs1ErrorCode name).")
for raw, expect, result, identifier, note in rows:
    print("\t".join([escape(raw), expect, result, identifier, note]))
