#!/usr/bin/env python3
"""Adds interface strings to the six SharedStrings resource files.

Usage: tools/add-strings.py strings.json, where the file maps each English key to its translations:
{"Key in English": {"fr": "...", "es": "...", "ar": "...", "zh": "...", "ru": "..."}}
Keys already present are left as they are.
"""
import json, sys
from pathlib import Path
from xml.sax.saxutils import escape

root = Path(__file__).resolve().parent.parent / "src/Chorus.Web/Resources/Infrastructure"
strings = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
for culture in ["", "fr", "es", "ar", "zh", "ru"]:
    path = root / (f"SharedStrings.{culture}.resx" if culture else "SharedStrings.resx")
    text = path.read_text(encoding="utf-8")
    added = []
    for key, translations in strings.items():
        name = escape(key, {'"': "&quot;"})
        if f'<data name="{name}"' in text:
            continue
        value = translations[culture] if culture else key
        added.append(f'  <data name="{name}" xml:space="preserve">\n    <value>{escape(value)}</value>\n  </data>\n')
    if added:
        text = text.replace("</root>", "".join(added) + "</root>")
        path.write_text(text, encoding="utf-8")
    print(path.name, len(added), "added")
