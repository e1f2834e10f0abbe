"""The documents a partnership sends out, from the five seed audits: every
seed finding in its regenerated briefing, no case reference or individual age
in any briefing, a valid HTML5 review pack, and both looked at in headless
Chromium as a person would see them."""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import html5lib
import pytest

import plansight as ps
import render

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples" / "seeds"))
import load_seeds  # noqa: E402
import write_reports  # noqa: E402

AS_OF = load_seeds.REVIEW_DATE

PACK_SECTIONS = (
    "Headline figures",
    "RAG by agency",
    "Overdue actions",
    "Blocked and at risk",
    "Changes since the previous review",
    "Escalations",
    "Completed and assured this quarter",
    "Rule breaches",
    "Critical path of each open audit plan",
)

BRIEFING_PARTS = (
    "1Background",
    "2Why it matters",
    "3What we found: good practice",
    "4What we found: worries and areas for development",
    "5Key learning",
    "6Next steps",
    "7Reflect on the learning",
)

# What an individual child's age looks like in text, found number by number
# (written apart from the library's own patterns, so that each checks the
# other): a number, in digits or words, is an age when what follows it says
# so ("16-year-old", "15 year olds", "16yo", "15 years of age"), when
# "aged", "age:" or "turned" comes before it or before the list it ends
# ("aged 4 and 15"), or when it is an ordinal before "birthday". A number in
# a range ("9 to 17", "9-17", "between 9 and 17") describes a group.
NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()
NUMBER = re.compile(r"\b(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
ORDINAL_BIRTHDAY = re.compile(r"\b(?:\d{1,2}(?:st|nd|rd|th)|\w+teenth|sixth|seventh|eighth|ninth|tenth|"
                              r"eleventh|twelfth)\s+birthday\b", re.IGNORECASE)
SAYS_AGE_AFTER = re.compile(r"\s*-?\s*(?:years?|yrs?|months?|weeks?)\s*-?\s*olds?\b"
                            r"|\s*(?:yo|y/o|y\.o\.?)(?![a-z0-9])|\s+years?\s+of\s+age\b", re.IGNORECASE)
SAYS_AGE_BEFORE = re.compile(r"\b(?:age[ds]?\s*:?|age\s+of|turn(?:ed|s|ing)?)\s+$", re.IGNORECASE)
LIST_JOIN_BEFORE = re.compile(r"(?:,|&|\band|\bor)\s*$", re.IGNORECASE)
LIST_JOIN_AHEAD = re.compile(r"\s*(?:,\s*(?:and\b|or\b)?|&|\band\b|\bor\b)\s*", re.IGNORECASE)
# A list one of whose ages was withheld is still a list of ages: "4 and [age withheld]".
IN_AGE_LIST = re.compile(NUMBER.pattern + r"|\[age withheld\]", re.IGNORECASE)
COMPACT_AGE = re.compile(r"\b\d{1,2}(?:yo|y/o)(?![a-z0-9])", re.IGNORECASE)
THRESHOLD_AHEAD = re.compile(r"\s*\+|\s+(?:and|or)\s+(?:under|over|above|below|older|younger)\b",
                             re.IGNORECASE)


def _in_range(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20):start]
    if re.search(r"\bbetween\s+$", before, re.IGNORECASE):
        return bool(re.match(r"\s+and\s", text[end:end + 6], re.IGNORECASE))
    if re.search(r"\bbetween\s+\S+\s+and\s+$", before, re.IGNORECASE):
        return True
    if re.search(r"(?:\b\S+\s+to|\d\s*[-\u2013\u2014])\s*$", before, re.IGNORECASE):
        return True
    return bool(re.match(r"\s+to\s+\S|\s*[-\u2013\u2014]\s*\d", text[end:end + 6], re.IGNORECASE))


def _led_by_age_word(text: str, start: int) -> bool:
    """Whether "aged" (or "age:", "turned") comes before this number, or before the list it is in."""
    before = text[:start]
    while True:
        if SAYS_AGE_BEFORE.search(before[-16:]):
            return True
        joined = LIST_JOIN_BEFORE.search(before)
        if not joined:
            return False
        earlier = list(IN_AGE_LIST.finditer(before[:joined.start()]))
        if not earlier or before[earlier[-1].end():joined.start()].strip():
            return False
        if earlier[-1].group(0).startswith("["):
            return True
        before = before[:earlier[-1].start()]


