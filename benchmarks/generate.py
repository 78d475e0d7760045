"""Synthetic dossiers of any size, deterministic from a seed.

    python benchmarks/generate.py N OUT_DIR [--seed S]

writes OUT_DIR/mkdocs.yml (the minimal configuration of the README) and OUT_DIR/content/:
N articles of about 600 words in content/articles/, N/2 entities with aliases and 3N claims
whose quotes are real passages of the generated articles. The curated file is
content/claims.yaml while it stays well under the 10 MB a content file may have, else a
content/claims/ folder of several files (the format allows either).

What the data has, so the benchmark exercises what real dossiers have:
- names with accents (Zoltán, Łukasz, Ségolène), aliases in other transliterations, and
  organizations with all-capitals acronyms (which match only in capitals);
- skewed mentions: entity popularity follows a Zipf law, so a few entities appear in a large
  share of the articles (about half of them for the most popular one);
- claims with one to four supporting articles, some contested (quotes that contradict them)
  and some disputed, some evidence credited `via` a wire service (Reuters, AP, AFP, ...),
  repeated by several outlets (one origin), some quotes elided with `...` or written with
  straight quotes where the article has curly ones;
- quantity measures whose values differ between claims (discrepancies), some as ranges;
- events with dates or date ranges, participants and countries.

The output passes `dossier check` with no error and no warning.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

MKDOCS_YML = """\
site_name: Synthetic dossier ({n} articles)
docs_dir: content
theme: material
plugins: [search, dossier]
"""

# Words an ellipsis must not leave out (contract v3, "negation-elided").
NEGATION = re.compile(r"(?i)\b(?:not|no|never|nor|neither|none|nothing|without)\b|n't\b|n’t\b")

# ----- vocabularies -----

FIRST_NAMES = (
    "Zoltán Łukasz Agnieszka Jürgen Ségolène Héctor João Søren Åsa Mikhail Sviatlana Ihar Dāvis Rūta Ionuț "
    "Çağla Özlem Anna Maria Pavel Tomáš Zuzana Katalin Gábor Piotr Małgorzata Jonas Ingrid Björn Elena Andrei "
    "Irina Oleksandr Olena Darius Aušra Kārlis Līga Mart Kadri Dmitri Natalia Sergei Tatiana Viktor Jana Milan "
    "Ewa Marek Helga Klaus François Hélène René Inés José Lucía Chloé Thomas Sarah James Laura Daniel Sofia "
    "Ahmed Leyla Emre Nikos Eleni Giorgos Ana Luka Ivana Bojan Miloš Dragana"
).split()
SURNAME_START = (
    "Kow Nov Bial Tsikh Mül Dvor Horv Kral Lis Petr Zaj Wiś Grab Pol Mar Sar Vel Kuz Mor Ben Dal Fer Gal Har "
    "Jak Lev Mak Nem Ost Rad Sok Tar Val Zel Bar Cer Dub Fil Hol Kam Lub Mir Pav Rusz Sem Tom Ursz Vor Wol Zub"
).split()
SURNAME_MID = ["", "an", "er", "ov", "el", "ic", "ar", "ol", "in", "ast", "ur"]
SURNAME_END = ("alski enko ovich ová ler escu sson ides ić auskas ienė anen mann eau ini ez yan oğlu ský ek uk").split()
# Transliteration variants, for a second alias: the same surname as another script would give it.
TRANSLIT = [
    ("ski", "sky"),
    ("ć", "ch"),
    ("ič", "ich"),
    ("ou", "u"),
    ("ü", "ue"),
    ("ł", "l"),
    ("ś", "s"),
    ("ová", "ova"),
    ("enko", "enka"),
    ("ovich", "ovitch"),
    ("ienė", "iene"),
    ("oğlu", "oglu"),
    ("escu", "esco"),
    ("sson", "son"),
    ("ides", "idis"),
    ("auskas", "ouskas"),
    ("ez", "es"),
]

COUNTRIES = [
    ("Belarus", "Belarusian"),
    ("Lithuania", "Lithuanian"),
    ("Latvia", "Latvian"),
    ("Estonia", "Estonian"),
    ("Poland", "Polish"),
    ("Ukraine", "Ukrainian"),
    ("Russia", "Russian"),
    ("Germany", "German"),
    ("France", "French"),
    ("Spain", "Spanish"),
    ("Portugal", "Portuguese"),
    ("Italy", "Italian"),
    ("Austria", "Austrian"),
    ("Hungary", "Hungarian"),
    ("Romania", "Romanian"),
    ("Bulgaria", "Bulgarian"),
    ("Serbia", "Serbian"),
    ("Croatia", "Croatian"),
    ("Slovenia", "Slovenian"),
    ("Slovakia", "Slovak"),
    ("Czechia", "Czech"),
    ("Sweden", "Swedish"),
    ("Norway", "Norwegian"),
    ("Finland", "Finnish"),
    ("Denmark", "Danish"),
    ("Iceland", "Icelandic"),
    ("Ireland", "Irish"),
    ("Netherlands", "Dutch"),
    ("Belgium", "Belgian"),
    ("Switzerland", "Swiss"),
    ("Greece", "Greek"),
    ("Türkiye", "Turkish"),
    ("Moldova", "Moldovan"),
    ("Armenia", "Armenian"),
    ("Azerbaijan", "Azerbaijani"),
    ("Kazakhstan", "Kazakh"),
    ("Uzbekistan", "Uzbek"),
    ("Mongolia", "Mongolian"),
    ("Japan", "Japanese"),
    ("China", "Chinese"),
    ("India", "Indian"),
    ("Brazil", "Brazilian"),
    ("Argentina", "Argentine"),
    ("Mexico", "Mexican"),
    ("Canada", "Canadian"),
    ("Australia", "Australian"),
    ("Egypt", "Egyptian"),
    ("Morocco", "Moroccan"),
    ("Nigeria", "Nigerian"),
    ("Kenya", "Kenyan"),
    ("Côte d’Ivoire", "Ivorian"),
    ("Perú", "Peruvian"),
    ("Colombia", "Colombian"),
    ("Chile", "Chilean"),
    ("Vietnam", "Vietnamese"),
    ("Indonesia", "Indonesian"),
    ("Israel", "Israeli"),
    ("Lebanon", "Lebanese"),
    ("Iran", "Iranian"),
    ("Pakistan", "Pakistani"),
]
COUNTRY_ACRONYMS = {"United States": "US", "United Kingdom": "UK", "European Union": "EU"}
CITIES = (
    "Vilnius Minsk Riga Tallinn Warsaw Kyiv Berlin Paris Madrid Lisbon Rome Vienna Budapest Bucharest "
    "Sofia Belgrade Zagreb Ljubljana Bratislava Prague Stockholm Oslo Helsinki Copenhagen Dublin "
    "Brussels Geneva Athens Ankara Chișinău Yerevan Baku Astana Tashkent"
).split()

ORG_ADJ = (
    "Baltic Nordic Central Eastern Western Northern Southern National Federal Regional Independent "
    "Joint United Free Democratic Civic Atlantic Continental Danubian Carpathian"
).split()
ORG_NOUN = "Council Committee Institute Agency Union Foundation Bureau Commission Alliance Office Centre Forum".split()
ORG_FIELD = (
    "Energy Policy|Human Rights|Press Freedom|Trade|Transport|Aviation|Maritime Safety|Public Health|"
    "Election Monitoring|Migration|Border Security|Fisheries|Agriculture|Digital Affairs|Nuclear Safety|"
    "Water Resources|Labour Standards|Minority Rights|Financial Stability|Cultural Heritage|"
    "Investigative Journalism|Railways|Telecommunications|Civil Aviation|Food Safety|Climate Research|"
    "Refugee Affairs|Judicial Reform|Anti-Corruption|Prisoner Welfare"
).split("|")
EVENT_KINDS = (
    "Summit|Talks|Conference|Prisoner Exchange|Election|Referendum|Border Incident|Trade Agreement|"
    "Protest|Ceasefire Talks|Donor Conference|Investigation|Strike|Forum"
).split("|")

OUTLETS = [
    "Reuters",
    "AP",
    "AFP",
    "The New York Times",
    "The Guardian",
    "Le Monde",
    "El País",
    "Süddeutsche Zeitung",
    "Gazeta Wyborcza",
    "Delfi",
    "LRT",
    "Meduza",
    "Novaya Gazeta Europe",
    "Kyiv Independent",
    "Politico Europe",
    "Financial Times",
    "The Economist",
    "Deutsche Welle",
    "BBC News",
    "Radio Free Europe",
    "Euronews",
    "Der Spiegel",
    "Le Figaro",
    "Corriere della Sera",
    "Dagens Nyheter",
    "Helsingin Sanomat",
    "Postimees",
    "Diena",
    "Nasha Niva",
    "Zerkalo",
    "Belsat",
    "Interfax",
    "TASS",
    "Belta",
    "Kommersant",
    "Hospodářské noviny",
    "Népszava",
    "Jutarnji list",
    "Kathimerini",
    "Hürriyet",
    "Neue Zürcher Zeitung",
    "Público",
    "La Repubblica",
    "The Irish Times",
    "NRC",
    "Le Soir",
    "Aftenposten",
    "Politiken",
    "Ukrainska Pravda",
    "Notes From Poland",
]
WIRES = ["Reuters", "AP", "AFP", "Interfax", "TASS", "Belta"]
AUTHORS_FIRST = "Anna Jonas Maria Piotr Elena Tomas Sarah James Ingrid Mart Olena Luka".split()
AUTHORS_LAST = (
    "Kottász Nowak Petrauskas Ozols Tamm Schmidt Dupont García Rossi Andersson Virtanen Horváth Kovalenko Ivanova Papadopoulos Yılmaz"
).split()

FILLER_ADJ = (
    "new old recent wider local regional slow quiet long brief public private formal informal "
    "careful difficult open closed early late modest sharp steady cautious uncertain"
).split()
FILLER_NOUN = (
    "talks meeting ministry delegation statement report agreement budget schedule committee "
    "proposal document office region market border harbour railway court hearing decision "
    "process programme network season winter summer morning evening request response"
).split()
FILLER_VERB = (
    "delayed reviewed discussed confirmed questioned postponed described welcomed rejected "
    "summarised examined revised extended outlined noted criticised defended"
).split()
FILLER_PREP = "after before during despite without beyond within against across about".split()
FILLER_LEAD = (
    "Meanwhile,|In the capital,|According to observers,|Earlier this week,|By the evening,|"
    "Separately,|For now,|Even so,|In a statement,|At the same time,"
).split("|")
TOPICS = (
    "sanctions relief|prisoner releases|border talks|energy deal|press freedom|trade routes|"
    "election dispute|aviation ban|refugee crisis|judicial reform|pipeline row|grain exports"
).split("|")

MONTHS = "January February March April May June July August September October November December".split()


def _gives(quote: str, value: object) -> bool:
    """Whether the quote writes every number of a claim's value (a number, or the ends of a range)."""
    words = quote.split()
    return all(str(number) in words for number in (value if isinstance(value, tuple) else (value,)))


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def fold_key(name: str) -> str:
    """How the check compares names: ignoring case and accents (capitals-only names exactly)."""
    if name.upper() == name and any(c.isalpha() for c in name):
        return "CAPS:" + name
    base = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in base if not unicodedata.combining(c)).casefold().split())


