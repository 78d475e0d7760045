"""How long `dossier check` takes to answer for a long quote that is not in a long article.

    .venv/bin/python benchmarks/quote_not_found.py [--words 100000] [--quote-words 2000]

Builds an article of `--words` words (paragraphs of 40 to 120 words, a vocabulary of 5,000
words, deterministic) and times the whole answer for one quote of `--quote-words` words —
the look-up, the single-rule diagnosis and the closest passage with its difference — for:

- near: a passage of the article with one word in 50 changed (the closest passage is found);
- unrelated: words drawn from the same vocabulary in another order (nothing is close);
- elided: two passages of one paragraph joined by '...', the second one changed;
- repeated: an article of one word repeated in one paragraph, and an elided quote of that
  word whose last part is not there (the most places to try).

It prints one line per case; no test times anything (issue 11 asks for under a second).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier.model import Article
from dossier.problems import Location, ProblemList
from dossier.quotes import ArticleText
from dossier.text_checks import verify_quote


def article_body(words: int, rng: random.Random) -> tuple[str, list[str]]:
    vocabulary = [f"w{n}" for n in range(5000)]
    tokens = [rng.choice(vocabulary) for _ in range(words)]
    paragraphs, at = [], 0
    while at < len(tokens):
        size = rng.randint(40, 120)
        paragraphs.append(" ".join(tokens[at : at + size]) + ".")
        at += size
    return "\n\n".join(paragraphs) + "\n", tokens


def time_case(name: str, text: ArticleText, article: Article, quote: str) -> None:
    problems = ProblemList()
    started = time.perf_counter()
    spans = verify_quote(text, article, quote, Location("content/claims.yaml", 1, 1), problems)
    elapsed = time.perf_counter() - started
    [problem] = problems.sorted() or [None]
    said = problem.message.split(": ", 1)[-1][:60] if problem else "found"
    print(
        f"{name:<10} {len(quote.split()):>6} words  {elapsed:7.3f} s  found={spans is not None}  {problem.code if problem else ''} {said}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--quote-words", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    body, tokens = article_body(args.words, rng)
    started = time.perf_counter()
    text = ArticleText(body)
    print(f"article    {args.words:>6} words  {time.perf_counter() - started:7.3f} s  (visible text, folding, once per article)")
    article = Article(
        id="long",
        title="A long article",
        outlet="Example Times",
        authors=(),
        published=None,
        url=None,
        archived=None,
        language="en",
        body=body,
        location=Location("content/articles/long.md", 1),
        body_line=7,
    )

    start = len(tokens) // 2
    near = tokens[start : start + args.quote_words]
    near = [f"{word}x" if i % 50 == 25 else word for i, word in enumerate(near)]
    time_case("near", text, article, " ".join(near))
    time_case("unrelated", text, article, " ".join(rng.sample(tokens, args.quote_words)))
    first = body.split("\n\n")[len(body.split("\n\n")) // 2].split()
    time_case("elided", text, article, " ".join(first[:5]) + " ... " + " ".join(first[10:14]) + " changed")
    # The worst case for placing parts: an article of one word, in one paragraph, and a quote
    # whose first part is everywhere and whose last part is nowhere.
    same = ArticleText(" ".join(["the"] * args.words) + ".\n")
    time_case("repeated", same, article, "the the the ... the the ... the end")


if __name__ == "__main__":
    main()
