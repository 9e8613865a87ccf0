"""Command line: ``python -m bot <command>`` (also installed as ``osce-bot``)."""
from __future__ import annotations

import argparse
import json
import sys
import time
import uuid
from pathlib import Path

DEFAULT_URL = "http://127.0.0.1:5005"


def _build(_: argparse.Namespace) -> int:
    from bot.build import build_database

    start = time.perf_counter()
    report = build_database()
    print(f"built in {time.perf_counter() - start:.1f} s: {report.documents} documents, {report.paragraphs} "
          f"paragraphs, {report.partners} partners, {report.answers} answers, {report.references} references")
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from bot.build import ingest_document

    doc = ingest_document(Path(args.file), title=args.title, short_title=args.short_title, kind=args.kind,
                          symbol=args.symbol, body=args.body, year=args.year)
    print(f"ingested « {doc.title} » as {doc.id}: its paragraphs are searchable now")
    return 0


def _search(args: argparse.Namespace) -> int:
    from bot.store import KnowledgeStore

    for passage in KnowledgeStore().search(args.query, limit=args.limit):
        print(f"[{passage.citation}] ({passage.coverage:.0%})\n  {passage.text}\n")
    return 0


def _ask(args: argparse.Namespace) -> int:
    from urllib.error import URLError

    from bot.evaluate import ask

    try:
        reply, _ = ask(args.url, args.sender or f"cli-{uuid.uuid4().hex[:8]}", args.question)
    except (URLError, ConnectionError) as error:
        print(f"Impossible de joindre l'assistant à {args.url} ({error}) : lancez-le avec `make run`.",
              file=sys.stderr)
        return 2
    print(reply)
    return 0


def _eval(args: argparse.Namespace) -> int:
    from urllib.error import URLError

    from bot.evaluate import evaluate

    try:
        score = evaluate(Path(args.questions), args.url)
    except (URLError, ConnectionError) as error:
        print(f"Impossible de joindre l'assistant à {args.url} ({error}) : lancez-le avec `make run`.",
              file=sys.stderr)
        return 2
    for line in score.failures if args.show_failures else []:
        print(line)
    print(score.summary())
    if args.json:
        Path(args.json).write_text(json.dumps(score.__dict__, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if (not args.strict or score.passed == score.items) else 1


def _lookup(_: argparse.Namespace) -> int:
    from bot.lookup import export

    print(f"wrote {export()}")
    return 0


def _train(args: argparse.Namespace) -> int:
    from bot.training import train_if_changed

    took = train_if_changed(force=args.force)
    print("model up to date, not retrained" if took is None else f"trained in {took:.0f} s")
    return 0


def _run(_: argparse.Namespace) -> int:
    from bot.servers import BadSettings, Settings, run_forever

    try:
        settings = Settings.from_env()
    except BadSettings as error:
        print(error, file=sys.stderr)
        return 2
    return run_forever(settings)


def _stack(_: argparse.Namespace) -> int:
    from bot.servers import BadSettings
    from bot.stack import run_stack

    try:
        return run_stack()
    except BadSettings as error:
        print(error, file=sys.stderr)
        return 2


def _endpoints(_: argparse.Namespace) -> int:
    from bot.endpoints import BadStoreUrl
    from bot.servers import BadSettings, Settings, write_endpoints

    try:
        path = write_endpoints(Settings.from_env())
    except (BadStoreUrl, BadSettings) as error:
        print(error, file=sys.stderr)
        return 2
    print(path.read_text(encoding="utf-8"), end="")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("build-db", help="rebuild the knowledge database").set_defaults(func=_build)
    ingest = sub.add_parser("ingest", help="add a text document to the corpus and index it")
    ingest.add_argument("file")
    ingest.add_argument("--title", required=True)
    ingest.add_argument("--short-title")
    ingest.add_argument("--kind", default="document")
    ingest.add_argument("--symbol")
    ingest.add_argument("--body")
    ingest.add_argument("--year", type=int)
    ingest.set_defaults(func=_ingest)
    search = sub.add_parser("search", help="full-text search over the paragraphs")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=3)
    search.set_defaults(func=_search)
    ask = sub.add_parser("ask", help="ask the running assistant one question")
    ask.add_argument("question")
    ask.add_argument("--url", default=DEFAULT_URL)
    ask.add_argument("--sender")
    ask.set_defaults(func=_ask)
    ev = sub.add_parser("eval", help="score the running assistant on a question file")
    ev.add_argument("questions")
    ev.add_argument("--url", default=DEFAULT_URL)
    ev.add_argument("--show-failures", action="store_true")
    ev.add_argument("--strict", action="store_true", help="exit 1 unless every item passes")
    ev.add_argument("--json")
    ev.set_defaults(func=_eval)
    train = sub.add_parser("train", help="train the Rasa model if config, domain or data changed")
    train.add_argument("--force", action="store_true")
    train.set_defaults(func=_train)
    sub.add_parser("run", help="start the action server, the Rasa server and the chat page").set_defaults(func=_run)
    sub.add_parser("stack", help="PostgreSQL, Redis, several Rasa replicas, the action server and nginx, "
                                 "as local processes").set_defaults(func=_stack)
    sub.add_parser("endpoints", help="write var/endpoints.yml from the OSCE_BOT_* settings and print it"
                   ).set_defaults(func=_endpoints)
    sub.add_parser("export-lookup", help="regenerate data/lookups.yml").set_defaults(func=_lookup)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)