def _followed_by_age_word(text: str, end: int) -> bool:
    """Whether "years old" (or "yo", "years of age") follows this number, or the list it starts."""
    while not SAYS_AGE_AFTER.match(text, end):
        joined = LIST_JOIN_AHEAD.match(text, end)
        following = IN_AGE_LIST.match(text, joined.end()) if joined else None
        if not following:
            return False
        if following.group(0).startswith("["):
            return True
        end = following.end()
    return True


def individual_ages(text: str) -> list[str]:
    """Each individual child's age written in `text`, with a little context."""
    found = [m.group(0) for m in ORDINAL_BIRTHDAY.finditer(text)]
    found += [m.group(0) for m in COMPACT_AGE.finditer(text)]
    for m in NUMBER.finditer(text):
        if _in_range(text, m.start(), m.end()):
            continue
        follows = _followed_by_age_word(text, m.end())
        led = _led_by_age_word(text, m.start()) and not THRESHOLD_AHEAD.match(text, m.end())
        if follows or led:
            found.append(text[max(0, m.start() - 12):m.end() + 12])
    return found


def reference_pattern(reference: str) -> re.Pattern[str]:
    """A case reference however it is written: any case, separators or none, leading zeros optional."""
    parts = re.findall(r"[A-Za-z]+|\d+", reference)
    tokens = [("0*" + str(int(p))) if p.isdigit() else re.escape(p) for p in parts]
    return re.compile(r"(?<![A-Za-z0-9])" + r"[\s_/.\-\u2013\u2014]{0,5}".join(tokens) + r"(?![0-9])",
                      re.IGNORECASE)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> load_seeds.SeedStore:
    return load_seeds.build_seed_store(tmp_path_factory.mktemp("seeds") / "seeds.db")


@pytest.fixture(scope="module")
def briefings(seeded: load_seeds.SeedStore) -> dict[str, dict[str, str]]:
    """Each seed's briefing as of the review date, by seed key, then format."""
    plan = seeded.store.plan
    out: dict[str, dict[str, str]] = {}
    for key, briefing_id in seeded.briefings.items():
        audit = plan.briefing(briefing_id).audit
        out[key] = {f: ps.render_briefing(plan, audit, AS_OF, f) for f in ("html", "markdown")}
    return out


def strict_parse(page: str) -> Any:
    """The page parsed by html5lib in strict mode: raises on any parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


def text_of(page: str) -> str:
    """The page's text as a reader sees it: tags dropped, entities decoded, spaces collapsed."""
    tree = strict_parse(page)
    for hidden in tree.iter("style"):
        hidden.text = ""
    return " ".join("".join(tree.itertext()).split())


def markdown_text(text: str) -> str:
    """Markdown with its backslash escapes undone and spaces collapsed."""
    return " ".join(re.sub(r"\\(.)", r"\1", text).split())


def seed_findings(seeded: load_seeds.SeedStore) -> Iterator[tuple[str, ps.Finding]]:
    """(seed key, finding) for every finding of every seed audit."""
    plan = seeded.store.plan
    audit_to_seed = {plan.briefing(b).audit: key for key, b in seeded.briefings.items()}
    for finding in plan.findings():
        yield audit_to_seed[finding.audit], finding


def test_every_seed_has_its_briefing(seeded: load_seeds.SeedStore) -> None:
    assert len(seeded.briefings) == 5
    plan = seeded.store.plan
    assert {plan.briefing(b).audit for b in seeded.briefings.values()} == {a.id for a in plan.audits()}


def test_every_seed_finding_appears_in_its_briefing(seeded: load_seeds.SeedStore,
                                                    briefings: dict[str, dict[str, str]]) -> None:
    findings = list(seed_findings(seeded))
    assert len(findings) >= 40  # every seed's findings, not a handful
    texts = {key: (text_of(pages["html"]), markdown_text(pages["markdown"])) for key, pages in briefings.items()}
    for key, finding in findings:
        wanted = " ".join(finding.text.split())
        as_html, as_markdown = texts[key]
        assert wanted in as_html, f"{key}: finding {finding.id} missing from the HTML briefing"
        assert wanted in as_markdown, f"{key}: finding {finding.id} missing from the Markdown briefing"
        other_seeds = [k for k in texts if k != key]
        assert not any(wanted in texts[k][0] for k in other_seeds), f"finding {finding.id} in another briefing"