def long_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def y(value: object) -> str:
    """A YAML scalar: JSON strings are valid YAML double-quoted scalars."""
    return json.dumps(value, ensure_ascii=False)


# ----- the model being generated -----


@dataclass
class GenEntity:
    id: str
    kind: str  # people | countries | organizations | events
    name: str
    aliases: list[str]
    summary: str
    countries: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    date: object = None  # events: a date or (start, end)
    wikidata: str | None = None

    @property
    def short(self) -> str:
        """How an article refers to it after the first mention."""
        return self.aliases[0] if self.aliases else self.name


@dataclass
class GenEvidence:
    article: str
    stance: str
    quote: str
    via: str | None = None
    note: str | None = None


@dataclass
class GenClaim:
    id: str
    text: str
    about: list[str]
    date: dt.date | None
    quantity: tuple[str, object] | None
    support: str  # the sentence supporting articles print (without attribution)
    contra: str  # the sentence contradicting articles print
    evidence: list[GenEvidence] = field(default_factory=list)


@dataclass
class GenArticle:
    id: str
    title: str
    outlet: str
    authors: list[str]
    published: dt.date
    sentences: list[str] = field(default_factory=list)  # fact sentences, placed among filler


class Generator:
    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.rng = random.Random(seed)
        self.names_used: set[str] = set()  # fold keys of every name and alias
        self.ids_used: set[str] = set()
        self.entities: list[GenEntity] = []
        self.by_kind: dict[str, list[GenEntity]] = {"people": [], "countries": [], "organizations": [], "events": []}
        self.articles: list[GenArticle] = []
        self.claims: list[GenClaim] = []

    # ----- entities -----

    def _unique_id(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self.ids_used:
            candidate, n = f"{base}-{n}", n + 1
        self.ids_used.add(candidate)
        return candidate

    def _claim_name(self, name: str) -> bool:
        key = fold_key(name)
        if key in self.names_used:
            return False
        self.names_used.add(key)
        return True

    def _add(self, entity: GenEntity) -> None:
        self.entities.append(entity)
        self.by_kind[entity.kind].append(entity)

    def make_entities(self) -> None:
        rng = self.rng
        total = max(20, self.n // 2)
        n_countries = min(len(COUNTRIES) + len(COUNTRY_ACRONYMS), max(5, total // 20))
        n_events = max(2, total // 10)
        n_orgs = max(3, total // 4)
        n_people = total - n_countries - n_events - n_orgs
        # Reserve the outlets' and wires' names: they appear in text and must not be entities' names.
        for reserved in (*OUTLETS, *CITIES, *(c.upper() for c in CITIES)):
            self.names_used.add(fold_key(reserved))

        for name, acronym in list(COUNTRY_ACRONYMS.items())[: max(0, n_countries - len(COUNTRIES))]:
            self._claim_name(name), self._claim_name(acronym)
            self._add(GenEntity(self._unique_id(slug(name)), "countries", name, [acronym], f"{name}, a country."))
        for name, adjective in COUNTRIES[: n_countries - len(self.by_kind["countries"])]:
            self._claim_name(name), self._claim_name(adjective)
            qid = f"Q{rng.randint(10, 99999)}"
            self._add(GenEntity(self._unique_id(slug(name)), "countries", name, [adjective], f"{name}, a country.", wikidata=qid))
        countries = self.by_kind["countries"]

        surnames = [a + b + c for a in SURNAME_START for b in SURNAME_MID for c in SURNAME_END]
        rng.shuffle(surnames)
        for surname in surnames:
            if len(self.by_kind["people"]) >= n_people:
                break
            first = rng.choice(FIRST_NAMES)
            name = f"{first} {surname}"
            if fold_key(name) in self.names_used or fold_key(surname) in self.names_used:
                continue
            self._claim_name(name), self._claim_name(surname)
            aliases = [surname]
            for old, new in TRANSLIT:
                if old in surname and rng.random() < 0.7:
                    variant = surname.replace(old, new)
                    if self._claim_name(variant):
                        aliases.append(variant)
                        if self._claim_name(f"{first} {variant}"):
                            aliases.append(f"{first} {variant}")
                    break
            home = rng.choice(countries)
            role = rng.choice(
                [
                    "minister",
                    "opposition leader",
                    "journalist",
                    "lawyer",
                    "diplomat",
                    "envoy",
                    "human rights campaigner",
                    "economist",
                    "party official",
                    "mayor",
                ]
            )
            summary = f"{home.aliases[0] if home.aliases else home.name} {role}; appears in reporting on {rng.choice(TOPICS)}."
            self._add(GenEntity(self._unique_id(slug(name)), "people", name, aliases, summary, countries=[home.id]))

        while len(self.by_kind["organizations"]) < n_orgs:
            name = f"{rng.choice(ORG_ADJ)} {rng.choice(ORG_NOUN)} for {rng.choice(ORG_FIELD)}"
            if not self._claim_name(name):
                continue
            acronym = "".join(w[0] for w in re.split(r"[\s-]+", name) if w[0].isupper())
            aliases = []
            if len(acronym) >= 3 and self._claim_name(acronym):
                aliases.append(acronym)
            home = rng.choice(countries)
            self._add(
                GenEntity(
                    self._unique_id(slug(name)),
                    "organizations",
                    name,
                    aliases,
                    f"An organization based in {home.name}.",
                    countries=[home.id],
                )
            )

        while len(self.by_kind["events"]) < n_events:
            city = rng.choice(CITIES)
            kind = rng.choice(EVENT_KINDS)
            start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365))
            name = f"{city} {kind} of {MONTHS[start.month - 1]} {start.year}"
            if not self._claim_name(name):
                continue
            aliases = []
            alias = f"{kind} in {city} ({start.year})"
            if self._claim_name(alias):
                aliases.append(alias)
            date: object = start
            if rng.random() < 0.3:
                date = (start, start + dt.timedelta(days=rng.randint(1, 5)))
            participants = [e.id for e in rng.sample(self.by_kind["people"] + self.by_kind["organizations"], k=rng.randint(2, 4))]
            where = [c.id for c in rng.sample(countries, k=min(len(countries), rng.randint(1, 2)))]
            self._add(
                GenEntity(
                    self._unique_id(slug(name)),
                    "events",
                    name,
                    aliases,
                    f"{kind} held in {city}.",
                    countries=where,
                    participants=participants,
                    date=date,
                )
            )

        # Popularity: a Zipf law over a shuffled order (s = 0.9): the first few entities are
        # mentioned in a large share of the articles.
        self.popular = self.entities[:]
        rng.shuffle(self.popular)
        self.cumulative = list(accumulate(1 / (rank + 1) ** 0.9 for rank in range(len(self.popular))))

    def pick_entities(self, k: int) -> list[GenEntity]:
        chosen: dict[str, GenEntity] = {}
        total = self.cumulative[-1]
        for _ in range(k * 3):
            if len(chosen) >= k:
                break
            entity = self.popular[min(bisect_left(self.cumulative, self.rng.random() * total), len(self.popular) - 1)]
            chosen.setdefault(entity.id, entity)
        return list(chosen.values())

    # ----- articles and claims -----

    def make_articles(self) -> None:
        rng = self.rng
        start = dt.date(2019, 1, 1)
        counts: dict[str, int] = {}
        for _index in range(self.n):
            outlet = OUTLETS[min(int(rng.paretovariate(1.2)) - 1, len(OUTLETS) - 1)] if rng.random() < 0.5 else rng.choice(OUTLETS)
            published = start + dt.timedelta(days=rng.randrange(7 * 365))
            base = f"{slug(outlet)}-{published.isoformat()}"
            counts[base] = counts.get(base, 0) + 1
            article_id = base if counts[base] == 1 else f"{base}-{counts[base]}"
            authors = [f"{rng.choice(AUTHORS_FIRST)} {rng.choice(AUTHORS_LAST)}" for _ in range(rng.choice([0, 1, 1, 1, 2]))]
            self.articles.append(GenArticle(article_id, "", outlet, authors, published))

    def _fact(self, subject: GenEntity, other: GenEntity | None, day: dt.date) -> tuple[str, str, str, tuple | None]:
        """(claim text, supporting sentence, contradicting sentence, quantity) about the entities."""
        rng = self.rng
        o = other.name if other else f"officials in {rng.choice(CITIES)}"
        when = long_date(day)
        form = rng.randrange(5)
        if form == 0:
            return (
                f"{subject.name} met {o} on {when}.",
                f"{subject.name} met {o} on {when} to discuss {rng.choice(TOPICS)}",
                f"No meeting between {subject.name} and {o} took place on {when}",
                None,
            )
        if form == 1:
            return (
                f"{subject.name} signed an agreement on {rng.choice(TOPICS)} with {o}.",
                f"{subject.name} signed an agreement with {o}, a document seen by reporters shows",
                f"{subject.name} has not signed any agreement with {o}, officials insisted",
                None,
            )
        if form == 2:
            measure = (
                f"{slug(subject.name)}-{rng.choice(['prisoners-freed', 'staff-dismissed', 'flights-cancelled', 'fines-issued'])}-{day.year}"
            )
            noun = " ".join(measure.split("-")[-3:-1])
            value: object = rng.choice([12, 20, 25, 52, 100, 123, 140, 300, 1300])
            if rng.random() < 0.15:
                value = (value, value + rng.choice([5, 10, 20]))
            shown = f"between {value[0]} and {value[1]}" if isinstance(value, tuple) else str(value)
            return (
                f"{subject.name} reported {shown} {noun} in {day.year}.",
                f"{subject.name} reported {shown} {noun} in {day.year}, figures released on {when} show",
                f"{subject.name} reported far fewer {noun.split()[0]} in {day.year} than announced",
                (measure, value),
            )
        if form == 3:
            return (
                f"{subject.name} criticised {o} over {rng.choice(TOPICS)}.",
                f"“We will not accept this,” {subject.name} said of {o} on {when}",
                f"{subject.name} has never publicly criticised {o}, aides said",
                None,
            )
        o = other.name if other else rng.choice(CITIES)
        return (
            f"{subject.name} visited {o} in {MONTHS[day.month - 1]} {day.year}.",
            f"{subject.name} arrived in {o} for a visit on {when}, the first in years",
            f"{subject.name} did not travel to {o} in {MONTHS[day.month - 1]} {day.year}, contrary to reports",
            None,
        )

    def make_claims(self) -> None:
        rng = self.rng
        measures: list[GenClaim] = []  # the first claim of each measure
        for index in range(3 * self.n):
            if measures and rng.random() < 0.04:
                claim = self._second_value(rng.choice(measures), index)
            else:
                about = self.pick_entities(rng.choice([1, 2, 2, 3]))
                subject = about[0]
                other = about[1] if len(about) > 1 else None
                day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365))
                text, support, contra, quantity = self._fact(subject, other, day)
                dated = rng.random() < 0.7
                claim = GenClaim(
                    self._claim_id(subject, index), text, [e.id for e in about], day if dated else None, quantity, support, contra
                )
                if quantity is not None:
                    measures.append(claim)
            self._evidence(claim, self._entity(claim.about[0]))
            self.claims.append(claim)

    def _second_value(self, first: GenClaim, index: int) -> GenClaim:
        """Another claim on the measure of `first`: a discrepancy when its value differs."""
        subject = self._entity(first.about[0])
        measure, _old = first.quantity
        value = self.rng.choice([11, 19, 26, 50, 52, 101, 128, 150, 310, 1400])
        noun, year = " ".join(measure.split("-")[-3:-1]), measure.split("-")[-1]
        return GenClaim(
            self._claim_id(subject, index),
            f"{subject.name} reported {value} {noun} in {year}.",
            list(first.about),
            first.date,
            (measure, value),
            f"{subject.name} reported {value} {noun} in {year}, according to an internal tally",
            f"The tally of {value} {noun} attributed to {subject.name} is wrong",
        )

    def _entity(self, entity_id: str) -> GenEntity:
        if not hasattr(self, "_by_id"):
            self._by_id = {e.id: e for e in self.entities}
        return self._by_id[entity_id]

    def _claim_id(self, subject: GenEntity, index: int) -> str:
        return self._unique_id(f"{subject.id[:40].rstrip('-')}-c{index}")

    def _evidence(self, claim: GenClaim, subject: GenEntity) -> None:
        rng = self.rng
        roll = rng.random()
        supports = rng.choice([1, 1, 1, 2, 2, 2, 3, 4])
        contradicts = 0
        if roll < 0.10:  # contested
            contradicts = rng.choice([1, 1, 2])
        elif roll < 0.13:  # disputed
            supports, contradicts = 0, 1
        wire = rng.choice(WIRES) if rng.random() < 0.2 else None
        chosen = rng.sample(range(len(self.articles)), k=min(len(self.articles), supports + contradicts))
        for n, article_index in enumerate(chosen):
            article = self.articles[article_index]
            stance = "supports" if n < supports else "contradicts"
            sentence = claim.support if stance == "supports" else claim.contra
            via = None
            if stance == "supports" and wire and article.outlet != wire:
                via = wire
                printed = f"{sentence}, {wire} reported."
            else:
                printed = f"{sentence}."
            # An article says a thing once: a second copy would make its quotes ambiguous.
            if not any(s.startswith(sentence) for s in article.sentences):
                article.sentences.append(printed)
            quote = self._quote(sentence)
            if stance == "supports" and claim.quantity is not None and not _gives(quote, claim.quantity[1]):
                quote = sentence  # a value must be in its quotes (contract v3): the analyst quotes the number
            note = "Reported second-hand." if via and rng.random() < 0.2 else None
            claim.evidence.append(GenEvidence(article.id, stance, quote, via, note))

    def _quote(self, sentence: str) -> str:
        """The passage an analyst would copy: whole, shortened, elided, or with straight quotes."""
        rng = self.rng
        words = sentence.split()
        roll = rng.random()
        if roll < 0.15 and len(words) > 10 and not NEGATION.search(" ".join(words[4:7])):
            # Leaves out a few words in the middle: the rest still says which sentence it is
            # (never a negation: that is a warning, contract v3).
            return " ".join(words[:4]) + " ... " + " ".join(words[7:])
        if roll < 0.35 and len(words) > 8:
            return " ".join(words[: len(words) - 2])
        quote = sentence.replace("“", '"').replace("”", '"') if roll < 0.5 else sentence
        return quote

    # ----- text -----

    def filler(self) -> str:
        rng = self.rng
        words = [rng.choice(FILLER_LEAD)] if rng.random() < 0.3 else []
        words += [
            "the",
            rng.choice(FILLER_ADJ),
            rng.choice(FILLER_NOUN),
            rng.choice(FILLER_VERB),
            "the",
            rng.choice(FILLER_NOUN),
            rng.choice(FILLER_PREP),
            "the",
            rng.choice(FILLER_ADJ),
            rng.choice(FILLER_NOUN),
        ]
        if rng.random() < 0.6:
            words += [
                "and",
                rng.choice(FILLER_VERB),
                "a",
                rng.choice(FILLER_ADJ),
                rng.choice(FILLER_NOUN),
                rng.choice(FILLER_PREP),
                "the",
                rng.choice(FILLER_NOUN),
            ]
        sentence = " ".join(words)
        return sentence[0].upper() + sentence[1:] + "."

    def background(self, entity: GenEntity) -> str:
        rng = self.rng
        name = entity.name if rng.random() < 0.5 else rng.choice([entity.name, *entity.aliases])
        return rng.choice(
            [
                f"{name} has been at the centre of the {rng.choice(FILLER_NOUN)} for months.",
                f"Observers expect {name} to respond to the {rng.choice(FILLER_ADJ)} {rng.choice(FILLER_NOUN)} soon.",
                f"The role of {name} in the {rng.choice(TOPICS)} remains disputed.",
                f"A spokesperson for {name} declined to comment on the {rng.choice(FILLER_NOUN)}.",
            ]
        )

    def article_text(self, article: GenArticle) -> str:
        rng = self.rng
        mentioned = self.pick_entities(rng.randint(5, 10))
        lead = mentioned[0]
        article.title = f"{lead.name}: {rng.choice(FILLER_ADJ)} {rng.choice(FILLER_NOUN)} over {rng.choice(TOPICS)}"
        sentences = [self.background(e) for e in mentioned]
        facts = list(article.sentences)
        words = sum(len(s.split()) for s in sentences + facts)
        while words < 600:
            s = self.filler()
            sentences.append(s)
            words += len(s.split())
        rng.shuffle(sentences)
        # Fact sentences are spread out, never split across paragraphs.
        for fact in facts:
            sentences.insert(rng.randrange(len(sentences) + 1), fact)
        paragraphs, current = [], []
        for s in sentences:
            current.append(s)
            if len(current) >= rng.randint(2, 5):
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
        dateline = f"{rng.choice(CITIES).upper()}, {long_date(article.published)} — "
        paragraphs[0] = dateline + paragraphs[0]
        return "\n\n".join(paragraphs) + "\n"

    # ----- writing -----

    def write(self, out: Path) -> None:
        content = out / "content"
        if content.exists():
            shutil.rmtree(content)
        (content / "articles").mkdir(parents=True)
        (out / "mkdocs.yml").write_text(MKDOCS_YML.format(n=self.n), "utf-8")
        for article in self.articles:
            body = self.article_text(article)
            front = [f"title: {y(article.title)}", f"outlet: {y(article.outlet)}"]
            if article.authors:
                front.append(f"author: {y(article.authors[0]) if len(article.authors) == 1 else y(article.authors)}")
            front.append(f"published: {article.published.isoformat()}")
            front.append(f"url: https://example.org/{article.id}")
            (content / "articles" / f"{article.id}.md").write_text("---\n" + "\n".join(front) + "\n---\n" + body, "utf-8")

        entities = self._entities_yaml()
        claims = [self._claim_yaml(c) for c in self.claims]
        size = len(entities.encode()) + sum(len(c.encode()) for c in claims)
        if size < 8 * 1024 * 1024:
            (content / "claims.yaml").write_text(entities + "claims:\n" + "".join(claims), "utf-8")
        else:
            folder = content / "claims"
            folder.mkdir()
            (folder / "entities.yaml").write_text(entities, "utf-8")
            for part, start in enumerate(range(0, len(claims), 5000)):
                (folder / f"claims-{part + 1:03d}.yaml").write_text("claims:\n" + "".join(claims[start : start + 5000]), "utf-8")

    def _entities_yaml(self) -> str:
        lines = []
        for kind in ("people", "countries", "organizations", "events"):
            lines.append(f"{kind}:")
            for e in self.by_kind[kind]:
                lines.append(f"  - id: {e.id}")
                lines.append(f"    name: {y(e.name)}")
                if e.aliases:
                    lines.append(f"    aliases: [{', '.join(y(a) for a in e.aliases)}]")
                lines.append(f"    summary: {y(e.summary)}")
                if e.wikidata:
                    lines.append(f"    wikidata: {e.wikidata}")
                if kind == "events":
                    if isinstance(e.date, tuple):
                        lines.append(f"    date: {{start: {e.date[0].isoformat()}, end: {e.date[1].isoformat()}}}")
                    else:
                        lines.append(f"    date: {e.date.isoformat()}")
                    lines.append(f"    participants: [{', '.join(e.participants)}]")
                if e.countries:
                    lines.append(f"    countries: [{', '.join(e.countries)}]")
        return "\n".join(lines + self._measures_yaml()) + "\n"

    def _measures_yaml(self) -> list[str]:
        """Every measure the claims use, declared with a name and a unit (contract v2)."""
        measures = dict.fromkeys(c.quantity[0] for c in self.claims if c.quantity)
        lines = ["measures:"] if measures else []
        for measure in measures:
            words = measure.split("-")
            lines += [f"  - id: {measure}", f"    name: {y(' '.join(words).capitalize())}", f"    unit: {words[-3]}"]
        return lines

    def _claim_yaml(self, c: GenClaim) -> str:
        lines = [f"  - id: {c.id}", f"    text: {y(c.text)}", f"    about: [{', '.join(c.about)}]"]
        if c.date:
            lines.append(f"    date: {c.date.isoformat()}")
        if c.quantity:
            measure, value = c.quantity
            shown = f"{{min: {value[0]}, max: {value[1]}}}" if isinstance(value, tuple) else str(value)
            lines.append(f"    quantity: {{measure: {measure}, value: {shown}}}")
        lines.append("    evidence:")
        for item in c.evidence:
            lines.append(f"      - article: {item.article}")
            lines.append(f"        stance: {item.stance}")
            lines.append(f"        quote: {y(item.quote)}")
            if item.via:
                lines.append(f"        via: {y(item.via)}")
            if item.note:
                lines.append(f"        note: {y(item.note)}")
        return "\n".join(lines) + "\n"


def generate(n: int, out: Path, seed: int = 1) -> dict[str, int]:
    gen = Generator(n, seed)
    gen.make_entities()
    gen.make_articles()
    gen.make_claims()
    gen.write(out)
    return {"articles": len(gen.articles), "entities": len(gen.entities), "claims": len(gen.claims)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="output folder (mkdocs.yml and content/ are written there)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = generate(args.n, args.out, args.seed)
    print(f"wrote {args.out}: {counts['articles']} articles, {counts['entities']} entities, {counts['claims']} claims")


if __name__ == "__main__":
    main()
