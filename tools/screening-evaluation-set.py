#!/usr/bin/env python3
"""Builds the labelled name-screening evaluation set from the OFAC snapshot.

Usage: python3 tools/screening-evaluation-set.py ../shared/data/sanctions/ofac [SEED] \
         > tradeflow-compliance/src/test/resources/screening/evaluation-pairs.csv

The committed evaluation-pairs.csv (seed 20261201) is the set the matcher was tuned on;
evaluation-holdout.csv (seed 7) was generated after tuning and never tuned against.

Deterministic (fixed seed): the committed file is what this prints. Each row is
kind,query,type,country,expected  -- expected is the SDN entry number a screening must
hit, or empty for a look-alike that is not listed (any hit on it is a false positive).

Positives are variants of listed names as a bank's records spell them: typos,
transliterations, reordered names, missing or different legal forms, aliases, and
hand-picked real-world spellings. Negatives are look-alikes: listed names with their
distinctive word swapped, ordinary company names, and people's names sharing a listed
first name or a surname two edits off; none holds a whole listed name or alias (that
would be a true hit).
"""
import csv, random, re, sys, unicodedata

ofac = sys.argv[1]
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 20261201)

def rows(name):
    with open(f"{ofac}/{name}", encoding="utf-8", newline="") as f:
        for r in csv.reader(f):
            if len(r) > 1:
                yield [v.strip() if v.strip() != "-0-" else "" for v in r]

entries = {}
for r in rows("sdn.csv"):
    entries[int(r[0])] = {"name": r[1], "type": r[2] or "entity", "aliases": []}
for r in rows("alt.csv"):
    entries[int(r[0])]["aliases"].append((r[2], r[3]))

LEGAL = {"LTD", "LIMITED", "LLC", "INC", "CO", "COMPANY", "CORP", "CORPORATION", "SA", "S.A.",
         "GMBH", "AG", "PLC", "LTDA", "JSC", "OJSC", "CJSC", "PJSC", "FZE", "FZCO", "SARL", "SRL",
         "S.A.S.", "C.A.", "S.A.C.", "S.L.", "B.V.", "SPA", "S.P.A.", "PTE", "CO.", "LTD.", "INC.",
         "L.L.C.", "LIMITED."}

def norm(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).upper()
    s = re.sub(r"['.`]", "", s)
    return " ".join(re.sub(r"[^A-Z0-9]+", " ", s).split())

listed_norm = set()
for e in entries.values():
    listed_norm.add(norm(e["name"]))
    for _, a in e["aliases"]:
        listed_norm.add(norm(a))

def person(name):
    """OFAC's 'LAST, First' as a bank writes it: 'First Last'."""
    if name.count(",") == 1:
        last, first = [p.strip() for p in name.split(",")]
        if first:
            return f"{first} {last.title() if last.isupper() else last}"
    return name

LEGAL_WORDS = {norm(w) for w in LEGAL} | {"THE"}
variant_sets = {frozenset(t for t in n.split() if t not in LEGAL_WORDS) for n in listed_norm}
variant_sets = [v for v in variant_sets if len(v) >= 2 or (len(v) == 1 and len(next(iter(v))) >= 5)]

def contains_listed_name(query):
    """A look-alike that holds a whole listed name (an alias) is a true hit, not a look-alike."""
    words = set(norm(query).split())
    return any(v <= words for v in variant_sets)

individuals = [n for n, e in entries.items() if e["type"] == "individual" and "," in e["name"]]
entities = [n for n, e in entries.items() if e["type"] == "entity"]
vessels = [n for n, e in entries.items() if e["type"] == "vessel"]
out = []

def add(kind, query, typ, country, expected):
    out.append((kind, query, typ, country, "" if expected is None else str(expected)))