def test_findings_sit_in_the_part_of_their_category(seeded: load_seeds.SeedStore,
                                                    briefings: dict[str, dict[str, str]]) -> None:
    part_of = {
        ps.FindingCategory.good_practice: ("3What we found: good practice", "4What we found"),
        ps.FindingCategory.worry: ("4What we found: worries", "5Key learning"),
        ps.FindingCategory.area_for_development: ("4What we found: worries", "5Key learning"),
        ps.FindingCategory.learning_theme: ("5Key learning", "6Next steps"),
    }
    for key, finding in seed_findings(seeded):
        page = text_of(briefings[key]["html"])
        start, end = part_of[finding.category]
        part = page[page.index(start):page.index(end)]
        assert " ".join(finding.text.split()) in part, f"{key}: finding {finding.id} outside its part"


def test_no_case_reference_or_individual_age_in_any_briefing(seeded: load_seeds.SeedStore,
                                                             briefings: dict[str, dict[str, str]]) -> None:
    references = [c.reference for c in seeded.store.plan.cases()]
    assert len(references) >= 20
    for key, pages in briefings.items():
        for form, page in pages.items():
            readable = text_of(page) if form == "html" else markdown_text(page)
            for reference in references:
                assert not reference_pattern(reference).search(readable), \
                    f"{key} ({form}) prints case reference {reference}"
            assert not individual_ages(readable), f"{key} ({form}): {individual_ages(readable)}"


def test_briefings_give_cases_in_aggregate(briefings: dict[str, dict[str, str]]) -> None:
    cac = text_of(briefings["cac"]["html"])
    assert "Ten children aged 9 to 17 were audited by eleven agencies; six were discussed at panel." in cac


def test_withheld_text_in_a_briefing_never_shows() -> None:
    """A finding naming a case and a child's age is printed with both withheld."""
    store = ps.open(":memory:")
    me = ps.Actor("LIS business manager")
    p = store.add_partnership("Test SCP", by=me)
    audit = store.add_audit(p.id, "Case file audit", "multi_agency_case_audit", dt.date(2024, 5, 1), by=me)
    store.add_case(audit.id, "KX-07", age_band=(15, 17), by=me)
    store.add_finding(audit.id, "worry", "KX-07: a 16-year-old not seen alone; aged 16 at referral", by=me)
    page = text_of(ps.render_briefing(store.plan, audit.id, AS_OF))
    assert "KX-07" not in page and "16" not in page
    assert "[case reference withheld]: a [age withheld] not seen alone; aged [age withheld] at referral" in page


WRITTEN_AGES = ("4 and [age withheld]", "aged [age withheld] and 15", "a 16-year-old", "15 year olds", "the 16yo", "a 16 y/o", "Age: 16", "aged 15 at referral",
                "aged 4 and 15", "aged 15 or 16", "aged 9, 12 and 17", "4 and 15 years old", "15 years of age",
                "at the age of 16", "a sixteen year old", "aged sixteen", "a six month old", "turned 16",
                "her 16th birthday")
GROUP_AGES = ("aged between 9 and 17 years old", "aged 9 to 17", "aged 9-17", "aged 9\u201317",
              "9 to 17 year olds", "aged 16 and over", "aged 16+", "16 agencies", "15 March 2024")


@pytest.mark.parametrize("written", WRITTEN_AGES)
def test_an_individual_age_is_found_and_withheld(written: str, store: ps.Store) -> None:
    assert individual_ages(f"Seen: {written}, then.")
    if "[age withheld]" in written:
        return  # half withheld: only the finder is under test
    withheld = ps.withheld_text(store.plan, f"Seen: {written}, then.")
    assert "[age withheld]" in withheld and not individual_ages(withheld), withheld


@pytest.mark.parametrize("written", GROUP_AGES)
def test_an_age_range_or_threshold_stays(written: str, store: ps.Store) -> None:
    assert not individual_ages(written)
    assert ps.withheld_text(store.plan, written) == written


@pytest.mark.parametrize("written", ("KX-07", "kx-07", "KX 07", "KX-7", "KX07", "Kx_007", "KX\u201307", "KX / 7"))
def test_a_case_reference_however_written_is_found_and_withheld(written: str) -> None:
    store = ps.open(":memory:")
    me = ps.Actor("LIS business manager")
    p = store.add_partnership("Test SCP", by=me)
    audit = store.add_audit(p.id, "Case file audit", "multi_agency_case_audit", dt.date(2024, 5, 1), by=me)
    store.add_case(audit.id, "KX-07", age_band=(15, 17), by=me)
    assert reference_pattern("KX-07").search(f"seen in {written}.")
    assert ps.withheld_text(store.plan, f"seen in {written}.") == "seen in [case reference withheld]."
    assert not reference_pattern("KX-07").search("KX-071, KX-70, AKX-07")


