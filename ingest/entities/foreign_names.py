"""Bodies named in French, Spanish or Portuguese: the head comes first ("Coalición Nacional de
Mujeres del Ecuador", "Bureau d'appui aux femmes et aux enfants").

UN reports cite national bodies and civil society by their own names. English title rules look
for capitalized modifiers before a head word, so these names come out in pieces, or as the place
they end in ("Ecuador"). Here a name starts at a head word of those languages and runs on over
capitalized words, the languages' connectors and lowercase words that are theirs rather than
English ("appui", "femmes"), up to punctuation or an English word. Pure functions over a string.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

HEADS = {
    # Spanish
    "Coalición", "Comisión", "Consejo", "Fundación", "Asociación", "Instituto", "Observatorio", "Organización",
    "Ministerio", "Secretaría", "Red", "Federación", "Confederación", "Movimiento", "Unión", "Centro", "Oficina",
    "Alianza", "Colectivo", "Frente", "Plataforma", "Defensoría", "Procuraduría", "Fiscalía", "Corte", "Asamblea",
    "Congreso", "Sindicato", "Grupo", "Programa", "Servicio", "Dirección", "Departamento", "Autoridad", "Agencia",
    "Comité", "Mesa", "Tribunal", "Unidad",
    # French
    "Bureau", "Conseil", "Fondation", "Institut", "Observatoire", "Ministère", "Secrétariat", "Réseau", "Fédération",
    "Mouvement", "Centre", "Office", "Alliance", "Collectif", "Front", "Plateforme", "Cour", "Assemblée", "Syndicat",
    "Groupe", "Programme", "Service", "Direction", "Autorité", "Agence", "Association", "Union", "Commission",
    "Organisation", "Coalition", "Unité", "Rassemblement", "Ligue", "Cellule", "Haut", "Haute", "Délégation",
    # Portuguese
    "Fundação", "Associação", "Conselho", "Comissão", "Rede", "Movimento", "Secretaria", "Ministério", "Defensoria",
}
# Connectors that only these languages use: one of them (or an accented letter) marks the name as theirs.
MARKERS = {"de", "del", "des", "du", "la", "las", "los", "le", "les", "pour", "para", "por", "contra", "y", "et",
           "aux", "au", "sobre", "avec", "do", "da", "dos", "das"}
CONNECTORS = MARKERS | {"en", "a", "e", "al", "con", "sur", "no", "na"}
_ELIDED = re.compile(r"^(?:d|l|D|L)['\u2019]")  # "d'appui", "l'enfance"
_WORD = re.compile(r"[^\s]+")
_ACCENT = re.compile(r"[\u00C0-\u024F]")


@dataclass(frozen=True)
class Name:
    """A body's name in another language: its span."""

    start: int
    end: int


@functools.lru_cache(maxsize=4096)
def _theirs(word: str) -> bool:
    """A lowercase word more frequent in French, Spanish or Portuguese than in English."""
    from wordfreq import zipf_frequency

    w = word.lower()
    return max(zipf_frequency(w, lang) for lang in ("fr", "es", "pt")) > zipf_frequency(w, "en") + 0.5


def find_foreign_bodies(text: str) -> list[Name]:
    """Spans of bodies named in French, Spanish or Portuguese."""
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    out: list[Name] = []
    i = 0
    while i < len(words):
        word = words[i][0]
        if word not in HEADS:
            i += 1
            continue
        last, marked = i, bool(_ACCENT.search(word))
        j = i + 1
        while j < len(words):
            raw = words[j][0]
            core = raw.rstrip(",.;:)\u201d\"")
            stem = _ELIDED.sub("", core)
            if not core or not stem or not re.fullmatch(r"[\w\-\u00C0-\u024F]+", stem):
                break  # "–", "(", a number glued to punctuation
            if _ELIDED.match(core) or core in MARKERS:
                marked = True
            elif core in CONNECTORS:
                pass
            elif stem[:1].isupper():
                marked = marked or bool(_ACCENT.search(stem))
            elif _theirs(stem):
                marked = True
            else:
                break  # an English word: the sentence goes on
            if core not in CONNECTORS and not (_ELIDED.match(core) and stem in CONNECTORS):
                last = j
            if core != raw:
                break  # punctuation ends the name
            j += 1
        if marked and last > i:
            out.append(Name(words[i][1], words[last][1] + len(words[last][0].rstrip(",.;:)\u201d\""))))
            i = last + 1
        else:
            i += 1
    return out


def is_foreign_name(name: str) -> bool:
    """ "Solidarité agissante pour le développement familial", "Tour opération et initiatives": a name in
    French, Spanish or Portuguese (capitalized first word, one of their connectors, their own lowercase
    words). Such a long form before an acronym names a body, whatever its head word."""
    words = name.split()
    if len(words) < 3 or not words[0][:1].isupper():
        return False
    cores = [w.strip(",.;:()\u2013") for w in words[1:]]
    if not any(c in MARKERS or _ELIDED.match(c) for c in cores):
        return False
    lower = [c for c in cores if c[:1].islower() and c not in CONNECTORS and not _ELIDED.match(c)]
    return bool(lower) and sum(_theirs(c) for c in lower) * 2 >= len(lower)