def typo(word):
    i = random.randrange(1, len(word) - 1)
    op = random.choice(["swap", "drop", "double", "sub"])
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if op == "drop":
        return word[:i] + word[i + 1:]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    vowels = "AEIOU" if word[i].upper() in "AEIOU" else "BDGKLMNPRST"
    repl = random.choice([c for c in vowels if c != word[i].upper()])
    return word[:i] + (repl if word[i].isupper() else repl.lower()) + word[i + 1:]

def typo_name(name):
    words = name.split()
    longest = max(range(len(words)), key=lambda k: len(words[k]))
    if len(words[longest]) < 5:
        return None
    words[longest] = typo(words[longest])
    return " ".join(words)

# 1. Typos: one edit in the longest word.
for n in random.sample(individuals, 40) + random.sample(entities, 25) + random.sample(vessels, 5):
    e = entries[n]
    base = person(e["name"]) if e["type"] == "individual" else e["name"]
    q = typo_name(base)
    if q and norm(q) not in listed_norm:
        add("typo", q, e["type"], "", n)

# 2. Transliterations: spellings that differ between romanizations.
TRANSLIT = [("MUHAMMAD", "MOHAMMED"), ("MOHAMMAD", "MUHAMMED"), ("MOHAMED", "MOHAMMED"),
            ("OU", "U"), ("KH", "H"), ("Q", "K"), ("YU", "IU"), ("IY", "I"), ("EE", "I"),
            ("DJ", "J"), ("SH", "SCH"), ("V", "W"), ("PH", "F"), ("AI", "AY"), ("YA", "IA"),
            ("ZH", "J"), ("TCH", "CH"), ("EI", "EY"), ("AH", "A"), ("OO", "U"), ("AA", "A")]
candidates = individuals + entities
random.shuffle(candidates)
count = 0
for n in candidates:
    e = entries[n]
    base = (person(e["name"]) if e["type"] == "individual" else e["name"]).upper()
    applicable = [(a, b) for a, b in TRANSLIT if a in base]
    if not applicable:
        continue
    a, b = random.choice(applicable)
    q = base.replace(a, b, 1).title()
    if norm(q) in listed_norm or norm(q) == norm(base):
        continue
    add("transliteration", q, e["type"], "", n)
    count += 1
    if count == 60:
        break

# 3. Reordered: surname first without the comma, or given names in another order.
for n in random.sample(individuals, 40):
    last, first = [p.strip() for p in entries[n]["name"].split(",", 1)]
    words = first.split()
    if len(words) >= 2 and random.random() < 0.5:
        q = f"{words[-1]} {' '.join(words[:-1])} {last}"
    else:
        q = f"{last.title()} {first}"
    add("reordered", q, "individual", "", n)

# 4. Legal forms missing or different.
forms = [n for n in entities if any(w in LEGAL for w in entries[n]["name"].replace(",", " ").split())]
for n in random.sample(forms, 40):
    words = entries[n]["name"].replace(",", " ").split()
    kept = [w for w in words if w not in LEGAL]
    if not kept:
        continue
    q = " ".join(kept)
    if random.random() < 0.4:
        q += " " + random.choice(["Ltd", "LLC", "Inc", "GmbH", "S.A.", "Limited", "Co."])
    add("legal-form", q, "entity", "", n)

# 5. Aliases: screened by a name from alt.csv (a.k.a., f.k.a.).
with_alias = [n for n, e in entries.items() if e["aliases"]]
for n in random.sample(with_alias, 40):
    kind, alias = random.choice(entries[n]["aliases"])
    e = entries[n]
    add("alias", person(alias) if e["type"] == "individual" else alias, e["type"], "", n)

