"""Score a running assistant on a question file (format of shared/eval/questions.yml).

Each item is one conversation with a fresh sender id, over Rasa's REST channel.
Matching follows the question set's README: lower-cased, accent-free, regexes.
"""
from __future__ import annotations

import json
import re
import statistics
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.knowledge.normalize import fold

# An honest « je ne sais pas », as ../shared/eval/score.py counts it: a failed turn
# whose reply matches this is an abstention; any other failed turn is off-target.
ABSTENTION = re.compile(
    r"je n'ai pas compris|reformul|je ne (sais|trouve|peux|connais)|pas d'information|aucune information|"
    r"(ne|n')\s?(le |l'|y )?(precisent|disent|nomment|mentionnent|donnent|indiquent|citent|parlent|couvrent|abordent"
    r"|emploient|evoquent)|ne figure pas dans les documents|je prefere ne rien avancer|de quel (pays|document)"
    r"|je parle uniquement"
)


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", fold(text).replace("æ", "ae")).strip()


def ask(url: str, sender: str, message: str, timeout: float = 30) -> tuple[str, list[dict]]:
    """Send one message over REST; return the joined reply text (buttons' titles included) and raw messages."""
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(url.rstrip("/") + "/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        messages = json.loads(response.read() or b"[]")
    parts: list[str] = []
    for m in messages:
        if m.get("text"):
            parts.append(m["text"])
        parts += [b.get("title", "") for b in m.get("buttons") or []]
    return "\n".join(parts), messages


@dataclass
class Score:
    items: int = 0
    passed: int = 0
    turns: int = 0
    turns_passed: int = 0
    wrong_facts: int = 0
    off_target: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lat = sorted(self.latencies_ms) or [0.0]
        p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))]
        return (f"score: {self.passed}/{self.items} items ({100 * self.passed / max(1, self.items):.1f}%), "
                f"turns {self.turns_passed}/{self.turns}, wrong facts {self.wrong_facts}, "
                f"off-target {self.off_target}, "
                f"p50 {statistics.median(lat):.0f} ms, p95 {p95:.0f} ms")


def reachable(url: str) -> bool:
    """Whether a Rasa server answers at ``url``."""
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/", timeout=2):
            return True
    except OSError:
        return False


def evaluate(questions: Path, url: str) -> Score:
    items = yaml.safe_load(questions.read_text(encoding="utf-8")) or []
    score = Score(items=len(items))
    for item in items:
        sender = f"eval-{uuid.uuid4().hex[:12]}"
        ok_item = True
        for turn in item["turns"]:
            start = time.perf_counter()
            reply, _ = ask(url, sender, turn["q"])
            score.latencies_ms.append((time.perf_counter() - start) * 1000)
            norm = normalize(reply)
            missing = [p for p in turn.get("expect", []) if not re.search(normalize(p), norm)]
            present = [p for p in turn.get("forbid", []) if re.search(normalize(p), norm)]
            score.turns += 1
            score.wrong_facts += bool(present)
            if missing or present:
                ok_item = False
                off = not present and not ABSTENTION.search(norm)
                score.off_target += off
                kind = "WRONG" if present else "OFF-TARGET" if off else "FAIL"
                score.failures.append(f"{kind} {item['id']}: {turn['q']!r} -> {reply[:300]!r} "
                                      f"missing={missing} forbidden={present}")
            else:
                score.turns_passed += 1
        score.passed += ok_item
    return score
