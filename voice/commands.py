"""What can be said after the wake word: the widgets' voice aliases and the control words,
and the intent each one means.

The grammar is built from the widget registry (``WidgetSpec.voice_aliases``), so a new widget
is speakable without touching this module. The Korean model knows no English words: English
aliases are kept for the day an English model is installed and skipped (with a log line) now."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kiosk import intents as i
from kiosk.registry import Registry, normalize_alias

log = logging.getLogger(__name__)

WAKE_PHRASE = "서울 아"  # "서울아" is not in the vocabulary; the two words are
WAKE_WORDS = tuple(WAKE_PHRASE.split())

# Control words: id -> (phrases, intent). Spelled as the model's vocabulary has them; "영어로"
# is not in it, and "영어 로" would put the bare "로" into the grammar, which swallowed calls.
CONTROLS: dict[str, tuple[tuple[str, ...], i.Intent]] = {
    "back": (("뒤로", "뒤로 가기", "back"), i.Back(i.Source.VOICE)),
    "home": (("처음으로", "처음 화면", "home"), i.Home(i.Source.VOICE)),
    "next": (("다음", "다음 화면", "next"), i.Next(i.Source.VOICE)),
    "previous": (("이전", "이전 화면", "previous"), i.Previous(i.Source.VOICE)),
    "private_mode": (("비공개 모드", "private mode"), i.EnterPrivateMode(i.Source.VOICE)),
    "lang_en": (("영어", "in english"), i.SetLanguage("en", i.Source.VOICE)),
    "lang_ko": (("한국어", "in korean"), i.SetLanguage("ko", i.Source.VOICE)),
}

# Words that absorb ordinary speech in the wake grammar. A grammar has no garbage model
# ([unk] is not in this model), so without them any speech is forced onto the wake word;
# "역", "시", "에서", "아산" make "서울역", "서울시", "서울아산병원" decode as such, not as
# "서울 아". (The compounds "서울역" and "서울시" as fillers took real calls too.)
FILLERS = (
    "안녕 하세요 오늘 날씨 서울 역 시청 시 에서 아파트 네 예 아니 그 저 이 사람 우리 지금"
    " 여기 거기 정말 진짜 감사 합니다 좋아요 음 서울아산병원 아산 병원"
).split()


@dataclass(frozen=True)
class Command:
    """A recognized command: the widget or control id and the intent it sends."""

    id: str
    intent: i.Intent


class CommandSet:
    """Every speakable command; ``match`` turns recognized words into a Command."""

    def __init__(self, registry: Registry, knows: Callable[[str], bool] = lambda _: True):
        self._by_alias: dict[str, Command] = {}
        self.phrases: list[str] = []
        skipped: list[str] = []
        entries: list[tuple[str, str, i.Intent]] = []
        for spec in registry.all():
            intent = i.ShowWidget(spec.id, i.Source.VOICE)
            for aliases in spec.voice_aliases.values():
                entries += [(alias, spec.id, intent) for alias in aliases]
        for control, (phrases, intent) in CONTROLS.items():
            entries += [(phrase, control, intent) for phrase in phrases]
        for phrase, command_id, intent in entries:
            if not knows(phrase):
                skipped.append(phrase)
                continue
            self._by_alias[normalize_alias(phrase)] = Command(command_id, intent)
            self.phrases.append(phrase)
        if skipped:
            log.info("voice: not in the model's vocabulary, not speakable: %s", ", ".join(skipped))

    def match(self, words: Iterable[str]) -> Command | None:
        """The one command these words say, joined without spaces ("대기 환경" is
        대기환경); None when they name nothing, or two different things (unclear)."""
        spoken = normalize_alias("".join(words))
        found = {command for alias, command in self._by_alias.items() if alias in spoken}
        return found.pop() if len(found) == 1 else None

    def wake_grammar(self) -> list[str]:
        """The proposer's phrases: the wake word, every command (so "서울아 대기환경" in one
        breath decodes as such) and the fillers."""
        return [WAKE_PHRASE, *self.phrases, *FILLERS]

    def command_grammar(self) -> list[str]:
        """The command window's phrases: commands, the wake word again, a few fillers for
        hesitations."""
        return [*self.phrases, WAKE_PHRASE, "음", "어"]
