#!/usr/bin/python3
"""Writes src/Chorus.Web/Features/Organisations/Countries.csv: every ISO 3166-1 country with its
UN M49 region, sub-region and intermediate region and its name in the site's six languages.

Names and translations come from Debian's iso-codes package (apt install iso-codes); the M49
grouping (UN Statistics Division, "Standard country or area codes for statistical use") is kept
below because no Debian or NuGet package ships it. Run again after an iso-codes update."""
import csv, gettext, json, os, sys

# ISO alpha-2 -> (region, sub-region, intermediate region) as M49 codes.
AF, AM, AS, EU, OC = "002", "150", "142", "150", "009"
M49 = {}
def put(codes, region, sub, mid=""):
    for c in codes.split():
        M49[c] = (region, sub, mid)
put("DZ EG LY MA SD TN EH", "002", "015")
put("IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW", "002", "202", "014")
put("AO CM CF TD CG CD GQ GA ST", "002", "202", "017")
put("BW SZ LS NA ZA", "002", "202", "018")
put("BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG", "002", "202", "011")
put("AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI", "019", "419", "029")
put("BZ CR SV GT HN MX NI PA", "019", "419", "013")
put("AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE", "019", "419", "005")
put("BM CA GL PM US", "019", "021")
put("KZ KG TJ TM UZ", "142", "143")
put("CN HK MO KP JP MN KR TW", "142", "030")
put("BN KH ID LA MY MM PH SG TH TL VN", "142", "035")
put("AF BD BT IN IR MV NP PK LK", "142", "034")
put("AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE", "142", "145")
put("BY BG CZ HU PL MD RO RU SK UA", "150", "151")
put("AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB", "150", "154")
put("AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES", "150", "039")
put("AT BE FR DE LI LU MC NL CH", "150", "155")
put("AU CX CC HM NZ NF", "009", "053")
put("FJ NC PG SB VU", "009", "054")
put("GU KI MH FM NR MP PW UM", "009", "057")
put("AS CK PF NU PN WS TK TO TV WF", "009", "061")

LANGS = [("fr", "fr"), ("es", "es"), ("ar", "ar"), ("zh", "zh_CN"), ("ru", "ru")]
countries = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8"))["3166-1"]
translations = {c: gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=[l]) for c, l in LANGS}
out = os.path.join(os.path.dirname(__file__), "..", "src", "Chorus.Web", "Features", "Organisations", "Countries.csv")
rows = []
for c in sorted(countries, key=lambda c: c["alpha_2"]):
    code = c["alpha_2"]
    if code not in M49:
        print(f"skipped {code} {c['name']}: no M49 region", file=sys.stderr)
        continue
    shown = c.get("common_name", c["name"])
    def name(t):
        translated = t.gettext(shown)
        return translated if translated != shown or "common_name" not in c else t.gettext(c["name"])
    aliases = sorted({c["name"], c.get("official_name", c["name"])} - {shown})
    rows.append([code, c["alpha_3"], *M49[code], shown, *(name(translations[l]) for l, _ in LANGS), "|".join(aliases)])
missing = set(M49) - {r[0] for r in rows}
assert not missing, missing
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "alpha3", "region", "subregion", "intermediate", "en", "fr", "es", "ar", "zh", "ru", "aliases"])
    w.writerows(rows)
print(f"{len(rows)} countries -> {os.path.normpath(out)}")
