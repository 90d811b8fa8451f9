#!/usr/bin/env python3
"""One spelling: 'license' in code, URLs, file names and English text (ADR 0018).

Kept as they are, because they are stored or published: SQL (table and column names, stored values such as
'LICENCE'), every upper-case constant (audit codes LICENCE_*, type codes BUSINESS_LICENCE, verification outcomes),
string literals that are not URL paths, message keys or resource names, and the ADRs (history).
Run from the repository root: python3 tools/one-spelling.py [--dry]

Applied once, in commit 7558575. Kept for the record and for branches made before it (run it on such a branch,
then merge): on main it would rewrite the deliberate old spellings of SpellingRedirects and WellKnownController,
so it refuses to run where SpellingRedirects exists, unless given --force.
"""
import re
import subprocess
import sys
from pathlib import Path

DRY = "--dry" in sys.argv
if Path("src/main/java/org/tongban/licenses/internal/SpellingRedirects.java").exists() and "--force" not in sys.argv:
    sys.exit("one-spelling: already applied on this tree (see the docstring); --force runs it anyway")
ROOT = Path(".")


def word(s: str) -> str:
    return s.replace("Licence", "License").replace("licence", "license")


URLISH = re.compile(r"/licences|licences/|^licenses/licence$|demo-licences|licence\.html|licence\.pdf|licences\.md")
KEYISH = re.compile(r"^[a-z]+(\.[A-Za-z0-9_-]+)+$")


HOLD = re.compile(r"licence:|licence_\w*|licence-master-key|dev-licence-key|drivingLicenceClass|licenceClass")


def held(text: str, change) -> str:
    keep = []

    def hold(m):
        keep.append(m.group(0))
        return f"\x00{len(keep) - 1}\x00"

    text = change(HOLD.sub(hold, text))
    return re.sub(r"\x00(\d+)\x00", lambda m: keep[int(m.group(1))], text)


def literal(content: str) -> str:
    """A Java string literal: SQL keeps its names and values; the development key file keeps its entry names;
    the material value prefix 'licence:' stays (pages and forms in flight send it); the rest follows the code."""
    if re.search(r"\b(select|insert|update|delete|where|from|values)\b", content, re.I):
        # Named parameters are not stored: they follow the Java literals that bind them.
        return re.sub(r":licence\b", ":license", content)
    return held(content, word)


JAVA_TOKEN = re.compile(r'//[^\n]*|/\*(?:.|\n)*?\*/|"""(?:.|\n)*?"""|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'')


def java(text: str) -> str:
    out, pos = [], 0
    for m in JAVA_TOKEN.finditer(text):
        out.append(word(text[pos:m.start()]))
        tok = m.group(0)
        if tok.startswith("//") or tok.startswith("/*"):
            out.append(held(tok, word))
        elif tok.startswith('"""'):
            out.append(literal(tok))  # SQL text blocks are kept whole
        elif tok.startswith('"'):
            out.append('"' + literal(tok[1:-1]) + '"')
        else:
            out.append(tok)
        pos = m.end()
    out.append(word(text[pos:]))
    return "".join(out)


def template(text: str) -> str:
    return held(text, word)


def properties(text: str) -> str:
    return held(text, word)


def prose(text: str) -> str:
    return held(text, word)


def files():
    listed = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout.split()
    for f in listed:
        p = Path(f)
        if f.startswith("docs/adr/") and not f.startswith("docs/adr/0018"):
            continue  # ADRs are history
        if "/db/migration/" in f or f.endswith(".sql"):
            continue
        yield p


changed = renamed = 0
for p in files():
    if not p.is_file():
        continue
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        continue
    if p.suffix == ".java":
        new = java(text)
    elif p.suffix == ".html":
        new = template(text)
    elif p.suffix == ".properties":
        new = properties(text)
    elif p.suffix in (".md", ".sh", ".lua", ".yml", ".yaml", ".js", ".css", ".json", ".txt", ".xml"):
        new = prose(text)
    else:
        continue
    if new != text:
        changed += 1
        if not DRY:
            p.write_text(new, encoding="utf-8")
    if "licence" in p.name.lower() and not str(p).startswith("docs/adr/"):
        target = p.with_name(word(p.name))
        renamed += 1
        if not DRY:
            subprocess.run(["git", "mv", str(p), str(target)], check=True)
print(f"{changed} files changed, {renamed} renamed")
