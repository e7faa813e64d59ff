"""Sentence cues for boilerplate: what marks one sentence as an appeal, a notice, a credit or a bio.

A sentence gets a ``Label``: a *strong* cue names a block kind on its own ("Donate
today.", "Copyright 2026 ...", "Reach her at ..."); *weak* filler ("Thank you for
reading.", "Jane Doe covers city hall for the Sentinel.") only joins a strong block
of its family; *soft* outlet-voice lines ("We don't take money from politicians.")
join only inside an appeal paragraph or the article's closing appeal. Sentences with
an attribution verb ("said", "told") or inside a quotation are reporting about an
appeal, never an appeal, so they only ever match labels (links, copyright lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

_I = re.IGNORECASE
_PLATFORMS = r"(?:twitter|x|facebook|instagram|tiktok|youtube|threads|bluesky|linkedin|mastodon|whatsapp|telegram)"
_SHARE_WORDS = rf"(?:share|tweet|e-?mail|print|copy\s+link|{_PLATFORMS}|reddit|pinterest|flipboard)"
_ADDRESS = re.compile(r"\b(?:you|your|we|us|our)\b", _I)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|according\s+to|asked|urged|urges|wrote|writes|tweeted|posted|announced|added)\b",
    _I,
)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.\w|(?:^|\s)@\w{2,}|\(\d{3}\)\s?\d{3}|\b\d{3}[-.]\d{3}[-.]\d{4}\b")
_MAX_SENTENCE = 400
"""Longer sentences are reporting: appeals and labels are short, and this bounds the regex work."""

_APPEAL_KINDS = frozenset({"donation", "newsletter", "social", "tip"})
"""Kinds of the reader appeals that appeal filler may join."""


class Strength(IntEnum):
    """How much a cue says on its own."""

    SOFT = 0
    """Outlet voice with appeal words: joins an appeal paragraph, never flags alone."""
    WEAK = 1
    """Filler: joins a strong block of its family next to it, never flags alone."""
    STRONG = 2
    """Names a block kind on its own."""


@dataclass(frozen=True)
class Label:
    """What one sentence is, when it is not reporting."""

    kind: str
    """The block kind; for weak and soft labels, the kind of block they may join."""
    strength: Strength


def family(kind: str) -> str:
    """Kinds whose blocks filler may join across: the reader appeals are one family."""
    return "appeal" if kind in _APPEAL_KINDS else kind


@dataclass(frozen=True)
class _Cue:
    """One pattern that marks a sentence as boilerplate of a kind."""

    kind: str
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None = None
    """A second pattern the sentence must also hold (the reader addressed, a contact address)."""
    label: bool = False
    """A link or copyright label: matches even when the sentence holds an attribution verb or a quote."""


def _cue(
    kind: str, pattern: str, *, requires: re.Pattern[str] | None = None, label: bool = False, cased: bool = False
) -> _Cue:
    """A cue; ``cased`` patterns tell names from words by their capitals, so they match case-sensitively."""
    return _Cue(kind, re.compile(pattern, 0 if cased else _I), requires, label)


_CREDIT_WORDS = (
    r"(?:(?:ap|afp|reuters|getty|file|staff|courtesy|pool)\s+)?(?:photos?|photograph|image|picture|video|illustration"
    r"|graphic|photo\s+illustration|(?:photo|image)\s+credit|credit)"
)
_VERBS_OF_REUSE = (
    r"(?:published|reproduced|republished|broadcast|rewritten|redistributed|copied|distributed|transmitted)"
)

# Checked in order; the first that matches gives the kind.
_STRONG: tuple[_Cue, ...] = (
    _cue(  # a link label alone, or before a colon or dash: "READ MORE", "Related: ..."
        "read_more",
        r"^(?:read\s+more|read\s+next|related(?:\s+(?:articles?|stories|coverage|content|reading))?|see\s+also"
        r"|recommended(?:\s+for\s+you)?|keep\s+reading|continue\s+reading|you\s+(?:may|might)\s+also\s+like"
        r"|most\s+(?:read|popular|viewed)|trending\s+now|more\s+stories|further\s+reading|top\s+stories|latest\s+news)"
        r"\s*(?:[:|»›>]|\s[-–—]\s|[.!…]*\s*$)",
        label=True,
    ),
    _cue(  # labels that are ordinary words too, so only before a colon: "Watch: ...", "More from Ledger: ..."
        "read_more",
        r"^(?:read\s+also|also\s+read|more\s+on\s+this(?:\s+story)?|more\s+from\s+[\w .'’&-]{1,40}|watch|listen"
        r"|trending)\s*:",
        label=True,
    ),
    _cue("read_more", r"^(?:click|tap)\s+here\s+(?:to\s+)?(?:read|see|view|watch|for\s+more)\b"),
    _cue("donation", r"^(?:please\s+)?(?:donate|chip\s+in)\b(?![-'’])"),
    _cue(
        "donation",
        r"\bplease\s+(?:donate|chip\s+in|give|contribute|make\s+a\s+(?:[\w-]+\s+){0,2}(?:donation|gift|contribution)"
        r"|consider\s+(?:donating|supporting|giving|contributing|making\s+a"
        r"|a\s+(?:[\w-]+\s+)?(?:donation|gift|contribution)|becoming\s+a))\b",
    ),
    _cue(
        "donation",
        r"^consider\s+(?:donating|supporting\s+(?:us|our)|contributing|making\s+a\s+(?:[\w-]+\s+){0,2}"
        r"(?:donation|gift|contribution)|becoming\s+a\s+(?:[\w-]+\s+){0,2}(?:member|supporter|donor|patron))\b",
    ),
    _cue(
        "donation",
        r"\b(?:donate|chip\s+in|contribute|give)\s+(?:just\s+|only\s+|as\s+little\s+as\s+)?[$£€]\s?\d",
        requires=_ADDRESS,
    ),
    _cue(
        "donation",
        r"^(?:please\s+)?support\s+(?:us\b|the\s+work\s+we\s+do|(?:independent|our|nonprofit|non-profit|quality|local"
        r"|reader-funded|reader-supported|fearless|free|trusted|public[- ]interest)\b[^.!?]{0,160}"
        r"\b(?:journalism|news|reporting|media|press|work))",
    ),
    _cue(  # a short imperative: "Support conservative journalism." (not "Support among news viewers fell.")
        "donation",
        r"^(?:please\s+)?support\s+(?!for\b|among\b|from\b|of\b|in\b)(?:[\w'’-]+\s+){0,3}(?:journalism|news|reporting|media|press|newsroom)"
        r"\s*(?:[.!:—–-]|\s+(?:by|with|today|now)\b|$)",
    ),
    _cue(
        "donation",
        r"\bhelps?\s+(?:us\s+)?(?:support|fund|sustain|keep|continue)\b[^.!?]{0,160}"
        r"\b(?:journalism|reporting|newsroom|the\s+work\s+we\s+do|our\s+work|our\s+mission)\b",
        requires=_ADDRESS,
    ),
    _cue(
        "donation",
        r"^(?:please\s+)?(?:become|join\s+us\s+as)\s+an?\s+(?:[\w-]+\s+){0,2}"
        r"(?:member|supporter|patron|donor|subscriber|insider|sustaining\s+member)s?\b",
    ),
    _cue(
        "donation",
        r"\b(?:make|give)\s+(?:your|a)\s+(?:[\w-]+\s+){0,2}(?:donation|gift|contribution)\s+(?:today|now)\b",
        requires=_ADDRESS,
    ),
    _cue(
        "donation",
        r"^(?:please\s+)?(?:make|give|send)\s+(?:your|a|an)\s+(?:[\w-]+\s+){0,2}(?:donation|gift|contribution)\b",
    ),
    _cue(
        "donation",
        r"\bbecome\s+an?\s+(?:[\w-]+\s+){0,2}(?:member|supporter|patron|donor|subscriber|insider)s?\s+"
        r"(?:today|now|for\s+(?:just\s+|only\s+|as\s+little\s+as\s+)?[$£€]\s?\d)",
        requires=_ADDRESS,
    ),
    _cue(
        "newsletter",
        r"^(?:please\s+)?(?:sign\s+up|subscribe|register|join)\b[^.!?]{0,160}"
        r"\b(?:newsletters?|mailing\s+list|e-?mails?|inbox|briefing|brief|digest|alerts|updates)\b",
    ),
    _cue("newsletter", r"^(?:please\s+)?subscribe\b(?![-'’])"),
    _cue("newsletter", r"\b(?:sign\s+up|sign-up|signup|subscribe)\b[^.!?]{0,160}\bnewsletters?\b", requires=_ADDRESS),
    _cue("newsletter", r"^(?:get|have|receive)\b[^.!?]{0,160}\b(?:to|in|into)\s+your\s+inbox\b"),
    _cue("newsletter", r"^(?:the\s+)?(?:best|latest|top)\b[^.!?]{0,160}\bdelivered\b[^.!?]{0,160}\byour\s+inbox\b"),
    _cue("newsletter", r"^(?:enter\s+)?your\s+e-?mail(?:\s+address)?\s*[:.]?\s*$"),
    _cue(
        "cookie",
        r"\b(?:we|(?:this|our)\s+(?:web)?site|our\s+partners)\s+(?:and\s+our\s+partners\s+)?uses?\s+cookies\b",
    ),
    _cue(
        "cookie",
        r"^(?:accept|reject|allow|decline|manage|customi[sz]e)\s+(?:all\s+)?cookie(?:s|\s+settings|\s+preferences)\b",
    ),
    _cue("cookie", r"^cookie\s+(?:settings|preferences|policy|notice|consent)\s*$"),
    _cue("cookie", r"\bby\s+(?:continuing\s+to\s+(?:use|browse)|using)\s+(?:this|our)\s+(?:web)?site\b"),
    _cue(
        "cookie",
        r"\bcookies?\b[^.!?]{0,160}\b(?:consent|accept|(?:browsing\s+)?experience|privacy\s+policy|cookie\s+policy)\b",
        requires=_ADDRESS,
    ),
    _cue("tip", r"^(?:do\s+you\s+)?(?:have|got)\s+(?:a\s+)?(?:news\s+|story\s+)?tips?\b"),
    _cue(  # a question to the reader: "Have a story we should know about?"
        "tip",
        r"^(?:do\s+you\s+)?(?:have|got|know\s+of)\s+(?:a|any)\s+(?:news\s+)?(?:story|stories|information|idea)\b"
        r"[^.!?]{0,80}\?$",
    ),
    _cue("tip", r"^(?:send|e-?mail|share|submit)\s+(?:us\s+)?(?:your\s+)?(?:news\s+|story\s+)?tips?\b"),
    _cue("tip", r"^(?:please\s+)?(?:e-?mail|call|text|contact|message|write\s+to|reach)\s+us\b"),
    _cue("tip", r"\btips?@[\w-]+\.\w"),
    _cue("tip", r"^(?:please\s+)?(?:send|e-?mail|forward|text|call)\s+(?:it|them|us)\b", requires=_CONTACT),
    _cue("bio", r"^(?:you\s+can\s+)?(?:reach|contact|e-?mail|write\s+to|message|follow)\s+(?:her|him|them|me)\b"),
    _cue(
        "bio",
        r"^(?:you\s+can\s+)?(?:reach|contact|e-?mail|write\s+to)\s+the\s+(?:author|writer|reporter|columnist)s?\b",
    ),
    _cue("bio", r"\bcan\s+be\s+(?:reached|contacted|emailed|e-mailed|found)\s+(?:at|by|via|on)\b", requires=_CONTACT),
    _cue("social", r"^(?:please\s+)?(?:follow|like|join|find)\s+us\s+(?:on|at)\b"),
    _cue("social", rf"^follow\s+[@\w .'’-]{{1,40}}?\s+on\s+{_PLATFORMS}\b"),
    _cue("social", r"^share\s+(?:this|it|on|via)\b"),
    _cue("social", rf"^{_SHARE_WORDS}(?:(?:\s*[|/·•,]\s*|\s+){_SHARE_WORDS})*\s*[:!.]?$"),
    _cue("social", r"^share\s+this\s*[:!.]?\s*$"),
    _cue("copyright", r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4})", label=True),
    _cue("copyright", r"\ball\s+rights\s+reserved\b", label=True),
    _cue(
        "copyright", rf"\bmay\s+not\s+be\s+{_VERBS_OF_REUSE}\s*(?:,\s*(?:or\s+)?|\s+or\s+|\s+and\s+){_VERBS_OF_REUSE}\b"
    ),
    _cue(
        "copyright",
        r"\b(?:this|our)\s+(?:stor(?:y|ies)|articles?|work|content|reporting|journalism|material)\b[^.!?]{0,160}"
        r"\bcreative\s+commons\b|\bcreative\s+commons\b[^.!?]{0,160}\b(?:this|our)\s+(?:stor(?:y|ies)|articles?|work"
        r"|content)\b",
    ),
    _cue("copyright", r"^(?:you\s+(?:can|may)\s+|feel\s+free\s+to\s+)?republish\b"),
    _cue("copyright", r"\bfree\s+to\s+republish\b"),
    _cue(
        "copyright",
        r"^for\s+(?:licensing|reprint|syndication|republication)\b",
        requires=re.compile(r"\bcontact\b|\bour\b|@", _I),
    ),
    _cue(
        "copyright",
        r"\bavailable\s+(?:without\s+charge|free\s+of\s+charge|for\s+free)\s+to\s+(?:any\s+)?(?:[\w-]+\s+){0,2}"
        r"(?:publishers?|news\s+outlets?|outlets|newsrooms?)\b",
    ),
    _cue("credit", r"\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\b", label=True),
    _cue("credit", r"\bcontributed\s+(?:additional\s+)?reporting\b", label=True),
    _cue(  # "Reporting by Jane Doe; Editing by John Smith" (names only: "Reporting by ProPublica found ..." is news)
        "credit",
        r"^\(?(?i:additional\s+)?(?i:reporting|writing|editing|research)\s+(?i:by)\s+"
        r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|in|from|at))*\s*(?:[;,)]|\.?$)",
        label=True,
        cased=True,
    ),
    _cue(
        "credit",
        r"^this\s+(?:story|article|piece|post|coverage)\s+(?:was\s+|is\s+)?(?:originally|first)\s+"
        r"(?:appeared|published|ran|posted)\b",
    ),
    _cue(
        "credit",
        r"^this\s+(?:story|article|piece|coverage|post)\s+(?:was|is)\s+(?:[\w-]+\s+){0,2}(?:produced|published|reported"
        r"|written|made\s+possible|funded|supported|co-?published)\s+(?:in\s+(?:partnership|collaboration)\s+with"
        r"|by|with\s+(?:support|funding)\s+from|through)\b",
    ),
    _cue("credit", r"^(?:reprinted|republished|reproduced|used)\s+(?:here\s+)?with\s+permission\b"),
    _cue(  # "(Photo by Jane Doe / Getty Images)", "(AP Photo/Ted Jones)"
        "caption",
        rf"^\(\s*{_CREDIT_WORDS}\s*(?:by\b|:|/|courtesy\b)[^()]{{1,100}}\)\.?$",
        label=True,
    ),
    _cue("caption", rf"^{_CREDIT_WORDS}\s*[:/][^()]{{1,80}}$", label=True),  # "Photo: Jane Doe/WKTV"
    _cue(
        "caption",
        r"^\([^()]{0,80}(?:/|\b(?:for|via)\b)\s*(?:getty\s+images|afp|shutterstock|reuters|ap|istock)(?:\s+photo)?\s*\)\.?$",
        label=True,
    ),
    _cue(  # "Jason Reed/Reuters", "CLIFF OWEN/AP": capitalised words only, so "... reported by CNN/AP." is not one
        "caption",
        r"^(?:(?i:source|photographer|photo|credit):\s*)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:/[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}){0,2}"
        r"/\s*(?:Getty\s+Images|AFP|Shutterstock|Reuters|REUTERS|AP|iStock)\s*\.?$",
        cased=True,
    ),
    _cue("caption", r"^(?:toggle|hide)\s+caption\b", label=True),  # a slideshow's caption widget
    _cue("note", r"^(?:editor['’]?s\s+note|correction|clarification)s?\s*(?:[:—–]|\s-\s)", label=True),
    _cue("other", r"^(?:click|tap)\s+here\b"),
    _cue(
        "other",
        r"^(?:advertisement|advertising|sponsored(?:\s+content)?|story\s+continues\s+below(?:\s+advertisement)?"
        r"|skip\s+to\s+(?:main\s+)?content|scroll\s+to\s+continue(?:\s+with\s+content)?)\s*$",
        label=True,
    ),
)

# Appeal filler: boilerplate only next to a strong appeal.
_WEAK_APPEAL = re.compile(
    r"^thank\s+you\s+(?:so\s+much\s+)?"
    r"(?:for\s+(?:reading|your\s+support|being\s+a|supporting)|to\s+(?:the|our|all|every)\b)"
    r"|^thanks\s+(?:so\s+much\s+)?for\s+(?:reading|your\s+support|being\s+a|supporting)\b"
    r"|^(?:journalism|reporting|work)\s+like\s+(?:this|ours)\b"
    r"|^your\s+(?:support|generosity|contribution|donation|gift)\b"
    r"|^dear\s+(?:readers?|friends?|subscribers?|supporters?|members?|neighbou?rs?)\b"
    r"|^(?:before\s+you\s+go|one\s+last\s+thing|a\s+(?:quick\s+)?note\s+to\s+(?:our\s+)?readers)\b"
    r"|^please\s+help\s+(?:us\s+)?(?:keep|support|fund|sustain|protect|save)\b"
    r"|^(?:like|love|enjoy(?:ed)?)\s+(?:this|our|reading\s+this)\s+(?:story|article|reporting|journalism|work)\s*\?"
    r"|\b(?:readers|people|supporters)\s+like\s+you\b"
    r"|\breaders\s+who\s+(?:chip\s+in|give|donate|support\s+(?:us|our)|pay\s+for)\b"
    r"|\b(?:funded|powered|supported|sustained|made\s+possible)\s+by\s+(?:readers|members|donors|you|people\s+like\s+you)\b"
    r"|\b(?:can(?:no|['’])?t|could\s*n['’]?t)\s+do\s+(?:this|it)\s+without\s+(?:you|your\s+(?:help|support))\b"
    r"|\bwe\s+(?:rely|depend|count)\s+on\s+(?:you|readers|our\s+readers|donations|the\s+support)\b"
    r"|\b(?:reader|member|listener|viewer|community)[- ](?:funded|supported|powered|driven)\b"
    r"|^we\s+will\s+(?:continue|keep)\s+(?:to\s+)?(?:keep\s+you|bring(?:ing)?\s+you)"
    r"|\b(?:every|any)\s+(?:contribution|donation|dollar|gift)\b[^.!?]{0,160}\b(?:helps|matters|counts)\b"
    r"|^if\s+you\s+(?:value|appreciate|enjoyed|like)\b[^.!?]{0,160}"
    r"\b(?:journalism|reporting|this\s+(?:article|story)|our\s+work)\b",
    _I,
)
# Outlet voice with appeal words ("We don't take money from politicians."): joins an appeal, never flags.
_APPEAL_WORDS = re.compile(
    r"\b(?:journalism|newsroom|paywall|ad-free|advertisers|tax-deductible|membership|subscri(?:ber|ption)s?"
    r"|billionaire\s+owners?|corporate\s+(?:media|owners?|sponsors?|interests)|(?:money|funding)\s+from"
    r"|without\s+you|your\s+(?:help|support)|support\s+(?:us|our)|free\s+(?:for|to)\s+(?:everyone|all|read)"
    r"|(?:isn['’]?t|not)\s+free|independent\s+(?:newsroom|journalism|news|media|voice|outlet|press))\b",
    _I,
)
_APPEAL_CLAIM = re.compile(
    r"^(?:an?\s+|the\s+)?(?:independent|quality|nonprofit|non-profit|free|fearless|fact-based)\s+"
    r"(?:journalism|press|news(?:room)?|media|reporting)\s+(?:is|are|has|have|matters|needs|depends|costs|can"
    r"|cannot|can['’]t|won['’]t|will|remains|relies)\b"
    r"|\b(?:is|are)\s+an?\s+(?:[\w,-]+\s+){0,3}(?:nonprofit|non-profit|independent|reader-(?:funded|supported))\s+"
    r"(?:newsroom|news\s+(?:organi[sz]ation|outlet|site)|publication|media\s+(?:organi[sz]ation|outlet))\b",
    _I,
)
# An author bio's first sentence ("Jane Doe covers city hall for the Sentinel."): joins contact lines only.
_BIO_LINE = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:covers|reports\s+on|writes\s+(?:about|on)|is\s+an?\s+"
    r"(?:[\w-]+\s+){0,3}(?:reporter|writer|correspondent|editor|columnist|journalist|contributor|intern|fellow)\b)"
)


def classify(sentence: str, *, quoted: bool = False) -> Label | None:
    """Label one sentence, or None when it is reporting.

    Args:
        sentence: the sentence, trimmed.
        quoted: the sentence stands inside a quotation (then only labels can match).
    """
    if len(sentence) > _MAX_SENTENCE:
        return None
    reported = quoted or _ATTRIBUTION.search(sentence) is not None
    for cue in _STRONG:
        if reported and not cue.label:
            continue
        if cue.pattern.search(sentence) and (cue.requires is None or cue.requires.search(sentence)):
            return Label(cue.kind, Strength.STRONG)
    if reported:
        return None
    if _WEAK_APPEAL.search(sentence):
        return Label("donation", Strength.WEAK)
    if _BIO_LINE.search(sentence):
        return Label("bio", Strength.WEAK)
    if _APPEAL_CLAIM.search(sentence) or (_ADDRESS.search(sentence) and _APPEAL_WORDS.search(sentence)):
        return Label("donation", Strength.SOFT)
    return None
