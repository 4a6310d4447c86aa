"""Did it happen, and is it news?  Sentences that report no new event.

Real coverage is full of sentences that name weapons, places and even tolls
without reporting a new attack: an air-raid alert, a warning that Russia
"could" strike, a court sentence for a shelling last year, an aid package of
Patriot missiles, talks, a fact-check of a fake video, a UN count since
2022, "the city is regularly shelled", an anniversary.  ``no_new_event``
names the reason such a sentence makes no report, or returns ``None``.

Each test is a cue for the kind of statement and, where a real strike is
often told in the same words, a guard that the sentence does report harm or
a hit ("sirens sounded before two missiles struck" is a strike).
"""

from __future__ import annotations

import datetime as dt
import re

from sitrep.model import PartialDate

__all__ = ["BACKGROUND_DAYS", "is_background_date", "no_new_event"]

# An event dated this many days or more before the article is background
# ("the strike on the station in April"), not the article's news.  Wire
# follow-ups of one strike run up to about a week; features and anniversaries
# come later.  Set by hand from that; 7-30 would all separate the two.
BACKGROUND_DAYS = 14


def _words(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern from one alternative a line."""
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


# Something was hit or someone hurt: the sentence reports a strike, whatever else it says.
_HARM = _words(
    r"\b(?:killed|killing|dead|died|dies|death|injured|injuring|wounded|wounding|hurt|casualties|victims?)\b",
    r"\b(?:struck|hit|hits|shelled|shelling\s+of|destroyed|damaged|damaging|exploded|crashed|fell|landed)\b",
    r"\b(?:blew|blown|blowing)\s+up\b|\bdetonated\b",
    r"\b(?:debris|rubble|fire\s+broke\s+out|caught\s+fire|blaze|impact)\b",
    r"\b(?:attacked|bombed|pounded|targeted|slammed|smashed|tore\s+through|ripped\s+through)\b",
)
_ALERT = _words(
    r"\bair[\s-]*raid\s+(?:alerts?|alarms?|sirens?|warnings?)\b",
    r"\bsirens?\s+(?:sounded|wailed|blared|went\s+off|rang|were\s+heard)\b",
    r"\b(?:alert|alarm)\s+(?:was|has\s+been|had\s+been)\s+(?:declared|issued|announced|sounded|lifted)\b",
    r"\bair\s+defen[cs]e\s+(?:is|was|were|are)\s+(?:working|operating|active|activated|engaged)\b",
    r"\b(?:drones?|missiles?)\s+(?:is|are|was|were)\s+(?:approaching|heading|moving|flying)\b",
    r"\bthreat\s+of\s+(?:a\s+)?(?:missile|drone|ballistic|air)\b",
    r"\b(?:take|took|go|went|stay|head)\s+(?:to\s+)?(?:shelters?|cover)\b",
    # told with no hit or harm, any alert, alarm or siren is the warning itself
    r"\b(?:alerts?|alarms?|sirens?)\b",
    r"\b(?:drones?|missiles?|UAVs?|aircraft)\s+(?:[\w-]+\s+){0,3}?(?:(?:was|were)\s+)?(?:reported|spotted|detected|seen|tracked)\s+(?:over|in|near|above)\b",
    r"\bin\s+the\s+airspace\s+of\b",
)
# "Russia could strike again", "warned that Moscow would", "plans to launch".
_MODAL = _words(
    r"\b(?:could|would|might|may|will|shall|can)\s+(?:\w+\s+){0,2}?"
    r"(?:strike|attack|launch|hit|shell|bomb|target|fire|kill|destroy|advance|seize|capture|storm|use|try|resume|escalate|intensify)\b",
    r"\b(?:plans?|planning|planned|threaten(?:s|ed|ing)?|intends?|intending|prepar(?:es|ing|ed)|aims?|expected|likely|poised|ready|set)\s+to\s+"
    r"(?:\w+\s+){0,2}?(?:strike|attack|launch|hit|shell|bomb|target|fire|kill|destroy|advance|seize|capture|storm|use|intensify|escalate|resume|step\s+up)\b",
    # "could be used again as a launch pad", "may be targeted": a passive possibility
    r"\b(?:could|would|might|may|will|can)\s+(?:also\s+|again\s+|soon\s+)?be\s+(?:used|targeted|hit|struck|attacked|shelled|bombed|captured|stormed)\b",
    # "expected more glide-bomb attacks this week", "the risk of shelling had grown", "remained possible"
    r"\bexpect(?:s|ed|ing)?\s+(?:more|further|new|fresh|renewed|heavier|massive)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|shelling|assaults?|offensives?|bombardments?)\b",
    r"\b(?:risk|danger|threat|possibility)\s+of\s+(?:(?:new|more|further|renewed)\s+)?(?:shelling|strikes?|attacks?|an?\s+attack|assaults?|an?\s+offensive|bombardment)\b",
    r"\b(?:remains?|remained|is\s+still|was\s+still|seems?|seemed)\s+(?:\w+\s+)?(?:possible|likely|probable|imminent)\b",
    r"\bwarn(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?(?:of|that|about)\b",
    # "without being seen and struck", "for fear of being hit": what could befall, not what did
    r"\b(?:without|of|avoid|risk)\s+being\s+(?:\w+\s+(?:and|or)\s+)?(?:struck|hit|shelled|targeted|spotted|killed)\b",
)
_FACTCHECK = _words(
    r"\b(?:fake|false|fabricated|staged|doctored|manipulated|misleading|debunked|hoax|disinformation)\b"
    r"[^.;]{0,80}\b(?:video|footage|photos?|images?|claims?|reports?|posts?|story|stories|narrative)\b",
    r"\b(?:video|footage|photos?|images?|claims?|posts?)\b[^.;]{0,60}\b(?:is|was|were|are)\s+(?:fake|false|staged|fabricated|old|from\s+\d{4})\b",
    r"\bfact[\s-]?check\w*\b",
    r"\b(?:digitally\s+)?(?:altered|edited|photoshopped|doctored)\b[^.;]{0,60}\b(?:original|shows|image|photo|video)\b",
    r"\b(?:image|photo|picture|video|footage)\s+(?:[\w'’-]+\s+){0,8}?(?:was|is|were|are)\s+(?:digitally\s+)?(?:altered|edited|photoshopped)\b",
    r"\bgeolocat\w+\s+(?:shows?|showed|places?|placed|puts?)\b",
    r"\bnot\s+(?:supported|backed)\s+by\s+(?:any\s+)?evidence\b|\bno\s+evidence\s+(?:that|of|for)\b",
    r"\b(?:posts?|claims?|videos?|messages?)\s+claiming\b",
    r"\bverdict:\s*(?:false|fake|misleading)\b",
)
_COURT = _words(
    r"\b(?:sentenced|convicted|acquitted|verdict|indicted|indictment|in\s+absentia|pleaded\s+guilty)\b",
    r"\b(?:court|tribunal|judge)\b[^.;]{0,80}\b(?:sentenced|found\s+guilty|ruled|convicted|trial|hearing)\b",
    r"\bon\s+trial\b|\btrial\s+(?:of|began|opened|started)\b",
    r"\b(?:charged\s+(?:[\w'’-]+\s+){0,3}?with|notice\s+of\s+suspicion|served\s+(?:a\s+)?(?:notice|suspicion)|years\s+in\s+prison|life\s+imprisonment|jail\w*\s+for)\b",
    r"\bthe\s+case\s+concerns\b",
)
_DIPLOMACY = _words(
    r"\b(?:aid|assistance|security|weapons|military)\s+packages?\b",
    r"\b(?:will|would|to)\s+(?:send|supply|provide|deliver|transfer|give)\b",
    r"\b(?:pledged|pledges|approved|announced|signed|delivered|received|sent)\s+(?:\w+\s+){0,4}?(?:systems?|batteries|tanks|missiles|munitions|weapons|aid|loans?|jets|f-16s?)\b",
    r"\b(?:peace\s+)?(?:talks|negotiations|summit|ceasefire\s+proposal|peace\s+plan|sanctions|loan|grain\s+(?:deal|exports?|corridor|shipments?))\b",
)
# A habit or a running count, not one event: "is regularly shelled", "1,200 times since".
_HABITUAL = _words(
    r"\b(?:regularly|routinely|constantly|frequently|often|repeatedly|daily|nightly|almost\s+every\s+day|every\s+(?:day|night|week))\b",
    r"\b\d[\d,]*\s+times\b",
    r"\bon\s+\d[\d,]*\s+of\s+the\s+(?:last|past)\s+\d[\d,]*\s+days\b",
    r"\bfor\s+(?:months|weeks|years)\b",
    r"\bsince\s+(?:the\s+(?:start|beginning|outbreak)|(?:the\s+)?(?:full[\s-]scale\s+)?invasion|(?:24\s+)?February\s+2022|2014|January\s+1|the\s+war\s+began)\b",
    r"\b(?:in\s+total|so\s+far\s+this\s+year|to\s+date|over\s+the\s+past\s+(?:year|months|weeks)|throughout\s+the\s+war)\b",
    r"\bkilled\s+or\s+(?:injured|wounded)\b",
    # a backdrop, not an event: "to survive Russia's endless rockets and bombs"
    r"\b(?:endless|relentless|incessant|ceaseless|unending|near-daily|constant|nightly)\s+(?:[\w'’-]+\s+){0,2}?(?:rockets?|missiles?|bombs?|bombings?|shelling|strikes|attacks|bombardments?|barrages?|drones?|air\s+raids?)\b",
    # the war's toll, not one attack's: "the bombing campaign that has claimed thousands of lives"
    r"\b(?:campaign|war|invasion|conflict|occupation)\s+(?:that\s+|which\s+)?(?:has|have)\s+(?:already\s+)?(?:claimed|killed|taken|cost)\b",
)
_PAST_REFERENCE = _words(
    r"\b(?:a|one|two|three|four|five|six|\d+)\s+(?:years?|months?|weeks?)\s+(?:ago|earlier|before)\b",
    # "Two years after the Olenivka prison explosion, families are still waiting"
    # (opening the sentence: "exactly a year after an attack there" inside one tells a new strike)
    r"\A\W*(?:a|one|two|three|four|five|six|\d+)\s+(?:years?|months?)\s+(?:after|since)\s+(?:the|a|an|Russia['’]s)\b",
    r"\blast\s+(?:year|month|summer|winter|spring|autumn|fall)\b",
    r"\b(?:as\s+(?:[\w'’-]+\s+){0,4}?(?:earlier|previously)\s+reported|(?:earlier|previously),?\s+(?:it\s+was|we)\s+reported)\b",
)
# An outlet's look back at what it reported before ("We will remind that on April 7 ...",
# "As a reminder, ..."): background even when it happened the day before.
_REMINDER = _words(
    r"\b(?:we\s+(?:will\s+)?remind|(?:let\s+us\s+)?recall\s+that|as\s+a\s+reminder|reminder:)",
)
_REMEMBRANCE = _words(
    r"\banniversary\b",
    r"\b(?:commemorat\w+|paid\s+tribute|laid\s+flowers|honou?red\s+the\s+(?:victims|memory))\b",
    r"\b(?:marks?|marked|marking)\s+(?:\w+\s+){0,2}(?:years?|months?)\s+since\b",
    r"\bremember(?:ed|s|ing)?\s+(?:the\s+)?(?:victims|dead|fallen|those\s+killed)\b",
    r"\bminutes?\s+of\s+silence\b",
    r"\bunveil(?:ed|s|ing)?\s+(?:a\s+|the\s+)?(?:memorial|monument|plaque|memorial\s+plaque)\b",
)
# Not the war's violence: a road accident, a visit to the wounded, a contest named a battle.
_NOT_WAR = _words(
    r"\b(?:road|traffic|car|bus)\s+(?:accident|crash|collision)\b",
    r"\bcollided\s+with\b",
    r"\b(?:visit\w*|met|meets|thanked|congratulated)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:wounded|injured)\s+(?:soldiers|servicemen|servicewomen|defenders|troops|veterans|children|people)\b",
)
_WEAPON = _words(
    r"\b(?:missiles?|rockets?|drones?|shells?|shelling|strikes?|struck|bombs?|bombing|artillery|mines?|explosives?|shot|gunfire|attack\w*|Shahed\w*|UAVs?)\b",
)
# An assessment of the war, not a report of an event (when it tells no hit or harm).
_ANALYSIS = _words(
    r"\b(?:analysts?|experts?|observers|commentators|ISW|think[\s-]tanks?)\b[^.;]{0,30}?\b(?:say|says|said|note[sd]?|assess(?:ed|es)?|believe[sd]?|argue[sd]?|estimate[sd]?|suggest(?:s|ed)?|wrote)\b",
    r"\b(?:say|says|said|note|notes|noted),?\s+(?:military\s+)?(?:analysts|experts|observers)\b",
)
_CULTURE = _words(r"\b(?:festival|concert|contest|competition|exhibition|show|game|quiz)\b")
_DENIAL = _words(
    r"\b(?:denied|denies|deny|rejected|dismissed)\s+(?:\w+\s+){0,3}?(?:that|striking|attacking|targeting|shelling|hitting|responsibility|involvement|blame|claims?|reports?)\b",
    r"\b(?:no|not\s+a\s+single)\s+(?:strike|attack|shelling|missile|drone)s?\s+(?:was|were|has|have|had)\b",
    r"\b(?:did\s+not|didn['’]t|never)\s+(?:strike|hit|attack|shell|target|bomb)\b",
)
_SPORT = _words(
    r"\b(?:match|football|league|cup|tournament|fans|team|goal|stadium|championship|players?|coach)\b",
)
_NOT_COMBAT = _words(r"\bbattle\s+tanks?\b", r"\bbattlefield\s+(?:maps?|updates?)\b")


def _hurt_or_hit(text: str) -> bool:
    return bool(_HARM.search(text))


def no_new_event(text: str, recent: bool = False) -> str | None:
    """Why ``text`` reports no new event ("alert", "modal", "court", ...), or ``None`` if it may.

    ``recent``: the sentence dates something within ``BACKGROUND_DAYS`` of
    publication ("regularly shelled Kharkiv was hit on Monday"): a habit or a
    look back in the same sentence does not then make it background.
    """
    # a hit or a death only spoken of as possible ("would hit", "could be struck") is no harm
    harm = _hurt_or_hit(_MODAL.sub(" ", text))
    if _NOT_WAR.search(text) and not _WEAPON.search(text):
        return "not war"
    if _FACTCHECK.search(text):
        return "fact-check"
    if _COURT.search(text):
        return "court"
    if _REMEMBRANCE.search(text):
        return "remembrance"
    if _REMINDER.search(text) or (not recent and _PAST_REFERENCE.search(text)):
        return "past"
    if not recent and _HABITUAL.search(text):
        return "habitual"
    if _DENIAL.search(text):
        return "denial"
    if not harm:
        for reason, pattern in (
            ("alert", _ALERT),
            ("modal", _MODAL),
            ("diplomacy", _DIPLOMACY),
            ("analysis", _ANALYSIS),
        ):
            if pattern.search(text):
                return reason
        if _NOT_COMBAT.search(text) or (
            (_SPORT.search(text) or _CULTURE.search(text))
            and re.search(r"\b(?:clash|battle)", text, re.I)
        ):
            return "not combat"
    elif _MODAL.search(text) and not re.search(r"\b(?:was|were|has|have|had)\b", text):
        return "modal"
    return None


def is_background_date(date: PartialDate | None, published: dt.date | None) -> bool:
    """An event date ``BACKGROUND_DAYS`` or more before publication: background, not news."""
    if date is None or published is None:
        return False
    day = date.to_date()
    return day is not None and (published - day).days >= BACKGROUND_DAYS