@pytest.fixture(scope="module")
def pack(seeded: load_seeds.SeedStore) -> str:
    return ps.render_review_pack(seeded.store.plan, AS_OF)


def test_review_pack_is_valid_html5(pack: str) -> None:
    tree = strict_parse(pack)
    headings = [" ".join("".join(h.itertext()).split()) for h in tree.iter("h2")]
    assert headings == list(PACK_SECTIONS)
    assert not list(tree.iter("script"))


def test_briefings_are_valid_html5(briefings: dict[str, dict[str, str]]) -> None:
    for key, pages in briefings.items():
        tree = strict_parse(pages["html"])
        parts = ["".join(h.itertext()).strip() for h in tree.iter("h2")]
        assert parts == list(BRIEFING_PARTS), key


def test_review_pack_markdown_has_every_section(seeded: load_seeds.SeedStore) -> None:
    text = ps.render_review_pack(seeded.store.plan, AS_OF, "markdown")
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == list(PACK_SECTIONS)


def test_review_pack_reports_the_seed_plan(seeded: load_seeds.SeedStore, pack: str) -> None:
    plan = seeded.store.plan
    page = text_of(pack)
    for partnership in plan.partnerships():
        assert html.unescape(partnership.name) in page
    for action_id in plan.overdue_actions(AS_OF):
        assert f"#{action_id} {plan.action(action_id).title}" in page


def test_report_arguments_are_checked(seeded: load_seeds.SeedStore) -> None:
    plan = seeded.store.plan
    with pytest.raises(ps.ValidationError, match="format"):
        ps.render_review_pack(plan, AS_OF, "pdf")
    with pytest.raises(ps.ValidationError, match="since"):
        ps.render_review_pack(plan, AS_OF, since=AS_OF)
    with pytest.raises(ps.NotFoundError):
        ps.render_review_pack(plan, AS_OF, partnership=999)
    with pytest.raises(ps.NotFoundError):
        ps.render_briefing(plan, 999, AS_OF)
    assert issubclass(ps.ValidationError, ps.Error) and issubclass(ps.NotFoundError, ps.Error)


def test_one_partnership_and_a_given_period(seeded: load_seeds.SeedStore) -> None:
    plan = seeded.store.plan
    first = plan.partnerships()[0]
    one = ps.render_review_pack(plan, AS_OF, "markdown", partnership=first.id, since=dt.date(2024, 3, 31))
    assert "From 2024-03-31 to 2025-03-31" in one
    assert all(p.name not in one for p in plan.partnerships()[1:])


# ---- looked at as a person would -----------------------------------------------------------


def unnumbered(heading: str) -> str:
    """A heading without a briefing part's number in front, spaces collapsed."""
    return re.sub(r"^\d\s*", "", " ".join(heading.split()))


def check_page(path: Path, headings: tuple[str, ...]) -> render.Layout:
    """The page at A4 width: nothing sticks out, and every heading is there and visible."""
    layout = render.layout(path)
    assert layout.overflowing == [], f"{path.name}: {layout.overflowing}"
    assert layout.scroll_width <= layout.viewport_width
    shown = {unnumbered(h.text) for h in layout.headings if h.level == 2 and h.visible}
    missing = [h for h in headings if unnumbered(h) not in shown]
    assert not missing, f"{path.name}: headings not shown: {missing}"
    return layout


def test_review_pack_renders_in_chromium(pack: str, tmp_path: Path) -> None:
    page = write_reports.write(tmp_path / "review-pack.html", pack)
    layout = check_page(page, PACK_SECTIONS)
    png = tmp_path / "review-pack.png"
    render.screenshot(page, png, height_px=min(layout.page_height, 4000))
    assert png.stat().st_size > 10_000


def test_briefing_renders_in_chromium(briefings: dict[str, dict[str, str]], tmp_path: Path) -> None:
    page = write_reports.write(tmp_path / "briefing.html", briefings["cac"]["html"])
    check_page(page, BRIEFING_PARTS)


def test_write_reports_writes_pack_and_five_briefings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert write_reports.main(["write_reports.py", str(tmp_path / "out")]) == 0
    printed = capsys.readouterr().out.splitlines()
    paths = [Path(line.split(": ", 1)[1]) for line in printed]
    assert all(p.exists() for p in paths)
    assert len([p for p in printed if p.startswith("review pack: ")]) == 2
    assert len([p for p in printed if p.startswith("briefing: ")]) == 10
    assert write_reports.main(["write_reports.py", str(tmp_path / "out")]) == 1  # the store exists: refused
