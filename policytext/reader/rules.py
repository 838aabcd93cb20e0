"""The reader's rules as data: ``data/layout.json`` (page layout) and ``data/reader/genres.json``
(datelines, delivery lines and other genre marks), compiled once.

>>> bool(layout().part_marker.match("二")), "省长" in office_titles()
(True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import data_json, word_list

# a written date inside a genre rule (see policytext.dates for the parser)
_DATE = (r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\.\d{1,2}\.\d{1,2}"
         r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)")


@dataclass(frozen=True)
class Layout:
    """Page-layout rules (``data/layout.json``)."""

    heading_max: int
    closing: frozenset[str]
    sentence: frozenset[str]
    non_initial: frozenset[str]
    captions: tuple[re.Pattern[str], ...]
    part_marker: re.Pattern[str]
    author_note: re.Pattern[str]
    signoff_office: re.Pattern[str]
    source_notes: tuple[re.Pattern[str], ...]
    tail_source: re.Pattern[str]
    glued_source: re.Pattern[str]
    glued_pager: re.Pattern[str]
    byline: re.Pattern[str]
    byline_source: re.Pattern[str]
    commentator: re.Pattern[str]
    photo_credit: re.Pattern[str]
    caption_max: int
    credit_only_max: int
    credit_all: re.Pattern[str]
    subtitle_prefixes: tuple[str, ...]
    headline_final: frozenset[str]
    editor: re.Pattern[str]
    continuation: re.Pattern[str]
    related: re.Pattern[str]
    summary: re.Pattern[str]
    box_marker: re.Pattern[str]
    boilerplate: tuple[re.Pattern[str], ...]
    boilerplate_max: int
    breadcrumb: re.Pattern[str]
    related_links: re.Pattern[str]
    preamble: re.Pattern[str]
    pull_quote_min: int
    dated_heading: re.Pattern[str]
    page_date: re.Pattern[str]
    role_byline: re.Pattern[str]
    dialogue_box: re.Pattern[str]
    dialogue_member: re.Pattern[str]
    excerpt_source: re.Pattern[str]
    approval_note: re.Pattern[str]
    signature_date: re.Pattern[str]
    title_prefix: re.Pattern[str]
    numbered_heading: re.Pattern[str]
    parenthesized_date: re.Pattern[str]
    numbered_heading_max: int
    not_byline: re.Pattern[str]
    interviewee: re.Pattern[str]
    interview_box: re.Pattern[str]
    signoff_author: re.Pattern[str]
    title_subtitle_split: re.Pattern[str]
    web_furniture: re.Pattern[str]
    leading_page_date: re.Pattern[str]
    item_start: re.Pattern[str]
    note_line: re.Pattern[str]
    editor_signature: re.Pattern[str]
    tail_boilerplate: re.Pattern[str]
    non_final: frozenset[str]
    keep_box_text: bool
    keep_editor_note: bool
    series_min: tuple[int, int]
    column_label: re.Pattern[str]
    standalone_heading_max: int
    page_stamps: tuple[re.Pattern[str], ...]
    column_prefix: re.Pattern[str]
    bracket_heading: re.Pattern[str]
    lead_box: re.Pattern[str]
    signoff_reporters: re.Pattern[str]
    attribution: re.Pattern[str]
    omission: re.Pattern[str]
    source_author: re.Pattern[str]
    slash_byline: re.Pattern[str]
    not_source: frozenset[str]
    lead_in_words: tuple[str, ...]


@lru_cache(maxsize=1)
def layout() -> Layout:
    """The layout rules, compiled."""
    raw = data_json("layout.json")
    return Layout(
        heading_max=int(raw["heading_max_chars"]),
        closing=frozenset(raw["closing_punctuation"]),
        sentence=frozenset(raw["sentence_punctuation"]),
        non_initial=frozenset(raw["non_initial_chars"]),
        captions=tuple(re.compile(p) for p in raw["caption_patterns"]),
        part_marker=re.compile(raw["part_marker_pattern"]),
        author_note=re.compile(raw["author_note_pattern"]),
        signoff_office=re.compile(raw["signoff_office_pattern"]),
        source_notes=tuple(re.compile(p) for p in raw["source_note_patterns"]),
        tail_source=re.compile(raw["tail_source_pattern"]),
        glued_source=re.compile(raw["glued_source_pattern"]),
        glued_pager=re.compile(raw["glued_pager_pattern"]),
        byline=re.compile(raw["byline_pattern"]),
        byline_source=re.compile(raw["byline_source_pattern"]),
        commentator=re.compile(raw["commentator_pattern"]),
        photo_credit=re.compile(raw["photo_credit_pattern"]),
        caption_max=int(raw["caption_max_chars"]),
        credit_only_max=int(raw["credit_only_max_chars"]),
        credit_all=re.compile(raw["credit_all_pattern"]),
        subtitle_prefixes=tuple(raw["subtitle_prefixes"]),
        headline_final=frozenset(raw["headline_final_punctuation"]),
        editor=re.compile(raw["editor_pattern"]),
        continuation=re.compile(raw["continuation_pattern"]),
        related=re.compile(raw["related_pattern"]),
        summary=re.compile(raw["summary_pattern"]),
        box_marker=re.compile(raw["box_marker_pattern"]),
        boilerplate=tuple(re.compile(p) for p in raw["boilerplate_patterns"]),
        boilerplate_max=int(raw["boilerplate_max_chars"]),
        breadcrumb=re.compile(raw["breadcrumb_pattern"]),
        related_links=re.compile(raw["related_links_pattern"]),
        preamble=re.compile(raw["preamble_pattern"]),
        pull_quote_min=int(raw["pull_quote_min_chars"]),
        dated_heading=re.compile(raw["dated_heading_pattern"]),
        page_date=re.compile(raw["page_date_pattern"]),
        role_byline=re.compile(raw["role_byline_pattern"]),
        dialogue_box=re.compile(raw["dialogue_box_pattern"]),
        dialogue_member=re.compile(raw["dialogue_member_pattern"]),
        excerpt_source=re.compile(raw["excerpt_source_pattern"]),
        approval_note=re.compile(raw["approval_note_pattern"]),
        signature_date=re.compile(raw["signature_date_pattern"]),
        title_prefix=re.compile(raw["title_prefix_pattern"]),
        numbered_heading=re.compile(raw["numbered_heading_pattern"]),
        parenthesized_date=re.compile(raw["parenthesized_date_pattern"]),
        numbered_heading_max=int(raw["numbered_heading_max_chars"]),
        not_byline=re.compile(raw["not_byline_pattern"]),
        interviewee=re.compile(raw["interviewee_pattern"]),
        interview_box=re.compile(raw["interview_box_pattern"]),
        signoff_author=re.compile(raw["signoff_author_pattern"]),
        title_subtitle_split=re.compile(raw["title_subtitle_split_pattern"]),
        web_furniture=re.compile(raw["web_furniture_pattern"]),
        leading_page_date=re.compile(raw["leading_page_date_pattern"]),
        item_start=re.compile(raw["item_start_pattern"]),
        note_line=re.compile(raw["note_line_pattern"]),
        editor_signature=re.compile(raw["editor_signature_pattern"]),
        tail_boilerplate=re.compile(raw["tail_boilerplate_pattern"]),
        non_final=frozenset(raw["non_final_chars"]),
        keep_box_text=bool(raw["keep_box_text"]),
        keep_editor_note=bool(raw["keep_editor_note"]),
        series_min=(int(raw["series_min"]["ordinal"]), int(raw["series_min"]["opening"])),
        column_label=re.compile(raw["column_label_pattern"]),
        standalone_heading_max=int(raw["standalone_heading_max_chars"]),
        lead_in_words=tuple(raw["lead_in_words"]),
        page_stamps=tuple(re.compile(p) for p in raw["page_stamp_patterns"]),
        column_prefix=re.compile(raw["column_prefix_pattern"]),
        bracket_heading=re.compile(raw["bracket_heading_pattern"]),
        lead_box=re.compile(raw["lead_box_pattern"]),
        signoff_reporters=re.compile(raw["signoff_reporters_pattern"]),
        attribution=re.compile(raw["attribution_pattern"]),
        omission=re.compile(raw["omission_pattern"]),
        source_author=re.compile(raw["source_author_pattern"]),
        slash_byline=re.compile(raw["slash_byline_pattern"]),
        not_source=frozenset(raw["not_source_names"]),
    )


@dataclass(frozen=True)
class GenreRules:
    """Genre rules (``data/reader/genres.json``)."""

    agencies: frozenset[str]
    dateline: re.Pattern[str]
    dateline_reporters: re.Pattern[str]
    dateline_reported: re.Pattern[str]
    signoff: re.Pattern[str]
    headline_prefix: re.Pattern[str]
    delivery: tuple[re.Pattern[str], ...]
    new_year: re.Pattern[str]
    new_year_title: re.Pattern[str]
    note: re.Pattern[str]
    note_speaker: re.Pattern[str]
    speech_opening: re.Pattern[str]
    speech_title: re.Pattern[str]
    report_title: re.Pattern[str]
    transcript_turn: re.Pattern[str]
    transcript_qa: re.Pattern[str]
    commentary_tag: re.Pattern[str]
    document_title: re.Pattern[str]
    transcript_title: re.Pattern[str]
    held_event: re.Pattern[str]
    document_article: re.Pattern[str]
    feature_min_paragraphs: int
    excerpt_note: re.Pattern[str]
    speech_report_title: re.Pattern[str]
    event_lede: re.Pattern[str]
    session: re.Pattern[str]
    speech_at_event: re.Pattern[str]
    feature_tag: re.Pattern[str]
    feature_deck: re.Pattern[str]
    event_title: re.Pattern[str]
    byline_date: re.Pattern[str]
    delivered_genres: tuple[str, ...]
    theory_publications: tuple[str, ...]
    scholar: re.Pattern[str]
    greeting_deck: re.Pattern[str]
    voice: re.Pattern[str]
    statement: re.Pattern[str]
    feature_voices: int
    feature_voiced_paragraphs: int


@lru_cache(maxsize=1)
def genre_rules() -> GenreRules:
    """The genre rules, compiled (``AGENCY`` and ``DATE`` filled in)."""
    raw = data_json("reader", "genres.json")
    agency = "|".join(sorted(map(re.escape, raw["agencies"]), key=len, reverse=True))

    def rx(key: str) -> re.Pattern[str]:
        return re.compile(raw[key].replace("AGENCY", agency).replace("DATE", _DATE))

    return GenreRules(
        agencies=frozenset(raw["agencies"]),
        dateline=rx("dateline_pattern"),
        dateline_reporters=rx("dateline_reporters_pattern"),
        dateline_reported=rx("dateline_reported_pattern"),
        signoff=rx("signoff_pattern"),
        headline_prefix=rx("headline_prefix_pattern"),
        delivery=tuple(re.compile(p.replace("DATE", _DATE)) for p in raw["delivery_patterns"]),
        new_year=rx("new_year_pattern"),
        new_year_title=rx("new_year_title_pattern"),
        note=rx("note_pattern"),
        note_speaker=rx("note_speaker_pattern"),
        speech_opening=rx("speech_opening_pattern"),
        speech_title=rx("speech_title_pattern"),
        report_title=rx("report_title_pattern"),
        transcript_turn=rx("transcript_turn_pattern"),
        transcript_qa=rx("transcript_qa_pattern"),
        commentary_tag=rx("commentary_tag_pattern"),
        document_title=rx("document_title_pattern"),
        transcript_title=rx("transcript_title_pattern"),
        held_event=rx("held_event_pattern"),
        document_article=rx("document_article_pattern"),
        feature_min_paragraphs=int(raw["feature_min_paragraphs"]),
        excerpt_note=rx("excerpt_note_pattern"),
        speech_report_title=rx("speech_report_title_pattern"),
        event_lede=rx("event_lede_pattern"),
        session=rx("session_pattern"),
        speech_at_event=rx("speech_at_event_pattern"),
        feature_tag=rx("feature_tag_pattern"),
        feature_deck=rx("feature_deck_pattern"),
        event_title=rx("event_title_pattern"),
        byline_date=rx("byline_date_pattern"),
        delivered_genres=tuple(raw["delivered_genres"]),
        theory_publications=tuple(raw["theory_publications"]),
        scholar=re.compile(raw["scholar_pattern"]),
        greeting_deck=re.compile(raw["greeting_deck_pattern"]),
        voice=re.compile(raw["voice_pattern"]),
        statement=re.compile(raw["statement_pattern"]),
        feature_voices=int(raw["feature_voices"]),
        feature_voiced_paragraphs=int(raw["feature_voiced_paragraphs"]),
    )


@lru_cache(maxsize=1)
def office_titles() -> tuple[str, ...]:
    """Office titles of the shipped lexicon (``data/lexicon/titles.txt``: 省长, 国务院总理, …)."""
    return tuple(x.split()[0] for x in word_list("lexicon", "titles.txt"))