# 6. Real-world spellings of well-known listed names.
for q, typ, n in [
    ("Osama bin Laden", "individual", 6365), ("Usama Bin Ladin", "individual", 6365),
    ("Ayman al-Zawahiri", "individual", 2676), ("Ayman Zawahri", "individual", 2676),
    ("Kim Jong-un", "individual", 20157), ("Bashar al-Assad", "individual", 12735),
    ("Joaquín Guzmán Loera", "individual", 6861), ("Nicolás Maduro Moros", "individual", 22790),
    ("Muammar Gaddafi", "individual", 12606), ("Moammar Qadhafi", "individual", 12606),
    ("Alexander Lukashenko", "individual", 9760), ("Aliaksandr Lukashenka", "individual", 9760),
    ("Ramzan Kadyrov", "individual", 23343), ("Hassan Nasrallah", "individual", 2686),
    ("Mahan Airlines", "entity", 12927), ("Banco Nacional de Cuba S.A.", "entity", 306),
    ("Rosneft Trading SA", "entity", 18299), ("Hamas", "entity", 4695),
    ("Los Zetas", "entity", 11438), ("The Taliban", "entity", 6636),
    ("Ismael Zambada García", "individual", 7226), ("Sirajuddin Haqqani", "individual", 10743),
]:
    add("known-spelling", q, typ, "", n)

# Negatives. 7. Listed names with their most distinctive word swapped for another word.
SWAP = ["CHILE", "NORWAY", "PACIFIC", "ATLAS", "SUMMIT", "MERIDIAN", "HORIZON", "CASCADE",
        "LIBERTY", "HARBOR", "GRANITE", "ORCHID", "FALCON", "CEDAR", "BEACON", "SILVER"]
swapped = 0
for n in random.sample(entities, 400):
    words = norm(entries[n]["name"]).split()
    content = [i for i, w in enumerate(words) if w not in LEGAL and len(w) > 3]
    if not 3 <= len(content) <= 6:
        continue
    i = max(content, key=lambda k: len(words[k]))
    words[i] = random.choice(SWAP)
    q = " ".join(words).title()
    if norm(q) in listed_norm or contains_listed_name(q):
        continue
    add("lookalike-swapped-word", q, "entity", "", None)
    swapped += 1
    if swapped == 60:
        break

# 8. Ordinary companies.
A = ["Northwind", "Bluewater", "Evergreen", "Redwood", "Silverline", "Goldcrest", "Ironbridge",
     "Clearwater", "Stonegate", "Brightstar", "Oakridge", "Westfield", "Harborview", "Sunrise"]
B = ["Trading", "Logistics", "Textiles", "Metals", "Foods", "Shipping", "Electronics", "Agro",
     "Chemicals", "Timber", "Machinery", "Garments"]
C = ["Ltd", "LLC", "Inc", "GmbH", "PLC", "S.A.", "Pte Ltd", "Corp"]
for _ in range(40):
    add("lookalike-company", f"{random.choice(A)} {random.choice(B)} {random.choice(C)}",
        "entity", random.choice(["GB", "US", "DE", "SG", ""]), None)

# 9. People: a listed given name with an unlisted surname, or a listed surname one letter off.
FIRST = ["John", "Maria", "Ahmed", "Ali", "Jose", "Wei", "Olga", "Hassan", "Carlos", "Fatima",
         "David", "Elena", "Omar", "Luis", "Anna", "Ibrahim"]
LAST = ["Thompson", "Fischer", "Lindqvist", "Okafor", "Nakamura", "Kowalski", "Brennan",
        "Haddad", "Moreau", "Jansen", "Castellano", "Whitaker", "Petrov", "Ferreira"]
people = 0
while people < 40:
    if random.random() < 0.5:
        q = f"{random.choice(FIRST)} {random.choice(LAST)}"
    else:
        last = norm(entries[random.choice(individuals)]["name"].split(",")[0]).split()[0]
        if len(last) < 6:
            continue
        q = f"{random.choice(FIRST)} {typo(typo(last.title()))}"
    if norm(q) in listed_norm or contains_listed_name(q):
        continue
    add("lookalike-person", q, "individual", "", None)
    people += 1

w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["kind", "query", "type", "country", "expected"])
for row in out:
    w.writerow(row)
