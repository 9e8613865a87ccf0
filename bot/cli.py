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
    from bot.knowledge.build import build_database

    start = time.perf_counter()
    report = build_database()
    print(f"built in {time.perf_counter() - start:.1f} s: {report.documents} documents, {report.paragraphs} "
          f"paragraphs, {report.partners} partners, {report.answers} answers, {report.references} references")
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from bot.knowledge.build import ingest_document

    doc = ingest_document(Path(args.file), title=args.title, short_title=args.short_title, kind=args.kind,
                          symbol=args.symbol, body=args.body, year=args.year)
    print(f"ingested « {doc.title} » as {doc.id}: its paragraphs are searchable now")
    return 0


def _search(args: argparse.Namespace) -> int:
    """What the ranker makes of a question: its terms, the best candidate and whether it would answer."""
    from bot.answering.cues import document_scope
    from bot.answering.ranker import Ranker
    from bot.knowledge.store import KnowledgeStore
    from bot.nlu.spacy_vectors import NLU_SPACY_MODEL

    store = KnowledgeStore()
    ranked = Ranker(store, NLU_SPACY_MODEL).rank(args.query, document_scope(args.query))
    print("termes : " + ", ".join("/".join(t.forms) for t in ranked.terms))
    verdict = "répond" if ranked.confident else "passage le plus proche" if ranked.close else "s'abstient"
    print(f"couverture {ranked.coverage:.0%}, type {'ok' if ranked.type_ok else 'non'}, écart {ranked.margin:.2f}"
          f" : {verdict}")
    if ranked.candidate:
        print(f"[{'; '.join(map(str, ranked.candidate.citations))}]\n  {ranked.candidate.text}")
    return 0


def _ask(args: argparse.Namespace) -> int:
    from urllib.error import URLError

    from bot.evaluation import ask

    try:
        reply, _ = ask(args.url, args.sender or f"cli-{uuid.uuid4().hex[:8]}", args.question)
    except (URLError, ConnectionError) as error:
        print(f"Impossible de joindre l'assistant à {args.url} ({error}) : lancez-le avec `make run`.",
              file=sys.stderr)
        return 2
    print(reply)
    return 0


def _eval(args: argparse.Namespace) -> int:
    """Score every question file; start the assistant on spare ports when none answers at ``--url``."""
    from bot.evaluation import reachable

    if reachable(args.url):
        return _score(args, args.url)
    import tempfile

    from bot.runtime.servers import Servers
    from bot.runtime.settings import Settings

    print(f"Aucun assistant sur {args.url} : démarrage d'un assistant pour l'évaluation...", flush=True)
    with tempfile.TemporaryDirectory() as var_dir:
        servers = Servers(Settings(rasa_port=19005, action_port=19055, web_port=19080, var_dir=Path(var_dir)))
        try:
            servers.start_all()
            servers.wait_ready()
            return _score(args, servers.settings.rasa_url)
        finally:
            servers.stop()


def _score(args: argparse.Namespace, url: str) -> int:
    from bot.evaluation import evaluate

    passed_all = True
    results = {}
    for questions in args.questions:
        score = evaluate(Path(questions), url)
        for line in score.failures if args.show_failures else []:
            print(line)
        print(f"{questions}: {score.summary()}", flush=True)
        passed_all &= score.passed == score.items
        results[questions] = score.__dict__
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if (not args.strict or passed_all) else 1


def _lookup(_: argparse.Namespace) -> int:
    from bot.nlu.lookup_tables import export

    print(f"wrote {export()}")
    return 0


def _train(args: argparse.Namespace) -> int:
    from bot.nlu.training import train_if_changed

    took = train_if_changed(force=args.force)
    print("model up to date, not retrained" if took is None else f"trained in {took:.0f} s")
    return 0


def _run(_: argparse.Namespace) -> int:
    from bot.runtime.servers import run_forever
    from bot.runtime.settings import BadSettings, Settings

    try:
        settings = Settings.from_env()
    except BadSettings as error:
        print(error, file=sys.stderr)
        return 2
    return run_forever(settings)


def _stack(_: argparse.Namespace) -> int:
    from bot.runtime.settings import BadSettings
    from bot.runtime.stack import run_stack

    try:
        return run_stack()
    except BadSettings as error:
        print(error, file=sys.stderr)
        return 2


def _endpoints(_: argparse.Namespace) -> int:
    from bot.runtime.endpoints import BadStoreUrl
    from bot.runtime.servers import write_endpoints
    from bot.runtime.settings import BadSettings, Settings

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
    search = sub.add_parser("search", help="show how the ranker reads a question and what it would answer")
    search.add_argument("query")
    search.set_defaults(func=_search)
    ask = sub.add_parser("ask", help="ask the running assistant one question")
    ask.add_argument("question")
    ask.add_argument("--url", default=DEFAULT_URL)
    ask.add_argument("--sender")
    ask.set_defaults(func=_ask)
    ev = sub.add_parser("eval", help="score the assistant on question files (starts one if none is running)")
    ev.add_argument("questions", nargs="+")
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
    sub.add_parser("export-lookup", help="regenerate data/nlu/lookups.yml").set_defaults(func=_lookup)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)
